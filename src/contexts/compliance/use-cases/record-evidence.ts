import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../platform/errors.js';
import { inFileScope } from '../../../platform/files/policies.js';
import { files } from '../../../platform/files/tables.js';
import { t } from '../../../platform/i18n/messages.js';
import { complianceEvidence } from '../db/tables.js';
import { isSupported } from '../evaluate.js';
import type { RecordEvidenceBody } from '../http/compliance.schemas.js';
import { localToday } from '../local-date.js';
import { loadParties, partiesOf, partyByKey } from '../parties.js';
import { canRecordEvidence, partyVisible } from '../policies.js';
import type { CheckTypeRef } from '../profile-document.js';
import { checkOf, loadProfile } from '../profiles.js';
import { activeProfileId } from './select-profile.js';

/** Which evidence an obligation's check uses: a submission, an attestation, or none. */
export function acceptedEvidence(check: CheckTypeRef): ('submission' | 'attestation')[] {
  if (check.type === 'attestation') return ['attestation'];
  if (check.type === 'document_in_force') return ['submission'];
  if (check.type === 'recurring_submission' && check.params.source === undefined)
    return ['submission'];
  // A duty no module can check yet may be vouched for by a person until the module arrives.
  if (!isSupported(check)) return ['attestation'];
  return [];
}

export function presentEvidence(row: typeof complianceEvidence.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    obligationId: row.obligationId,
    partyKey: row.partyKey,
    period: row.period,
    recordedOn: row.recordedOn,
    validUntil: row.validUntil,
    fileId: row.fileId,
    url: row.url,
    statement: row.statement,
    recordedByName: row.recordedByName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Records a submission (an agency hands in its yearly LAN diagram — Perbup OKU Timur 2022 Pasal
 * 22 ayat (1); the Dinas records a decree in force) or an attestation (who vouches, when, with
 * what evidence, until when) for one obligation of the active profile and one bound party.
 */
export async function recordEvidence(ctx: Ctx, input: Static<typeof RecordEvidenceBody>) {
  const profile = await loadProfile(ctx.db, await activeProfileId(ctx.db));
  const obligation = profile.document.obligations.find(
    (o) => o.id === input.obligationId && !o.retired,
  );
  const fail = (path: string, key: Parameters<typeof t>[1], params?: Record<string, unknown>) =>
    new AppError('VALIDATION_FAILED', { errors: [{ path, message: t(ctx.lang, key, params) }] });
  if (!obligation) throw fail('/obligationId', 'compliance.obligationUnknown');
  const universe = await loadParties(ctx.db);
  const party = partyByKey(universe, input.partyKey);
  if (!party || !partyVisible(ctx.actor, party)) throw notFound();
  if (!canRecordEvidence(ctx.actor, party)) throw forbidden();
  if (!partiesOf(obligation, universe).some((p) => p.key === party.key)) {
    throw fail('/partyKey', 'compliance.partyNotBound');
  }
  const check = checkOf(obligation);
  if (!acceptedEvidence(check).includes(input.kind)) {
    throw fail('/kind', 'compliance.evidenceKindNotAccepted', { check: check.type });
  }
  const recordedOn = input.recordedOn ?? localToday();
  const errors: FieldError[] = [];
  if (!input.fileId && !input.url) {
    errors.push({ path: '/fileId', message: t(ctx.lang, 'compliance.evidenceRequired') });
  }
  const termed =
    input.kind === 'attestation' ||
    (check.type === 'document_in_force' && obligation.period === 'every_5_years');
  if (termed && !input.validUntil) {
    errors.push({ path: '/validUntil', message: t(ctx.lang, 'compliance.validUntilRequired') });
  }
  if (input.validUntil && input.validUntil < recordedOn) {
    errors.push({ path: '/validUntil', message: t(ctx.lang, 'compliance.validUntilPast') });
  }
  if (recordedOn > localToday()) {
    errors.push({ path: '/recordedOn', message: t(ctx.lang, 'datacenter.dateInFuture') });
  }
  if (input.fileId) {
    const [file] = await ctx.db.select().from(files).where(eq(files.id, input.fileId));
    if (!file || !inFileScope(ctx.actor, file.agencyId)) {
      errors.push({ path: '/fileId', message: t(ctx.lang, 'compliance.fileUnknown') });
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  const agencyId = party.agencyId;
  if (!agencyId) throw fail('/partyKey', 'compliance.partyNotBound');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(complianceEvidence)
      .values({
        kind: input.kind,
        obligationId: obligation.id,
        partyKey: party.key,
        agencyId,
        period: input.period ?? (obligation.period === 'yearly' ? recordedOn.slice(0, 4) : null),
        recordedOn,
        validUntil: input.validUntil ?? null,
        fileId: input.fileId ?? null,
        url: input.url ?? null,
        statement: input.statement.trim(),
        recordedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
        recordedByName:
          ctx.actor?.type === 'user' ? `${ctx.actor.name} <${ctx.actor.email}>` : 'Simpul',
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const view = presentEvidence(row);
    await recordAuditEvent(tx, ctx, {
      action: `compliance.${input.kind}.record`,
      entityType: 'compliance_evidence',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
