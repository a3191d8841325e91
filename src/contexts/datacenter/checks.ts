import type { Static } from 'typebox';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/errors.js';
import { t } from '../../platform/i18n/messages.js';
import { checkAgencyId, checkDeviceId, checkDeviceIds, throwIfInvalid } from './db/queries.js';
import type {
  UpdateAccessAuthorityBody,
  UpdateActivityRecordBody,
} from './http/registry.schemas.js';

/** Checks of input that need more than its schema, shared by the create and update use cases. */

type AuthorityFields = Static<typeof UpdateAccessAuthorityBody>;
type ActivityFields = Static<typeof UpdateActivityRecordBody>;

/** The agency and device named exist, and a grant is not revoked before it was given. */
export async function checkAuthority(tx: Tx, ctx: Ctx, fields: AuthorityFields) {
  const errors = [
    ...(await checkAgencyId(tx, ctx, fields.agencyId, '/agencyId')),
    ...(await checkDeviceId(tx, ctx, fields.deviceId, '/deviceId')),
  ];
  if (fields.grantedOn && fields.revokedOn && fields.revokedOn < fields.grantedOn) {
    errors.push({ path: '/revokedOn', message: t(ctx.lang, 'datacenter.dateBeforeStart') });
  }
  throwIfInvalid(errors);
}

/** The agency and devices named exist, and nobody leaves before they came in. */
export async function checkActivity(tx: Tx, ctx: Ctx, fields: ActivityFields) {
  const errors = [
    ...(await checkAgencyId(tx, ctx, fields.agencyId, '/agencyId')),
    ...(await checkDeviceIds(tx, ctx, fields.deviceIds ?? [], '/deviceIds')),
  ];
  if (
    fields.startedAt &&
    fields.endedAt &&
    Date.parse(fields.endedAt) < Date.parse(fields.startedAt)
  ) {
    errors.push({ path: '/endedAt', message: t(ctx.lang, 'datacenter.dateBeforeStart') });
  }
  throwIfInvalid(errors);
}

/** An off-site copy must say where it is. */
export function checkOffsite(
  ctx: Ctx,
  offsiteCopy: boolean,
  offsiteLocation: string | null | undefined,
): FieldError[] {
  return offsiteCopy && !offsiteLocation?.trim()
    ? [{ path: '/offsiteLocation', message: t(ctx.lang, 'datacenter.offsiteLocationRequired') }]
    : [];
}
