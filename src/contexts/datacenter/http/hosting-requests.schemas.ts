import { Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import { AvailableTransition, TimelineEvent } from '../../../platform/workflow/workflow.schemas.js';
import { HOSTING_STATES } from '../hosting-workflow.js';
import { CHECK_RESULTS, DATA_CLASSIFICATIONS, SERVICE_TYPES } from '../vocabulary.js';
import {
  AgencyRef,
  Amount,
  DateString,
  Nullable,
  OptionalDate,
  OptionalNullable,
  Uuid,
} from './common.schemas.js';

export const ServiceType = Type.Enum(SERVICE_TYPES);
export const DataClassification = Type.Enum(DATA_CLASSIFICATIONS);
export const HostingState = Type.Enum(HOSTING_STATES);

const Domain = Type.String({
  maxLength: 253,
  pattern: '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$',
});

/** What the agency fills in (Perbup Tabanan 44/2022 Pasal 14 ayat (10) huruf a). */
const requestFields = {
  serviceType: ServiceType,
  applicationName: Type.String({ minLength: 2, maxLength: 200 }),
  applicationId: OptionalNullable(Uuid),
  description: OptionalText(5000),
  vcpu: OptionalNullable(Amount(512)),
  ramGb: OptionalNullable(Amount(8192)),
  storageGb: OptionalNullable(Amount(1_000_000)),
  bandwidthMbps: OptionalNullable(Amount(100_000)),
  operatingSystem: OptionalText(100),
  domain: OptionalNullable(Domain),
  dataClassification: DataClassification,
  backupPlan: OptionalText(5000),
  disasterRecoveryPlan: OptionalText(5000),
  lastRestoreTestOn: OptionalDate,
};

export const CreateHostingRequestBody = Type.Object(
  {
    /** The applicant agency; defaults to the caller's home agency. */
    agencyId: Type.Optional(Uuid),
    ...requestFields,
  },
  { additionalProperties: false },
);

export const UpdateHostingRequestBody = Type.Partial(Type.Object(requestFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const HostingRequestListQuery = Type.Object(
  {
    state: Type.Optional(HostingState),
    agencyId: Type.Optional(Uuid),
    serviceType: Type.Optional(ServiceType),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ChecklistItem = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 500 }),
    result: Type.Enum(CHECK_RESULTS),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);

/** The security and feasibility test of the current round (Tabanan 14(10) huruf b). */
export const HostingTestBody = Type.Object(
  {
    checklist: Type.Array(ChecklistItem, { minItems: 1, maxItems: 100 }),
    findings: OptionalText(10_000),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);

/** What the Dinas allocates on acceptance (Tabanan 14(10) huruf d angka 1). */
export const AllocationBody = Type.Object(
  {
    hostName: Type.String({ minLength: 1, maxLength: 200 }),
    ipAddress: OptionalText(100),
    deviceId: OptionalNullable(Uuid),
    vcpu: OptionalNullable(Amount(512)),
    ramGb: OptionalNullable(Amount(8192)),
    storageGb: OptionalNullable(Amount(1_000_000)),
    bandwidthMbps: OptionalNullable(Amount(100_000)),
    allocatedOn: DateString,
    notes: OptionalText(5000),
  },
  { additionalProperties: false },
);

/**
 * A transition of the request. `test` may accompany `complete_test` (recorded first, in the same
 * transaction); `allocation` must accompany `accept`.
 */
export const HostingTransitionBody = Type.Object(
  {
    transition: Type.String({ minLength: 1, maxLength: 100 }),
    comment: Type.Optional(Type.String({ maxLength: 10_000 })),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
    test: Type.Optional(HostingTestBody),
    allocation: Type.Optional(AllocationBody),
  },
  { additionalProperties: false },
);

const ChecklistItemOut = Type.Object({
  item: Type.String(),
  result: Type.Enum(CHECK_RESULTS),
  notes: Nullable(Type.String()),
});

export const HostingTest = Type.Object({
  round: Type.Integer(),
  checklist: Type.Array(ChecklistItemOut),
  findings: Nullable(Type.String()),
  attachmentIds: Type.Array(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedByName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const Allocation = Type.Object({
  hostName: Type.String(),
  ipAddress: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  vcpu: Nullable(Type.Integer()),
  ramGb: Nullable(Type.Integer()),
  storageGb: Nullable(Type.Integer()),
  bandwidthMbps: Nullable(Type.Integer()),
  allocatedOn: Type.String(),
  notes: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const HostingRequestSummary = Type.Object({
  id: Type.String(),
  agency: AgencyRef,
  serviceType: ServiceType,
  applicationName: Type.String(),
  applicationId: Nullable(Type.String()),
  dataClassification: DataClassification,
  state: HostingState,
  stateEnteredAt: Type.String(),
  /** SLA deadline of the current state on the working calendar; null without an SLA. */
  dueAt: Nullable(Type.String()),
  /** The SLA deadline has passed. */
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const HostingRequest = Type.Object({
  ...HostingRequestSummary.properties,
  description: Nullable(Type.String()),
  vcpu: Nullable(Type.Integer()),
  ramGb: Nullable(Type.Integer()),
  storageGb: Nullable(Type.Integer()),
  bandwidthMbps: Nullable(Type.Integer()),
  operatingSystem: Nullable(Type.String()),
  domain: Nullable(Type.String()),
  backupPlan: Nullable(Type.String()),
  disasterRecoveryPlan: Nullable(Type.String()),
  lastRestoreTestOn: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  testRound: Type.Integer(),
  /** The agency may still change it (draft or returned) and the caller is the agency. */
  editable: Type.Boolean(),
  /** Fields to fill before `submit`/`resubmit` are possible. */
  missingForSubmission: Type.Array(Type.String()),
  timeline: Type.Array(TimelineEvent),
  availableTransitions: Type.Array(AvailableTransition),
  /** Every round's test, newest first. */
  tests: Type.Array(HostingTest),
  allocation: Nullable(Allocation),
  /** Suggested checklist items in the caller's language. */
  checklistTemplate: Type.Array(Type.String()),
});
