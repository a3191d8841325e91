import { Type } from 'typebox';
import { ROLES } from '../../../platform/auth/roles.js';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';

const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const NewPassword = Type.String({ minLength: 10, maxLength: 200 });
export const RoleName = Type.Enum(ROLES);

export const RoleGrantSchema = Type.Object(
  { role: RoleName, agencyId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const RoleGrantOut = Type.Object({
  role: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
});

const AgencyRef = Type.Union([
  Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  Type.Null(),
]);

export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.String(),
  nip: Type.Union([Type.String(), Type.Null()]),
  position: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  agency: AgencyRef,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  roles: Type.Array(RoleGrantOut),
  totpEnabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  agency: AgencyRef,
  roles: Type.Array(RoleGrantOut),
  totpEnabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});

export const Session = Type.Object({ user: Me, csrfToken: Type.String() });

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Password,
    totpCode: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);

export const TotpSetup = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpCodeBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export const CreatedApiToken = Type.Object({ token: Type.String(), item: ApiToken });

const profileFields = {
  name: Type.String({ minLength: 2, maxLength: 200 }),
  nip: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{18}$' }), Type.Null()])),
  position: OptionalText(200),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9+()\\- ]{5,30}$' }), Type.Null()])),
  agencyId: Type.String({ format: 'uuid' }),
};

export const CreateUserBody = Type.Object(
  {
    email: Email,
    ...profileFields,
    password: NewPassword,
    roles: Type.Array(RoleGrantSchema, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Partial(
  Type.Object({
    ...profileFields,
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export const SetRolesBody = Type.Object(
  { roles: Type.Array(RoleGrantSchema, { maxItems: 20 }) },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { newPassword: NewPassword },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    role: Type.Optional(RoleName),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Providers = Type.Object({
  oidc: Type.Object({ enabled: Type.Boolean(), label: Type.String() }),
});
