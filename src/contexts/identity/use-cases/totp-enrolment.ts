import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { isKominfoAdmin } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findUserById } from '../db/queries.js';
import { users } from '../db/tables.js';
import { verifyPassword } from '../passwords.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../totp.js';
import { requireUser } from './account.js';

/** Starts TOTP enrolment: a new secret, stored encrypted, not yet required at sign-in. */
export async function setupTotp(ctx: Ctx) {
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (user?.totpEnabledAt) throw new AppError('CONFLICT', { detailKey: 'totp.alreadyEnabled' });
  const secret = generateTotpSecret();
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: ctx.secrets.seal(secret), totpLastStep: null })
      .where(eq(users.id, actor.id));
    await recordAuditEvent(tx, ctx, {
      action: 'auth.totp_setup',
      entityType: 'user',
      entityId: actor.id,
    });
  });
  return { secret, otpauthUrl: totpUri(secret, actor.email) };
}

/** Confirms enrolment with a first valid code; from then on sign-in asks for a code. */
export async function enableTotp(ctx: Ctx, code: string) {
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user?.totpSecret) throw new AppError('CONFLICT', { detailKey: 'totp.notSetUp' });
  if (user.totpEnabledAt) throw new AppError('CONFLICT', { detailKey: 'totp.alreadyEnabled' });
  const step = verifyTotp(ctx.secrets.open(user.totpSecret), code, user.totpLastStep);
  if (step === null) {
    throw new AppError('VALIDATION_FAILED', {
      detailKey: 'error.TOTP_INVALID',
      errors: [{ path: '/code', message: t(ctx.lang, 'error.TOTP_INVALID') }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: new Date().toISOString(), totpLastStep: step })
      .where(eq(users.id, actor.id));
    await recordAuditEvent(tx, ctx, {
      action: 'auth.totp_enable',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}

/**
 * Turns TOTP off after re-entering the password. Diskominfo admins cannot: once enrolled, the
 * second factor stays required for them (only another admin can reset a lost one).
 */
export async function disableTotp(ctx: Ctx, password: string) {
  const actor = requireUser(ctx);
  if (isKominfoAdmin(actor))
    throw new AppError('FORBIDDEN', { detailKey: 'totp.requiredForAdmin' });
  const user = await findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('VALIDATION_FAILED', {
      detailKey: 'password.wrongCurrent',
      errors: [{ path: '/password', message: t(ctx.lang, 'password.wrongCurrent') }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, actor.id));
    await recordAuditEvent(tx, ctx, {
      action: 'auth.totp_disable',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}
