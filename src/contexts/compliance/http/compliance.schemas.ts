import { Type } from 'typebox';
import { COMPLIANCE_STATUSES } from '../../../platform/compliance/check-provider.js';
import {
  KINDS,
  MODULES,
  OBLIGATION_ID_PATTERN,
  ObligationSchema,
  PROFILE_ID_PATTERN,
} from '../profile-document.js';

const DateString = Type.String({ format: 'date' });
const Bilingual = Type.Object({ id: Type.String(), en: Type.String() });

export const ProfileIdParams = Type.Object({
  id: Type.String({ pattern: PROFILE_ID_PATTERN }),
});

export const ObligationParams = Type.Object({
  id: Type.String({ pattern: PROFILE_ID_PATTERN }),
  obligationId: Type.String({ pattern: OBLIGATION_ID_PATTERN }),
});

export const ObligationIdParams = Type.Object({
  obligationId: Type.String({ pattern: OBLIGATION_ID_PATTERN }),
});

export const ProfileSummary = Type.Object({
  id: Type.String(),
  shipped: Type.Boolean(),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  title: Type.String(),
  region: Type.String(),
  obligations: Type.Integer(),
  retired: Type.Integer(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const CopyProfileBody = Type.Object(
  {
    from: Type.String({ pattern: PROFILE_ID_PATTERN }),
    id: Type.String({ pattern: PROFILE_ID_PATTERN }),
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  { id: Type.String({ pattern: PROFILE_ID_PATTERN }) },
  { additionalProperties: false },
);

/** Add, reword or retire one obligation of the regency's own profile (the whole obligation). */
export const SaveObligationBody = Type.Omit(ObligationSchema, ['id']);

export const SelectProfileBody = Type.Object(
  { profileId: Type.String({ pattern: PROFILE_ID_PATTERN }) },
  { additionalProperties: false },
);

export const EvaluationQuery = Type.Object(
  {
    profile: Type.Optional(Type.String({ pattern: PROFILE_ID_PATTERN })),
    module: Type.Optional(Type.Enum(MODULES)),
    kind: Type.Optional(Type.Enum(KINDS)),
    status: Type.Optional(Type.Enum(COMPLIANCE_STATUSES)),
    party: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object(
  {
    profile: Type.Optional(Type.String({ pattern: PROFILE_ID_PATTERN })),
    party: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

const Evidence = Type.Object({
  type: Type.String(),
  id: Type.String(),
  label: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
});

export const PartyResult = Type.Object({
  key: Type.String(),
  kind: Type.String(),
  label: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(COMPLIANCE_STATUSES),
  reason: Bilingual,
  dueOn: Type.Union([Type.String(), Type.Null()]),
  records: Type.Array(Evidence),
  decidedBy: Type.String(),
});

const Summary = Type.Record(Type.String(), Type.Integer());

const ObligationView = Type.Object({
  id: Type.String(),
  article: Type.String(),
  text: Type.String(),
  summary_en: Type.String(),
  binds: Type.String(),
  kind: Type.String(),
  period: Type.Union([Type.String(), Type.Null()]),
  module: Type.String(),
  check: Type.String(),
});

export const ObligationResult = Type.Object({
  obligation: ObligationView,
  check: Type.Object({ type: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) }),
  supported: Type.Boolean(),
  parties: Type.Array(PartyResult),
  summary: Summary,
});

export const Evaluation = Type.Object({
  profileId: Type.String(),
  title: Type.String(),
  today: Type.String(),
  evaluatedAt: Type.String(),
  obligations: Type.Array(ObligationResult),
  summary: Summary,
  canRecordFor: Type.Array(Type.String()),
});

export const EvidenceView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  obligationId: Type.String(),
  partyKey: Type.String(),
  period: Type.Union([Type.String(), Type.Null()]),
  recordedOn: Type.String(),
  validUntil: Type.Union([Type.String(), Type.Null()]),
  fileId: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
  statement: Type.String(),
  recordedByName: Type.String(),
  createdAt: Type.String(),
});

export const ObligationDetail = Type.Object({
  profileId: Type.String(),
  result: ObligationResult,
  evidence: Type.Array(EvidenceView),
  accepts: Type.Array(Type.String()),
  canRecordFor: Type.Array(Type.String()),
});

export const RecordEvidenceBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('submission'), Type.Literal('attestation')]),
    obligationId: Type.String({ pattern: OBLIGATION_ID_PATTERN }),
    partyKey: Type.String({ minLength: 1, maxLength: 60 }),
    period: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    recordedOn: Type.Optional(DateString),
    validUntil: Type.Optional(Type.Union([DateString, Type.Null()])),
    fileId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    url: Type.Optional(
      Type.Union([
        Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 }),
        Type.Null(),
      ]),
    ),
    statement: Type.String({ minLength: 3, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const Snapshot = Type.Object({
  id: Type.String(),
  profileId: Type.String(),
  takenAt: Type.String(),
  summary: Summary,
});

export const SnapshotQuery = Type.Object(
  {
    profile: Type.Optional(Type.String({ pattern: PROFILE_ID_PATTERN })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 400, default: 90 })),
  },
  { additionalProperties: false },
);
