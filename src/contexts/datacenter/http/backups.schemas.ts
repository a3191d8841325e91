import { Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import {
  BACKUP_FREQUENCIES,
  BACKUP_RESULTS,
  POLICY_STATUSES,
  RESTORE_RESULTS,
} from '../vocabulary.js';
import { AgencyRef, DateString, Nullable, OptionalNullable, Uuid } from './common.schemas.js';

/** Backups and restore tests (Purbalingga 45/2024 Pasal 14 ayat (13)–(14), OKU Timur 2022 Pasal 15). */

export const BackupFrequency = Type.Enum(BACKUP_FREQUENCIES);
export const PolicyStatus = Type.Enum(POLICY_STATUSES);
export const BackupResult = Type.Enum(BACKUP_RESULTS);
export const RestoreResult = Type.Enum(RESTORE_RESULTS);

const policyFields = {
  systemName: Type.String({ minLength: 1, maxLength: 200 }),
  applicationId: OptionalNullable(Uuid),
  frequency: BackupFrequency,
  location: Type.String({ minLength: 1, maxLength: 500 }),
  offsiteCopy: Type.Optional(Type.Boolean()),
  offsiteLocation: OptionalText(500),
  retentionDays: OptionalNullable(Type.Integer({ minimum: 1, maximum: 36_500 })),
  notes: OptionalText(5000),
};

export const CreateBackupPolicyBody = Type.Object(
  {
    /** The owner agency; defaults to the caller's home agency. */
    agencyId: Type.Optional(Uuid),
    ...policyFields,
  },
  { additionalProperties: false },
);

export const UpdateBackupPolicyBody = Type.Partial(
  Type.Object({ ...policyFields, status: PolicyStatus }),
  { additionalProperties: false, minProperties: 1 },
);

export const BackupPolicyListQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    status: Type.Optional(PolicyStatus),
    frequency: Type.Optional(BackupFrequency),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const BackupPolicy = Type.Object({
  id: Type.String(),
  agency: AgencyRef,
  systemName: Type.String(),
  applicationId: Nullable(Type.String()),
  frequency: BackupFrequency,
  location: Type.String(),
  offsiteCopy: Type.Boolean(),
  offsiteLocation: Nullable(Type.String()),
  retentionDays: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  status: PolicyStatus,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CreateBackupReportBody = Type.Object(
  {
    backupOn: DateString,
    result: BackupResult,
    sizeBytes: OptionalNullable(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    notes: OptionalText(5000),
  },
  { additionalProperties: false },
);

export const BackupReport = Type.Object({
  id: Type.String(),
  policyId: Type.String(),
  backupOn: Type.String(),
  result: BackupResult,
  sizeBytes: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const CreateRestoreTestBody = Type.Object(
  {
    testedOn: DateString,
    result: RestoreResult,
    durationMinutes: OptionalNullable(Type.Integer({ minimum: 0, maximum: 100_000 })),
    notes: OptionalText(5000),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const RestoreTest = Type.Object({
  id: Type.String(),
  policyId: Type.String(),
  testedOn: Type.String(),
  result: RestoreResult,
  durationMinutes: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  attachmentIds: Type.Array(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const HistoryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const SupervisionQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    /** Only policies with an overdue backup or restore test. */
    overdue: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const LastEvent = Type.Object({ on: Type.String(), result: Type.String() });

export const SupervisionRow = Type.Object({
  policy: BackupPolicy,
  lastBackup: Nullable(LastEvent),
  lastSuccessfulBackupOn: Nullable(Type.String()),
  /** The last successful backup is older than the frequency plus grace allow. */
  backupOverdue: Type.Boolean(),
  /** The date after which the backup counts as overdue. */
  backupDueBy: Type.String(),
  lastRestoreTest: Nullable(LastEvent),
  lastSuccessfulRestoreTestOn: Nullable(Type.String()),
  restoreTestOverdue: Type.Boolean(),
  restoreTestDueBy: Type.String(),
});

export const Supervision = Type.Object({
  /** The local date the statuses were computed for. */
  asOf: Type.String(),
  thresholds: Type.Object({
    backupMaxAgeDays: Type.Object({
      daily: Type.Integer(),
      weekly: Type.Integer(),
      monthly: Type.Integer(),
    }),
    restoreTestMaxAgeDays: Type.Integer(),
  }),
  summary: Type.Object({
    policies: Type.Integer(),
    backupOverdue: Type.Integer(),
    restoreTestOverdue: Type.Integer(),
    withoutOffsiteCopy: Type.Integer(),
  }),
  items: Type.Array(SupervisionRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
