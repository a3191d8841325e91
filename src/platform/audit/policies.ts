import { type Actor, hasRole, isKominfoAdmin } from '../auth/actor.js';

/** Reading and verifying the audit trail: the Diskominfo admin and auditors. */
export const canReadAudit = (actor: Actor | null) =>
  isKominfoAdmin(actor) || hasRole(actor, 'auditor');
