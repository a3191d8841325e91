import { type Actor, isKominfoAdmin } from '../auth/actor.js';

/** The outbox (every mail Simpul sends, with its recipient): the Diskominfo admin only. */
export const canReadOutbox = (actor: Actor | null) => isKominfoAdmin(actor);
