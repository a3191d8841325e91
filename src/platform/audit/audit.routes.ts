import { Type } from 'typebox';
import { PageOf, PageQuery } from '../http/schemas.js';
import type { App } from '../http/server.js';
import { findAuditEvents } from './find-audit-events.js';
import { verifyAuditTrail } from './verify-audit-chain.js';

const AuditEvent = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 100 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    requestId: Type.Optional(Type.String({ maxLength: 128 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Verification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

const tags = ['audit'];

/** The audit trail screen's API: browse, filter, verify the chain. */
export function auditRoutes(app: App) {
  app.get(
    '/api/v1/audit-events',
    { schema: { tags, querystring: AuditQuery, response: { 200: PageOf(AuditEvent) } } },
    (request) => findAuditEvents(request.ctx, request.query),
  );
  app.get(
    '/api/v1/audit-events/verify',
    { schema: { tags, response: { 200: Verification } } },
    (request) => verifyAuditTrail(request.ctx),
  );
}
