import { Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import { AGENCY_KINDS } from '../agency-kinds.js';

export const AgencyKind = Type.Enum(AGENCY_KINDS);
export const AgencyStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

export const Government = Type.Object({
  name: Type.String(),
  type: Type.Union([Type.Literal('kabupaten'), Type.Literal('kota')]),
  province: Type.String(),
  portalDomain: Type.String(),
  /** A shipped profile (REGULATION_PROFILES) or the regency's own, chosen in the compliance view. */
  regulationProfile: Type.String(),
  configured: Type.Boolean(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});

export const UpdateGovernmentBody = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 200 }),
    type: Type.Union([Type.Literal('kabupaten'), Type.Literal('kota')]),
    province: Type.String({ minLength: 3, maxLength: 100 }),
    portalDomain: Type.String({
      minLength: 4,
      maxLength: 253,
      pattern: '^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$',
    }),
    // A shipped profile, or the one already chosen (the regency's own is chosen in the compliance view).
    regulationProfile: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,59}$' }),
  },
  { additionalProperties: false },
);

export const PublicProfile = Type.Object({
  name: Type.String(),
  type: Type.String(),
  province: Type.String(),
  portalDomain: Type.String(),
  regulationProfile: Type.String(),
  agencyCount: Type.Integer(),
});

export const Agency = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: AgencyKind,
  parentId: Type.Union([Type.String(), Type.Null()]),
  headName: Type.Union([Type.String(), Type.Null()]),
  headNip: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  isKominfo: Type.Boolean(),
  status: AgencyStatus,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const agencyFields = {
  name: Type.String({ minLength: 3, maxLength: 200 }),
  shortName: OptionalText(50),
  kind: AgencyKind,
  parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  headName: OptionalText(200),
  // NIP: 18 digits (PP 11/2017 tentang Manajemen PNS).
  headNip: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{18}$' }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9+()\\- ]{5,30}$' }), Type.Null()])),
  address: OptionalText(500),
  website: Type.Optional(
    Type.Union([
      Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }),
      Type.Null(),
    ]),
  ),
  isKominfo: Type.Optional(Type.Boolean()),
};

export const CreateAgencyBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 30, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    ...agencyFields,
  },
  { additionalProperties: false },
);

export const UpdateAgencyBody = Type.Partial(
  Type.Object({ code: CreateAgencyBody.properties.code, ...agencyFields, status: AgencyStatus }),
  { additionalProperties: false, minProperties: 1 },
);

export const AgencyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(AgencyKind),
    status: Type.Optional(AgencyStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);
