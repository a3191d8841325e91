import { Type } from 'typebox';
import { IdParams, PageOf, PageQuery } from '../http/schemas.js';
import type { App } from '../http/server.js';
import {
  findMyNotifications,
  findOutbox,
  markAllNotificationsRead,
  markNotificationRead,
} from './inbox.js';
import { MAIL_STATUSES } from './tables.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const MailStatus = Type.Enum(MAIL_STATUSES);

const Notification = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: NullableString,
  readAt: NullableString,
  createdAt: Type.String(),
});

const Inbox = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const InboxQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);

const OutboxMail = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  status: MailStatus,
  attempts: Type.Integer(),
  lastError: NullableString,
  createdAt: Type.String(),
  sentAt: NullableString,
});

const OutboxQuery = Type.Object(
  {
    status: Type.Optional(MailStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const tags = ['notifications'];

/** The in-app inbox of the signed-in user, and the mail outbox for the Diskominfo admin. */
export function notificationsRoutes(app: App) {
  app.get(
    '/api/v1/notifications',
    { schema: { tags, querystring: InboxQuery, response: { 200: Inbox } } },
    (request) => findMyNotifications(request.ctx, request.query),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await markNotificationRead(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
  app.post('/api/v1/notifications/read-all', { schema: { tags } }, async (request, reply) => {
    await markAllNotificationsRead(request.ctx);
    return reply.code(204).send();
  });
  app.get(
    '/api/v1/outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: PageOf(OutboxMail) } } },
    (request) => findOutbox(request.ctx, request.query),
  );
}
