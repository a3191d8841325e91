import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { findKominfoAgency } from '../db/queries.js';
import type { CreateAgencyBody } from '../http/organization.schemas.js';
import { presentAgency } from '../http/presenters.js';
import { createAgency } from '../use-cases/create-agency.js';

export const uniqueCode = (prefix = 'PD') => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A Perangkat Daerah with a unique code, created through the use case (so audited). */
export function buildAgency(ctx: Ctx, overrides: Partial<Static<typeof CreateAgencyBody>> = {}) {
  return createAgency(ctx, {
    code: uniqueCode(),
    name: `Dinas Uji ${randomBytes(3).toString('hex')}`,
    kind: 'dinas',
    ...overrides,
  });
}

/** The Dinas Kominfo of the test database, created on first use. */
export async function ensureKominfo(ctx: Ctx) {
  const existing = await findKominfoAgency(ctx.db);
  if (existing) return presentAgency(existing);
  return buildAgency(ctx, { name: 'Dinas Komunikasi dan Informatika', isKominfo: true });
}
