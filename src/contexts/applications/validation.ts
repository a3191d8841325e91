import type { Ctx } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { type MessageKey, t } from '../../platform/i18n/messages.js';
import { findNationalApplicationById } from './db/queries.js';

/** The fields of an application that are checked together (after a patch is merged). */
export interface ApplicationFacts {
  kind: string;
  complexity?: string | null;
  nationalApplicationId?: string | null;
  nationalRelation?: string | null;
  vendorName?: string | null;
  handoverDate?: string | null;
  handoverStatus?: string | null;
  lastAuditDate?: string | null;
}

export interface Refusal {
  path: string;
  key: MessageKey;
}

/** A 400 naming each refused field, in the caller's language. */
export function validationFailed(ctx: Ctx, refusals: Refusal[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    detailKey: refusals.length === 1 ? refusals[0]?.key : undefined,
    errors: refusals.map((r) => ({ path: r.path, message: t(ctx.lang, r.key) })),
  });
}

/**
 * The rules a schema cannot express. `changedNational` is true when the request names a national
 * application (only then is its existence looked up).
 */
export async function checkApplicationFacts(
  db: Executor,
  facts: ApplicationFacts,
  options: { today: string; changedNational: boolean },
): Promise<Refusal[]> {
  const out: Refusal[] = [];
  // OKU Timur 2022 Pasal 18 ayat (2): complexity classifies aplikasi umum only.
  if (facts.complexity && facts.kind !== 'umum') {
    out.push({ path: '/complexity', key: 'application.complexityUmumOnly' });
  }
  const hasNational = Boolean(facts.nationalApplicationId);
  if (hasNational !== Boolean(facts.nationalRelation)) {
    out.push({
      path: hasNational ? '/nationalRelation' : '/nationalApplicationId',
      key: 'application.nationalPair',
    });
  }
  if (
    hasNational &&
    options.changedNational &&
    !(await findNationalApplicationById(db, facts.nationalApplicationId as string))
  ) {
    out.push({ path: '/nationalApplicationId', key: 'application.nationalUnknown' });
  }
  // Sragen 41/2019 Pasal 21 ayat (3): the hand-over is the third party's.
  if (!facts.vendorName && (facts.handoverDate || facts.handoverStatus)) {
    out.push({ path: '/vendorName', key: 'application.handoverWithoutVendor' });
  }
  if (facts.lastAuditDate && facts.lastAuditDate > options.today) {
    out.push({ path: '/lastAuditDate', key: 'application.auditDateInFuture' });
  }
  return out;
}
