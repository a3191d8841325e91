import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createAccessAuthority } from '../use-cases/create-access-authority.js';
import { createActivityRecord } from '../use-cases/create-activity-record.js';
import { createDevice } from '../use-cases/create-device.js';
import { findAccessAuthorities } from '../use-cases/find-access-authorities.js';
import { findActivityRecords } from '../use-cases/find-activity-records.js';
import { findDevices } from '../use-cases/find-devices.js';
import { getAccessAuthority } from '../use-cases/get-access-authority.js';
import { getActivityRecord } from '../use-cases/get-activity-record.js';
import { getDevice } from '../use-cases/get-device.js';
import { updateAccessAuthority } from '../use-cases/update-access-authority.js';
import { updateActivityRecord } from '../use-cases/update-activity-record.js';
import { updateDevice } from '../use-cases/update-device.js';
import {
  AccessAuthority,
  AccessAuthorityListQuery,
  ActivityRecord,
  ActivityRecordListQuery,
  CreateAccessAuthorityBody,
  CreateActivityRecordBody,
  CreateDeviceBody,
  Device,
  DeviceListQuery,
  UpdateAccessAuthorityBody,
  UpdateActivityRecordBody,
  UpdateDeviceBody,
} from './registry.schemas.js';

const tags = ['datacenter'];
const base = '/api/v1/datacenter';

/**
 * The operating registries of the Pusat Data (Perbup Tabanan 44/2022 Pasal 14 ayat (6) huruf
 * b–d): devices, users and authorities, activity records.
 */
export function registryRoutes(app: App) {
  app.get(
    `${base}/devices`,
    { schema: { tags, querystring: DeviceListQuery, response: { 200: PageOf(Device) } } },
    (request) => findDevices(request.ctx, request.query),
  );
  app.post(
    `${base}/devices`,
    { schema: { tags, body: CreateDeviceBody, response: { 201: Device } } },
    async (request, reply) => reply.code(201).send(await createDevice(request.ctx, request.body)),
  );
  app.get(
    `${base}/devices/:id`,
    { schema: { tags, params: IdParams, response: { 200: Device } } },
    (request) => getDevice(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/devices/:id`,
    { schema: { tags, params: IdParams, body: UpdateDeviceBody, response: { 200: Device } } },
    (request) => updateDevice(request.ctx, request.params.id, request.body),
  );

  app.get(
    `${base}/authorities`,
    {
      schema: {
        tags,
        querystring: AccessAuthorityListQuery,
        response: { 200: PageOf(AccessAuthority) },
      },
    },
    (request) => findAccessAuthorities(request.ctx, request.query),
  );
  app.post(
    `${base}/authorities`,
    { schema: { tags, body: CreateAccessAuthorityBody, response: { 201: AccessAuthority } } },
    async (request, reply) =>
      reply.code(201).send(await createAccessAuthority(request.ctx, request.body)),
  );
  app.get(
    `${base}/authorities/:id`,
    { schema: { tags, params: IdParams, response: { 200: AccessAuthority } } },
    (request) => getAccessAuthority(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/authorities/:id`,
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateAccessAuthorityBody,
        response: { 200: AccessAuthority },
      },
    },
    (request) => updateAccessAuthority(request.ctx, request.params.id, request.body),
  );

  app.get(
    `${base}/activities`,
    {
      schema: {
        tags,
        querystring: ActivityRecordListQuery,
        response: { 200: PageOf(ActivityRecord) },
      },
    },
    (request) => findActivityRecords(request.ctx, request.query),
  );
  app.post(
    `${base}/activities`,
    { schema: { tags, body: CreateActivityRecordBody, response: { 201: ActivityRecord } } },
    async (request, reply) =>
      reply.code(201).send(await createActivityRecord(request.ctx, request.body)),
  );
  app.get(
    `${base}/activities/:id`,
    { schema: { tags, params: IdParams, response: { 200: ActivityRecord } } },
    (request) => getActivityRecord(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/activities/:id`,
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateActivityRecordBody,
        response: { 200: ActivityRecord },
      },
    },
    (request) => updateActivityRecord(request.ctx, request.params.id, request.body),
  );
}
