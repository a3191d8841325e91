import { type TSchema, Type } from 'typebox';
import { LINK_KINDS, TEAM_ROLES } from '../vocabulary.js';

/** HTTP schemas of Pemantauan dan Evaluasi SPBE. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Loose = { additionalProperties: true };

/** Indicator number → level; the engine checks the numbers and the scale. */
export const LevelsMap = Type.Record(Type.String({ maxLength: 6 }), Type.Number(), {
  maxProperties: 200,
});

export const ComputeBody = Type.Object(
  { frameworkId: Type.String({ minLength: 1, maxLength: 100 }), levels: LevelsMap },
  { additionalProperties: false },
);

const Scored = Type.Object(
  { no: Type.Integer(), name: Type.String(), index: Type.Number() },
  Loose,
);

export const IndexResult = Type.Object(
  {
    index: Type.Number(),
    indexUnrounded: Type.Number(),
    rating: Type.String(),
    domains: Type.Array(Scored),
    aspects: Type.Array(Scored),
  },
  Loose,
);

export const ComputeResult = Type.Object(
  { frameworkId: Type.String(), ...IndexResult.properties },
  Loose,
);

export const FrameworkParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const FrameworkList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), validFromYear: Type.Integer() }),
  ),
});
export const Framework = Type.Object(
  { id: Type.String(), title: Type.String(), indicators: Type.Array(Type.Object({}, Loose)) },
  Loose,
);

export const CreateEvaluationBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2018, maximum: 2100 }),
    frameworkId: Type.String({ minLength: 1, maxLength: 100 }),
    coordinatorId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const TeamBody = Type.Object(
  {
    members: Type.Array(
      Type.Object(
        {
          userId: Uuid,
          role: Type.Enum(TEAM_ROLES),
          function: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  {
    indicatorNos: Type.Array(Type.Integer({ minimum: 1, maximum: 9999 }), {
      minItems: 1,
      maxItems: 200,
    }),
    assigneeId: Nullable(Uuid),
  },
  { additionalProperties: false },
);

export const IndicatorParams = Type.Object({
  id: Uuid,
  no: Type.Integer({ minimum: 1, maximum: 9999 }),
});

export const SelfAssessBody = Type.Object(
  {
    level: Type.Number(),
    explanation: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    evidenceFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    evidenceLinks: Type.Optional(
      Type.Array(
        Type.Object(
          {
            kind: Type.Enum(LINK_KINDS),
            ref: Type.String({ minLength: 1, maxLength: 2000 }),
            label: Type.String({ minLength: 1, maxLength: 300 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ValidateBody = Type.Object(
  { level: Type.Number(), note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) },
  { additionalProperties: false },
);

export const ExternalBody = Type.Object(
  {
    levels: LevelsMap,
    source: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);

export const BeritaAcaraBody = Type.Object({ fileId: Uuid }, { additionalProperties: false });

export const TransitionBody = Type.Object(
  {
    transition: Type.String({ minLength: 1, maxLength: 100 }),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

export const WhatIfBody = Type.Object({ levels: LevelsMap }, { additionalProperties: false });

export const PlanBody = Type.Object(
  {
    targetIndex: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    targetRating: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    efforts: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 6 }),
        Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
        {
          maxProperties: 200,
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Plan = Type.Object(
  {
    target: Type.Number(),
    reachable: Type.Boolean(),
    steps: Type.Array(Type.Object({}, Loose)),
    totalEffort: Type.Number(),
  },
  Loose,
);

const StageIndex = Nullable(
  Type.Object({ missing: Type.Integer(), ...IndexResult.properties }, Loose),
);

export const EvaluationSummary = Type.Object(
  {
    id: Type.String(),
    year: Type.Integer(),
    frameworkId: Type.String(),
    frameworkTitle: Type.String(),
    stage: Type.String(),
    stageLabel: Type.String(),
    myRole: Nullable(Type.String()),
    self: StageIndex,
    validated: StageIndex,
    external: StageIndex,
  },
  Loose,
);
export const EvaluationList = Type.Object({ items: Type.Array(EvaluationSummary) });

export const Evaluation = Type.Object(
  {
    id: Type.String(),
    year: Type.Integer(),
    stage: Type.String(),
    indicators: Type.Array(Type.Object({ no: Type.Integer() }, Loose)),
    indices: Type.Object({ self: StageIndex, validated: StageIndex, external: StageIndex }, Loose),
  },
  Loose,
);

export const Candidates = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      email: Type.String(),
      agencyName: Nullable(Type.String()),
    }),
  ),
});
