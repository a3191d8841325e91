import { Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import { ACCESS_AUTHORITIES, DEVICE_KINDS, DEVICE_STATUSES } from '../vocabulary.js';
import {
  AgencyRef,
  DateString,
  Nullable,
  OptionalDate,
  OptionalNullable,
  Uuid,
} from './common.schemas.js';

/** The registries of Perbup Tabanan 44/2022 Pasal 14 ayat (6) huruf b–d. */

export const DeviceKind = Type.Enum(DEVICE_KINDS);
export const DeviceStatus = Type.Enum(DEVICE_STATUSES);
export const AuthorityLevel = Type.Enum(ACCESS_AUTHORITIES);

const deviceFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: DeviceKind,
  brand: OptionalText(100),
  model: OptionalText(100),
  serialNumber: OptionalText(100),
  location: OptionalText(200),
  rack: OptionalText(100),
  agencyId: Uuid,
  status: Type.Optional(DeviceStatus),
  acquiredOn: OptionalDate,
  notes: OptionalText(5000),
};

export const CreateDeviceBody = Type.Object(deviceFields, { additionalProperties: false });
export const UpdateDeviceBody = Type.Partial(Type.Object(deviceFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const DeviceListQuery = Type.Object(
  {
    kind: Type.Optional(DeviceKind),
    status: Type.Optional(DeviceStatus),
    agencyId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Device = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: DeviceKind,
  brand: Nullable(Type.String()),
  model: Nullable(Type.String()),
  serialNumber: Nullable(Type.String()),
  location: Nullable(Type.String()),
  rack: Nullable(Type.String()),
  agency: AgencyRef,
  status: DeviceStatus,
  acquiredOn: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const authorityFields = {
  personName: Type.String({ minLength: 1, maxLength: 200 }),
  /** The person's Perangkat Daerah; null for a third party named in `affiliation`. */
  agencyId: OptionalNullable(Uuid),
  affiliation: OptionalText(200),
  position: OptionalText(200),
  system: Type.String({ minLength: 1, maxLength: 200 }),
  deviceId: OptionalNullable(Uuid),
  applicationId: OptionalNullable(Uuid),
  authority: AuthorityLevel,
  grantedBy: Type.String({ minLength: 1, maxLength: 200 }),
  grantedOn: DateString,
  reviewOn: OptionalDate,
  revokedOn: OptionalDate,
  notes: OptionalText(5000),
};

export const CreateAccessAuthorityBody = Type.Object(authorityFields, {
  additionalProperties: false,
});
export const UpdateAccessAuthorityBody = Type.Partial(Type.Object(authorityFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const AccessAuthorityListQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    deviceId: Type.Optional(Uuid),
    authority: Type.Optional(AuthorityLevel),
    /** true: only grants in force; false: only revoked ones. */
    active: Type.Optional(Type.Boolean()),
    /** Only grants in force whose review date has come. */
    reviewDue: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AccessAuthority = Type.Object({
  id: Type.String(),
  personName: Type.String(),
  agency: Nullable(AgencyRef),
  affiliation: Nullable(Type.String()),
  position: Nullable(Type.String()),
  system: Type.String(),
  deviceId: Nullable(Type.String()),
  applicationId: Nullable(Type.String()),
  authority: AuthorityLevel,
  grantedBy: Type.String(),
  grantedOn: Type.String(),
  reviewOn: Nullable(Type.String()),
  revokedOn: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  active: Type.Boolean(),
  reviewDue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Instant = Type.String({ format: 'date-time' });

const activityFields = {
  startedAt: Instant,
  endedAt: OptionalNullable(Instant),
  personName: Type.String({ minLength: 1, maxLength: 200 }),
  agencyId: OptionalNullable(Uuid),
  affiliation: OptionalText(200),
  purpose: Type.String({ minLength: 1, maxLength: 2000 }),
  deviceIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  notes: OptionalText(5000),
};

export const CreateActivityRecordBody = Type.Object(activityFields, {
  additionalProperties: false,
});
export const UpdateActivityRecordBody = Type.Partial(Type.Object(activityFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const ActivityRecordListQuery = Type.Object(
  {
    /** Entries that started on or after this local date. */
    from: Type.Optional(DateString),
    /** Entries that started on or before this local date. */
    to: Type.Optional(DateString),
    agencyId: Type.Optional(Uuid),
    deviceId: Type.Optional(Uuid),
    /** Only entries without a time out (people still inside). */
    open: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ActivityRecord = Type.Object({
  id: Type.String(),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  personName: Type.String(),
  agency: Nullable(AgencyRef),
  affiliation: Nullable(Type.String()),
  purpose: Type.String(),
  deviceIds: Type.Array(Type.String()),
  notes: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
