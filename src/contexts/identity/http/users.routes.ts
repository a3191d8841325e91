import type { FastifyReply } from 'fastify';
import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createUser } from '../use-cases/create-user.js';
import { findUsers } from '../use-cases/find-users.js';
import { getUser } from '../use-cases/get-user.js';
import {
  resetUserPassword,
  resetUserTotp,
  unlockUser,
} from '../use-cases/reset-user-credentials.js';
import { setUserRoles } from '../use-cases/set-user-roles.js';
import { updateUser } from '../use-cases/update-user.js';
import {
  CreateUserBody,
  ResetPasswordBody,
  SetRolesBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from './identity.schemas.js';

const tags = ['users'];
const noContent = (reply: FastifyReply) => reply.code(204).send();

/** People and their role grants. */
export function usersRoutes(app: App) {
  app.get(
    '/api/v1/users',
    { schema: { tags, querystring: UserListQuery, response: { 200: PageOf(User) } } },
    (request) => findUsers(request.ctx, request.query),
  );
  app.post(
    '/api/v1/users',
    { schema: { tags, body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/users/:id',
    { schema: { tags, params: IdParams, response: { 200: User } } },
    (request) => getUser(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/users/:id',
    { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User } } },
    (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/users/:id/roles',
    { schema: { tags, params: IdParams, body: SetRolesBody, response: { 200: User } } },
    (request) => setUserRoles(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/password',
    { schema: { tags, params: IdParams, body: ResetPasswordBody } },
    async (request, reply) => {
      await resetUserPassword(request.ctx, request.params.id, request.body.newPassword);
      return noContent(reply);
    },
  );
  app.post(
    '/api/v1/users/:id/unlock',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await unlockUser(request.ctx, request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    '/api/v1/users/:id/totp/reset',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await resetUserTotp(request.ctx, request.params.id);
      return noContent(reply);
    },
  );
}
