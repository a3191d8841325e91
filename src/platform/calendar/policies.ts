import { type Actor, isKominfoAdmin } from '../auth/actor.js';

/** The holidays of the working calendar are kept by the Diskominfo admin; everyone reads them. */
export const canManageHolidays = (actor: Actor | null) => isKominfoAdmin(actor);
