import { type TSchema, Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import { AvailableTransition, TimelineEvent } from '../../../platform/workflow/workflow.schemas.js';
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  COMPLEXITIES,
  DATA_CLASSIFICATIONS,
  DOCUMENT_KINDS,
  HANDOVER_STATUSES,
  HOSTING_LOCATIONS,
  NATIONAL_RELATIONS,
  STAGES,
} from '../model.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Label = Type.Object({ id: Type.String(), en: Type.String() });

export const ApplicationKind = Type.Enum(APPLICATION_KINDS);
export const Complexity = Type.Enum(COMPLEXITIES);
export const NationalRelation = Type.Enum(NATIONAL_RELATIONS);
export const HostingLocation = Type.Enum(HOSTING_LOCATIONS);
export const DataClassification = Type.Enum(DATA_CLASSIFICATIONS);
export const HandoverStatus = Type.Enum(HANDOVER_STATUSES);
export const ApplicationStatus = Type.Enum(APPLICATION_STATUSES);
export const DocumentKind = Type.Enum(DOCUMENT_KINDS);
export const Stage = Type.Enum(STAGES);

const IsoDate = Type.String({ format: 'date' });
const WebUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
/** A host label or a full host name under the Pemda's domain: `simpus` or `simpus.tabanankab.go.id`. */
const Subdomain = Type.String({
  maxLength: 253,
  pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$',
});

export const NationalApplication = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  owner: Type.String(),
  area: Type.String(),
  source: Type.String(),
  version: Type.String(),
  active: Type.Boolean(),
});

export const NationalApplicationList = Type.Object({ items: Type.Array(NationalApplication) });

export const Completeness = Type.Object({
  /** False for an entry that is a national aplikasi umum: its documents are held nationally. */
  required: Type.Boolean(),
  present: Type.Integer(),
  total: Type.Integer(),
  missing: Type.Array(DocumentKind),
});

/** An application as lists show it. */
export const ApplicationSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String(),
  agency: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    shortName: Nullable(Type.String()),
  }),
  name: Type.String(),
  kind: ApplicationKind,
  complexity: Nullable(Complexity),
  nationalApplication: Nullable(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  ),
  nationalRelation: Nullable(NationalRelation),
  description: Nullable(Type.String()),
  url: Nullable(Type.String()),
  subdomain: Nullable(Type.String()),
  hostingLocation: HostingLocation,
  dataClassification: DataClassification,
  technologyStack: Nullable(Type.String()),
  sourceRepositoryUrl: Nullable(Type.String()),
  vendorName: Nullable(Type.String()),
  handoverDate: Nullable(Type.String()),
  handoverStatus: Nullable(HandoverStatus),
  status: ApplicationStatus,
  stage: Stage,
  stageEnteredAt: Type.String(),
  registeredOn: Type.String(),
  lastAuditDate: Nullable(Type.String()),
  auditDueDate: Type.String(),
  auditOverdue: Type.Boolean(),
  completeness: Completeness,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ApplicationDocument = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  version: Type.Integer(),
  fileId: Type.String(),
  originalName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Nullable(Type.String()),
  uploadedByName: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** A record kept in the timeline: the consultation (Tabanan 7(3)) or a feasibility test. */
const LifecycleRecord = {
  at: Type.String(),
  actorLabel: Type.String(),
  notes: Nullable(Type.String()),
  attachmentIds: Type.Array(Type.String()),
};

export const ApplicationDetail = Type.Object({
  ...ApplicationSummary.properties,
  documents: Type.Array(
    Type.Object({
      kind: DocumentKind,
      current: Nullable(ApplicationDocument),
      /** Every version, newest first (the current one included). */
      history: Type.Array(ApplicationDocument),
    }),
  ),
  lifecycle: Type.Object({
    workflowId: Type.String(),
    stages: Type.Array(Type.Object({ name: Stage, label: Label })),
    timeline: Type.Array(Type.Object({ ...TimelineEvent.properties, label: Label })),
    availableTransitions: Type.Array(AvailableTransition),
    consultations: Type.Array(Type.Object(LifecycleRecord)),
    feasibilityTests: Type.Array(
      Type.Object({
        ...LifecycleRecord,
        result: Type.Union([Type.Literal('pass'), Type.Literal('fail')]),
      }),
    ),
  }),
});

const applicationFields = {
  name: Type.String({ minLength: 3, maxLength: 200 }),
  kind: ApplicationKind,
  complexity: Type.Optional(Nullable(Complexity)),
  nationalApplicationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  nationalRelation: Type.Optional(Nullable(NationalRelation)),
  description: OptionalText(5000),
  url: Type.Optional(Nullable(WebUrl)),
  subdomain: Type.Optional(Nullable(Subdomain)),
  hostingLocation: HostingLocation,
  dataClassification: DataClassification,
  technologyStack: OptionalText(500),
  sourceRepositoryUrl: Type.Optional(Nullable(WebUrl)),
  vendorName: OptionalText(200),
  handoverDate: Type.Optional(Nullable(IsoDate)),
  handoverStatus: Type.Optional(Nullable(HandoverStatus)),
  lastAuditDate: Type.Optional(Nullable(IsoDate)),
};

export const CreateApplicationBody = Type.Object(
  {
    agencyId: Type.String({ format: 'uuid' }),
    ...applicationFields,
    /**
     * For an application that already exists when it is registered: the stage it is in now
     * (default: kajian kebutuhan, a new development). Recorded as such in the timeline.
     */
    stage: Type.Optional(Stage),
  },
  { additionalProperties: false },
);

export const UpdateApplicationBody = Type.Partial(
  Type.Object({ ...applicationFields, status: ApplicationStatus }),
  { additionalProperties: false, minProperties: 1 },
);

export const AttachDocumentBody = Type.Object(
  { kind: DocumentKind, fileId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const filterFields = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  kind: Type.Optional(ApplicationKind),
  stage: Type.Optional(Stage),
  status: Type.Optional(ApplicationStatus),
  missingDocuments: Type.Optional(Type.Boolean()),
  auditOverdue: Type.Optional(Type.Boolean()),
};

export const ApplicationListQuery = Type.Object(
  { ...filterFields, ...PageQuery },
  { additionalProperties: false },
);

export const ApplicationExportQuery = Type.Object(filterFields, { additionalProperties: false });
