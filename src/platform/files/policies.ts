import { type Actor, readableAgencies } from '../auth/actor.js';

/**
 * A file belongs to an agency; it is readable, and uploadable, within the actor's agency scope:
 * its own agencies, or every agency for the Diskominfo admin and the oversight roles (who attach
 * findings to an agency's request).
 */
export function inFileScope(actor: Actor | null, agencyId: string): boolean {
  const scope = readableAgencies(actor);
  return scope === 'all' || scope.includes(agencyId);
}
