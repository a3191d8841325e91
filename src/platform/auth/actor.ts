import type { SecretBox } from '../crypto/secrets.js';
import type { Db } from '../db/client.js';
import type { Lang } from '../i18n/messages.js';
import { OVERSIGHT_ROLES, type Role } from './roles.js';

export interface RoleGrant {
  role: Role;
  agencyId: string;
}

/** Who is acting: a signed-in user (by session or API token) or Simpul itself (CLI, jobs). */
export type Actor =
  | {
      type: 'user';
      id: string;
      email: string;
      name: string;
      agencyId: string | null;
      roles: RoleGrant[];
      via: 'session' | 'token';
      /** Set by an admin reset: only the account endpoints answer until the password is changed. */
      mustChangePassword: boolean;
      sessionId?: string;
      csrfToken?: string;
    }
  | { type: 'system'; label: string };

export type UserActor = Extract<Actor, { type: 'user' }>;

/**
 * What the console may offer an actor, as permission names (`agency:create`, …). Each context
 * contributes its own; the composition root (src/app.ts) joins them. The server checks again.
 */
export type PermissionsOf = (actor: Actor | null) => string[];

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** What every use case receives first: the database, who acts, from where, in which language. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  meta: RequestMeta;
  lang: Lang;
  /** Encrypts secrets at rest (TOTP seeds) with the instance key. */
  secrets: SecretBox;
}

export function hasRole(actor: Actor | null, role: Role, agencyId?: string): boolean {
  if (!actor) return false;
  if (actor.type === 'system') return true;
  return actor.roles.some(
    (g) => g.role === role && (agencyId === undefined || g.agencyId === agencyId),
  );
}

export const isKominfoAdmin = (actor: Actor | null) => hasRole(actor, 'kominfo_admin');

/**
 * The agencies whose records the actor may read: 'all' for the Diskominfo admin, oversight roles
 * and the system; otherwise the agencies of its role grants plus its home agency.
 */
export function readableAgencies(actor: Actor | null): 'all' | string[] {
  if (!actor) return [];
  if (actor.type === 'system') return 'all';
  if (actor.roles.some((g) => g.role === 'kominfo_admin' || OVERSIGHT_ROLES.includes(g.role))) {
    return 'all';
  }
  const ids = new Set(actor.roles.map((g) => g.agencyId));
  if (actor.agencyId) ids.add(actor.agencyId);
  return [...ids];
}

export function actorLabel(actor: Actor): string {
  return actor.type === 'system' ? `system:${actor.label}` : actor.email;
}

export function systemCtx(db: Db, secrets: SecretBox, label: string): Ctx {
  return {
    db,
    secrets,
    actor: { type: 'system', label },
    meta: { requestId: null, ip: null, userAgent: null },
    lang: 'id',
  };
}
