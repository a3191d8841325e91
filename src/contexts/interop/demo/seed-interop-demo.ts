import { and, asc, eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { applications } from '../../applications/index.js';
import { roleAssignments, users } from '../../identity/index.js';
import { interopApis } from '../db/tables.js';
import { changeApiStatus } from '../use-cases/change-api-status.js';
import { createApi } from '../use-cases/create-api.js';
import { createSubscription } from '../use-cases/create-subscription.js';
import { takeSubscriptionTransition } from '../use-cases/take-subscription-transition.js';
import { IMMUNIZATION_OPENAPI } from './immunization-openapi.js';

export interface InteropDemoOptions {
  /** The demo agencies' ids by code (`DINKES`, `DISDUKCAPIL`, …); missing codes are skipped. */
  agencyIdsByCode: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

/** A context acting as the first active demo user holding `role` in `agencyId`, or Simpul itself. */
async function actingAs(ctx: Ctx, role: Role, agencyId: string): Promise<Ctx> {
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, agencyId: users.agencyId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.role, role),
        eq(roleAssignments.agencyId, agencyId),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.email))
    .limit(1);
  if (!user) return ctx;
  const grants = await ctx.db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  const actor: Actor = {
    type: 'user',
    ...user,
    roles: grants.map((g) => ({ role: g.role as Role, agencyId: g.agencyId })),
    via: 'session',
    mustChangePassword: false,
  };
  return { ...ctx, actor };
}

/**
 * The Sistem Penghubung Layanan of the demo regency: Dinas Kesehatan publishes its immunisation
 * API; the Disdukcapil's SIAK subscribes to it, approved by Dinkes and then by the Dinas. Runs
 * through the use cases (audited). Does nothing when an API exists already or agencies are missing.
 */
export async function seedInteropDemo(ctx: Ctx, options: InteropDemoOptions) {
  const ids =
    options.agencyIdsByCode instanceof Map
      ? options.agencyIdsByCode
      : new Map(Object.entries(options.agencyIdsByCode));
  const dinkes = ids.get('DINKES');
  const dukcapil = ids.get('DISDUKCAPIL');
  const kominfo = ids.get('DISKOMINFO');
  if (!dinkes || !dukcapil || !kominfo) return null;
  const [existing] = await ctx.db.select({ id: interopApis.id }).from(interopApis).limit(1);
  if (existing) return null;

  const provider = await actingAs(ctx, 'agency_operator', dinkes);
  const api = await createApi(provider, {
    agencyId: dinkes,
    name: 'Layanan Data Imunisasi',
    slug: 'imunisasi',
    version: 'v1',
    upstreamUrl: 'https://api.dinkes.tabanankab.go.id/imunisasi',
    // Listed in the public portal's catalogue; calling it still needs an approved subscription.
    visibility: 'public',
    dataClassification: 'terbatas',
    openapi: { document: JSON.stringify(IMMUNIZATION_OPENAPI) },
  });
  await changeApiStatus(provider, api.id, 'published');

  const [siak] = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.agencyId, dukcapil))
    .orderBy(asc(applications.name))
    .limit(1);
  if (!siak) return { apis: 1, subscriptions: 0 };
  const consumer = await actingAs(ctx, 'agency_operator', dukcapil);
  const sub = await createSubscription(consumer, {
    applicationId: siak.id,
    apiId: api.id,
    purpose: 'Verifikasi status imunisasi anak saat penerbitan Kartu Identitas Anak (KIA).',
  });
  await takeSubscriptionTransition(provider, sub.id, { transition: 'approve_provider' });
  const dinas = await actingAs(ctx, 'kominfo_admin', kominfo);
  await takeSubscriptionTransition(dinas, sub.id, {
    transition: 'approve_dinas',
    comment: 'Sesuai klasifikasi data terbatas; lewat Sistem Penghubung Layanan.',
  });
  return { apis: 1, subscriptions: 1 };
}
