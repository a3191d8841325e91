import { eq, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { complianceProfiles } from '../db/tables.js';
import type { CopyProfileBody, SaveObligationBody } from '../http/compliance.schemas.js';
import { canManageProfiles } from '../policies.js';
import {
  duplicateObligationIds,
  type Obligation,
  type ProfileDocument,
} from '../profile-document.js';
import { listProfiles, loadProfile, SHIPPED_PROFILES } from '../profiles.js';
import { activeProfileId } from './select-profile.js';

/** Every profile, shipped and the regency's own, with the active one marked. */
export async function findProfiles(ctx: Ctx) {
  const active = await activeProfileId(ctx.db);
  return (await listProfiles(ctx.db)).map((p) => ({ ...p, active: p.id === active }));
}

/** A profile in the reference files' shape (export, and the editor's source). */
export async function exportProfile(ctx: Ctx, id: string): Promise<ProfileDocument> {
  return (await loadProfile(ctx.db, id)).document;
}

async function assertFreeId(db: Executor, ctx: Ctx, id: string, path: string) {
  const [row] = await db
    .select({ id: complianceProfiles.id })
    .from(complianceProfiles)
    .where(eq(complianceProfiles.id, id));
  if (row || SHIPPED_PROFILES[id]) {
    throw new AppError('CONFLICT', {
      detailKey: 'compliance.profileExists',
      errors: [{ path, message: t(ctx.lang, 'compliance.profileExists') }],
    });
  }
}

async function insertProfile(
  tx: Tx,
  ctx: Ctx,
  id: string,
  basedOn: string | null,
  document: ProfileDocument,
  action: string,
) {
  await tx.insert(complianceProfiles).values({
    id,
    basedOn,
    document,
    createdBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
  });
  await recordAuditEvent(tx, ctx, {
    action,
    entityType: 'compliance_profile',
    entityId: id,
    after: { id, basedOn, obligations: document.obligations.length },
  });
  return { id, basedOn, obligations: document.obligations.length };
}

/** Copies a profile into the regency's own, to be edited (Tabanan, Sragen… as a starting point). */
export async function copyProfile(ctx: Ctx, input: Static<typeof CopyProfileBody>) {
  if (!canManageProfiles(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const source = await loadProfile(tx, input.from).catch(() => {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: '/from', message: t(ctx.lang, 'compliance.profileUnknown') }],
      });
    });
    await assertFreeId(tx, ctx, input.id, '/id');
    const document: ProfileDocument = structuredClone(source.document);
    if (input.title) document.regulation.title = input.title;
    return insertProfile(tx, ctx, input.id, source.id, document, 'compliance_profile.copy');
  });
}

/**
 * Imports a profile in the reference files' shape. The schema (the route's body) refuses a
 * malformed one with JSON pointers; here the same obligation id twice is refused, pointing at
 * both. Nothing is written unless the whole document is acceptable.
 */
export async function importProfile(ctx: Ctx, id: string, document: ProfileDocument) {
  if (!canManageProfiles(ctx.actor)) throw forbidden();
  const dups = duplicateObligationIds(document);
  if (dups.length) {
    throw new AppError('VALIDATION_FAILED', {
      errors: dups.map((d) => ({
        path: d.path,
        message: t(ctx.lang, 'compliance.duplicateObligationId', { first: d.first }),
      })),
    });
  }
  return inTransaction(ctx, async (tx) => {
    await assertFreeId(tx, ctx, id, '/id');
    return insertProfile(tx, ctx, id, null, document, 'compliance_profile.import');
  });
}

/**
 * Adds, rewords or retires one obligation of the regency's own profile: the clause, the verbatim
 * text and the rest, as in the reference files. A retired obligation stays in the document
 * (`retired: true`) and leaves the evaluation.
 */
export async function saveObligation(
  ctx: Ctx,
  profileId: string,
  obligationId: string,
  input: Static<typeof SaveObligationBody>,
) {
  if (!canManageProfiles(ctx.actor)) throw forbidden();
  if (SHIPPED_PROFILES[profileId]) {
    throw new AppError('CONFLICT', { detailKey: 'compliance.profileShipped' });
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(complianceProfiles)
      .where(eq(complianceProfiles.id, profileId))
      .for('update');
    if (!row) throw notFound();
    const document = structuredClone(row.document);
    const next: Obligation = { id: obligationId, ...input };
    const index = document.obligations.findIndex((o) => o.id === obligationId);
    const before = index >= 0 ? document.obligations[index] : null;
    if (index >= 0) document.obligations[index] = next;
    else document.obligations.push(next);
    await tx
      .update(complianceProfiles)
      .set({ document, version: sql`${complianceProfiles.version} + 1`, updatedAt: sql`now()` })
      .where(eq(complianceProfiles.id, profileId));
    await recordAuditEvent(tx, ctx, {
      action: before ? 'compliance_profile.obligation.update' : 'compliance_profile.obligation.add',
      entityType: 'compliance_profile',
      entityId: profileId,
      before,
      after: next,
    });
    return next;
  });
}
