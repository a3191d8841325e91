import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createBackupPolicy } from '../use-cases/create-backup-policy.js';
import { findBackupPolicies } from '../use-cases/find-backup-policies.js';
import { findBackupReports } from '../use-cases/find-backup-reports.js';
import { findBackupSupervision } from '../use-cases/find-backup-supervision.js';
import { findRestoreTests } from '../use-cases/find-restore-tests.js';
import { getBackupPolicy } from '../use-cases/get-backup-policy.js';
import { recordBackupReport } from '../use-cases/record-backup-report.js';
import { recordRestoreTest } from '../use-cases/record-restore-test.js';
import { updateBackupPolicy } from '../use-cases/update-backup-policy.js';
import {
  BackupPolicy,
  BackupPolicyListQuery,
  BackupReport,
  CreateBackupPolicyBody,
  CreateBackupReportBody,
  CreateRestoreTestBody,
  HistoryQuery,
  RestoreTest,
  Supervision,
  SupervisionQuery,
  UpdateBackupPolicyBody,
} from './backups.schemas.js';

const tags = ['datacenter'];
const base = '/api/v1/datacenter/backup-policies';

/** Backup policies, reports, restore tests and the Dinas's supervision of them. */
export function backupsRoutes(app: App) {
  app.get(
    base,
    {
      schema: { tags, querystring: BackupPolicyListQuery, response: { 200: PageOf(BackupPolicy) } },
    },
    (request) => findBackupPolicies(request.ctx, request.query),
  );
  app.post(
    base,
    { schema: { tags, body: CreateBackupPolicyBody, response: { 201: BackupPolicy } } },
    async (request, reply) =>
      reply.code(201).send(await createBackupPolicy(request.ctx, request.body)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, params: IdParams, response: { 200: BackupPolicy } } },
    (request) => getBackupPolicy(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateBackupPolicyBody,
        response: { 200: BackupPolicy },
      },
    },
    (request) => updateBackupPolicy(request.ctx, request.params.id, request.body),
  );
  app.get(
    `${base}/:id/reports`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: PageOf(BackupReport) },
      },
    },
    (request) => findBackupReports(request.ctx, request.params.id, request.query),
  );
  app.post(
    `${base}/:id/reports`,
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateBackupReportBody,
        response: { 201: BackupReport },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordBackupReport(request.ctx, request.params.id, request.body)),
  );
  app.get(
    `${base}/:id/restore-tests`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: PageOf(RestoreTest) },
      },
    },
    (request) => findRestoreTests(request.ctx, request.params.id, request.query),
  );
  app.post(
    `${base}/:id/restore-tests`,
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateRestoreTestBody,
        response: { 201: RestoreTest },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordRestoreTest(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/v1/datacenter/backup-supervision',
    { schema: { tags, querystring: SupervisionQuery, response: { 200: Supervision } } },
    (request) => findBackupSupervision(request.ctx, request.query),
  );
}
