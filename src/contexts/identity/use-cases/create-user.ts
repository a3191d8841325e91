import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findAgencyById } from '../../organization/index.js';
import { findUserByEmail } from '../db/queries.js';
import { users } from '../db/tables.js';
import type { CreateUserBody } from '../http/identity.schemas.js';
import { assertPasswordStrength, hashPassword } from '../passwords.js';
import { canManageUsers } from '../policies.js';
import { loadUserView } from './get-user.js';
import { replaceRoleGrants } from './role-grants.js';

/**
 * Creates an account in an agency with its role grants. The initial password is set by the admin
 * and must be changed at first sign-in.
 */
export async function createUser(
  ctx: Ctx,
  input: Static<typeof CreateUserBody>,
  options: {
    mustChangePassword?: boolean;
    /** The argon2id hash of `input.password`, when the caller already has it (the demo seed). */
    passwordHash?: string;
  } = {},
) {
  if (!canManageUsers(ctx.actor)) throw forbidden();
  assertPasswordStrength(input.password, input.email, ctx.lang, '/password');
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  return inTransaction(ctx, async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw conflict('user.emailTaken', '/email', t(ctx.lang, 'user.emailTaken'));
    }
    if (!(await findAgencyById(tx, input.agencyId))) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: '/agencyId', message: t(ctx.lang, 'user.agencyInvalid') }],
      });
    }
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        nip: input.nip ?? null,
        position: input.position ?? null,
        phone: input.phone ?? null,
        agencyId: input.agencyId,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('insert returned nothing');
    await replaceRoleGrants(tx, ctx, row.id, input.roles);
    const user = await loadUserView(tx, row.id);
    await recordAuditEvent(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: user,
    });
    return user as NonNullable<typeof user>;
  });
}
