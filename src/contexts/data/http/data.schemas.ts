import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/schemas.js';
import {
  CHECKLIST_KEYS,
  CLASSIFICATIONS,
  FREQUENCY_KEYS,
  LICENSE_KEYS,
  TOPIC_KEYS,
} from '../vocabulary.js';

const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, minLength });
const Enum = <const T extends string>(values: readonly T[]) => Type.Enum(values as T[]);
const DateString = Type.String({ format: 'date' });

export const Standard = Type.Object(
  {
    konsep: Text(2000),
    definisi: Text(2000),
    klasifikasi: Text(2000),
    ukuran: Text(200),
    satuan: Text(200),
  },
  { additionalProperties: false },
);

const datasetFields = {
  title: Text(200, 3),
  description: Type.Optional(Text(10_000)),
  topic: Enum(TOPIC_KEYS),
  tags: Type.Optional(Type.Array(Text(50, 1), { maxItems: 30, uniqueItems: true })),
  frequency: Enum(FREQUENCY_KEYS),
  temporalStart: Type.Optional(Type.Union([DateString, Type.Null()])),
  temporalEnd: Type.Optional(Type.Union([DateString, Type.Null()])),
  spatialCoverage: Type.Optional(Text(200)),
  unit: Type.Optional(Text(200)),
  classification: Type.Optional(Enum(CLASSIFICATIONS)),
  licenseId: Type.Optional(Enum(LICENSE_KEYS)),
  contactName: Type.Optional(Text(200)),
  contactEmail: Type.Optional(
    Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Literal('')]),
  ),
  standard: Type.Optional(Standard),
  referenceCodes: Type.Optional(Type.Array(Text(100, 1), { maxItems: 20, uniqueItems: true })),
};

export const CreateDatasetBody = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    name: Type.Optional(Type.String({ pattern: '^[a-z0-9_-]{2,100}$' })),
    ...datasetFields,
  },
  { additionalProperties: false },
);

export const UpdateDatasetBody = Type.Partial(Type.Object(datasetFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const DatasetListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Text(200)),
  state: Type.Optional(Enum(['draft', 'submitted', 'returned', 'published'])),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
});

const Constraints = Type.Object(
  {
    required: Type.Optional(Type.Boolean()),
    unique: Type.Optional(Type.Boolean()),
    minimum: Type.Optional(Type.Union([Type.Number(), Type.String({ maxLength: 30 })])),
    maximum: Type.Optional(Type.Union([Type.Number(), Type.String({ maxLength: 30 })])),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
    pattern: Type.Optional(Text(500)),
    enum: Type.Optional(
      Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), {
        minItems: 1,
        maxItems: 500,
      }),
    ),
  },
  { additionalProperties: false },
);

const FieldName = Type.String({ minLength: 1, maxLength: 100 });
const Names = Type.Union([FieldName, Type.Array(FieldName, { minItems: 1, maxItems: 10 })]);

/** Frictionless Table Schema, the subset Simpul validates (see tabular/table-schema.ts). */
export const TableSchemaBody = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 200 })),
    fields: Type.Array(
      Type.Object(
        {
          name: FieldName,
          type: Type.Optional(
            Enum(['string', 'integer', 'number', 'boolean', 'date', 'year', 'any']),
          ),
          format: Type.Optional(Enum(['default', 'any', '%d/%m/%Y', '%d-%m-%Y', '%Y-%m-%d'])),
          title: Type.Optional(Text(200)),
          description: Type.Optional(Text(2000)),
          decimalChar: Type.Optional(Enum(['.', ','])),
          groupChar: Type.Optional(Enum(['.', ',', ' ', ''])),
          bareNumber: Type.Optional(Type.Boolean()),
          trueValues: Type.Optional(Type.Array(Text(20, 1), { maxItems: 10 })),
          falseValues: Type.Optional(Type.Array(Text(20, 1), { maxItems: 10 })),
          constraints: Type.Optional(Constraints),
          'sdi:ukuran': Type.Optional(Text(200)),
          'sdi:satuan': Type.Optional(Text(200)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    missingValues: Type.Optional(Type.Array(Text(20), { maxItems: 10 })),
    primaryKey: Type.Optional(Names),
    foreignKeys: Type.Optional(
      Type.Array(
        Type.Object(
          {
            fields: Names,
            reference: Type.Object(
              {
                resource: Type.String({ pattern: '^ref:[a-z0-9-]+(@[A-Za-z0-9._-]+)?$' }),
                fields: Names,
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CreateResourceBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('table'),
      name: Text(200, 1),
      description: Type.Optional(Text(2000)),
      tableSchema: TableSchemaBody,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('link'),
      name: Text(200, 1),
      description: Type.Optional(Text(2000)),
      url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
      format: Type.Optional(Enum(['API', 'HTML', 'PDF', 'CSV', 'JSON', 'XLSX', 'OTHER'])),
    },
    { additionalProperties: false },
  ),
]);

export const UpdateSchemaBody = Type.Object(
  { tableSchema: TableSchemaBody },
  { additionalProperties: false },
);

export const ResourceParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  resourceId: Type.String({ format: 'uuid' }),
});

export const DatasetTransitionBody = Type.Object(
  {
    transition: Enum(['submit', 'resubmit', 'return', 'publish']),
    comment: Type.Optional(Text(5000)),
    checklist: Type.Optional(
      Type.Object(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, Type.Boolean()])), {
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);

export const CommentBody = Type.Object({ body: Text(5000, 1) }, { additionalProperties: false });

export const CreateReferenceListBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }),
    version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,30}$' }),
    name: Text(200, 3),
    source: Text(500, 3),
    validFrom: DateString,
    codes: Type.Array(
      Type.Object(
        { code: Text(50, 1), label: Text(200, 1), parentCode: Type.Optional(Text(50)) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20_000 },
    ),
  },
  { additionalProperties: false },
);

export const CreatePlanBody = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Text(200, 3),
    topic: Enum(TOPIC_KEYS),
    frequency: Enum(FREQUENCY_KEYS),
    classification: Type.Optional(Enum(CLASSIFICATIONS)),
  },
  { additionalProperties: false },
);

export const UpdatePlanBody = Type.Partial(
  Type.Object({
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Text(200, 3),
    topic: Enum(TOPIC_KEYS),
    frequency: Enum(FREQUENCY_KEYS),
    classification: Enum(CLASSIFICATIONS),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export const PlanListQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
});

export const DataRequestBody = Type.Object(
  {
    name: Text(100, 2),
    email: Type.String({ format: 'email', maxLength: 200 }),
    title: Text(200, 5),
    description: Text(5000, 10),
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
