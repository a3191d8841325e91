import { and, asc, desc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { referenceCodes, referenceLists } from '../db/tables.js';
import type { CreateReferenceListBody } from '../http/data.schemas.js';
import { canManageCodeLists } from '../policies.js';

/**
 * Publishes a new version of a code list (kode referensi / data induk, e.g. the Kemendagri
 * region codes). Versions are never edited: a change is a new version, and a schema may pin
 * one (`ref:<code>@<version>`) or follow the newest.
 */
export async function createReferenceList(ctx: Ctx, input: Static<typeof CreateReferenceListBody>) {
  if (!canManageCodeLists(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx
      .select({ id: referenceLists.id })
      .from(referenceLists)
      .where(and(eq(referenceLists.code, input.code), eq(referenceLists.version, input.version)));
    if (existing) throw new AppError('CONFLICT', { detailKey: 'data.referenceList.exists' });
    const [list] = await tx
      .insert(referenceLists)
      .values({
        code: input.code,
        version: input.version,
        name: input.name,
        source: input.source,
        validFrom: input.validFrom,
      })
      .returning();
    if (!list) throw new Error('insert returned nothing');
    const unique = new Map(input.codes.map((c) => [c.code.trim(), c]));
    const codes = [...unique.values()];
    for (let i = 0; i < codes.length; i += 1000) {
      await tx.insert(referenceCodes).values(
        codes.slice(i, i + 1000).map((c) => ({
          listId: list.id,
          code: c.code.trim(),
          label: c.label.trim(),
          parentCode: c.parentCode ?? null,
        })),
      );
    }
    await recordAuditEvent(tx, ctx, {
      action: 'reference_list.create',
      entityType: 'reference_list',
      entityId: list.id,
      after: { ...list, codeCount: codes.length },
    });
    return { ...list, codeCount: codes.length };
  });
}

/** Every version of every code list (readable by every signed-in user: they are shared master data). */
export async function findReferenceLists(ctx: Ctx) {
  if (!ctx.actor) throw forbidden();
  return ctx.db
    .select()
    .from(referenceLists)
    .orderBy(asc(referenceLists.code), desc(referenceLists.validFrom));
}

export async function getReferenceList(ctx: Ctx, id: string) {
  if (!ctx.actor) throw forbidden();
  const [list] = await ctx.db.select().from(referenceLists).where(eq(referenceLists.id, id));
  if (!list) throw notFound();
  const codes = await ctx.db
    .select({
      code: referenceCodes.code,
      label: referenceCodes.label,
      parentCode: referenceCodes.parentCode,
    })
    .from(referenceCodes)
    .where(eq(referenceCodes.listId, id))
    .orderBy(asc(referenceCodes.code));
  return { ...list, codes };
}
