import { Type } from 'typebox';

/** TypeBox schemas for the routes of modules that run workflows. */

const Label = Type.Object({ id: Type.String(), en: Type.String() });

/** The body of a "take this transition" request. */
export const TransitionBody = Type.Object(
  {
    transition: Type.String({ minLength: 1, maxLength: 100 }),
    comment: Type.Optional(Type.String({ maxLength: 10_000 })),
    attachmentIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);

export const TimelineEvent = Type.Object({
  seq: Type.Integer(),
  transition: Type.String(),
  fromState: Type.Union([Type.String(), Type.Null()]),
  toState: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  comment: Type.Union([Type.String(), Type.Null()]),
  attachmentIds: Type.Array(Type.String()),
  at: Type.String(),
});

export const AvailableTransition = Type.Object({
  name: Type.String(),
  label: Label,
  to: Type.String(),
  requireComment: Type.Boolean(),
  requireAttachment: Type.Boolean(),
  /** The guard's refusal (message key and message) when the transition cannot be taken yet. */
  blockedBy: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String() }),
    Type.Null(),
  ]),
});
