import type { App } from '../../../platform/http/server.js';
import { ProfileDocumentSchema } from '../profile-document.js';
import { exportPdf, exportXlsx, XLSX_MEDIA_TYPE } from '../use-cases/export-reports.js';
import { getObligation } from '../use-cases/get-obligation.js';
import {
  copyProfile,
  exportProfile,
  findProfiles,
  importProfile,
  saveObligation,
} from '../use-cases/manage-profiles.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { scopedEvaluation } from '../use-cases/scoped-evaluation.js';
import { selectProfile } from '../use-cases/select-profile.js';
import { findSnapshots, takeSnapshot } from '../use-cases/snapshots.js';
import {
  CopyProfileBody,
  Evaluation,
  EvaluationQuery,
  EvidenceView,
  ImportQuery,
  ObligationDetail,
  ObligationIdParams,
  ObligationParams,
  ProfileIdParams,
  ProfileSummary,
  RecordEvidenceBody,
  ReportQuery,
  SaveObligationBody,
  SelectProfileBody,
  Snapshot,
  SnapshotQuery,
} from './compliance.schemas.js';

const tags = ['compliance'];
const base = '/api/v1/compliance';

/** Regulation profiles, the evaluation per obligation and party, evidence, history, reports. */
export function complianceRoutes(app: App) {
  app.get(
    `${base}/profiles`,
    { schema: { tags, response: { 200: { type: 'array', items: ProfileSummary } } } },
    (request) => findProfiles(request.ctx),
  );
  app.get(
    `${base}/profiles/:id`,
    {
      schema: {
        tags,
        params: ProfileIdParams,
        description: 'The profile in the shape of the reference files (export).',
        response: { 200: ProfileDocumentSchema },
      },
    },
    (request) => exportProfile(request.ctx, request.params.id),
  );
  app.post(
    `${base}/profiles`,
    { schema: { tags, body: CopyProfileBody } },
    async (request, reply) => reply.code(201).send(await copyProfile(request.ctx, request.body)),
  );
  app.post(
    `${base}/profiles/import`,
    { schema: { tags, querystring: ImportQuery, body: ProfileDocumentSchema } },
    async (request, reply) =>
      reply.code(201).send(await importProfile(request.ctx, request.query.id, request.body)),
  );
  app.put(
    `${base}/profiles/:id/obligations/:obligationId`,
    { schema: { tags, params: ObligationParams, body: SaveObligationBody } },
    (request) =>
      saveObligation(request.ctx, request.params.id, request.params.obligationId, request.body),
  );
  app.put(`${base}/active-profile`, { schema: { tags, body: SelectProfileBody } }, (request) =>
    selectProfile(request.ctx, request.body),
  );
  app.get(
    `${base}/evaluation`,
    { schema: { tags, querystring: EvaluationQuery, response: { 200: Evaluation } } },
    async (request) => {
      const {
        universe: _u,
        partyByKey: _p,
        ...view
      } = await scopedEvaluation(request.ctx, request.query);
      return view;
    },
  );
  app.get(
    `${base}/obligations/:obligationId`,
    { schema: { tags, params: ObligationIdParams, response: { 200: ObligationDetail } } },
    (request) => getObligation(request.ctx, request.params.obligationId),
  );
  app.post(
    `${base}/evidence`,
    { schema: { tags, body: RecordEvidenceBody, response: { 201: EvidenceView } } },
    async (request, reply) => reply.code(201).send(await recordEvidence(request.ctx, request.body)),
  );
  app.get(
    `${base}/snapshots`,
    {
      schema: {
        tags,
        querystring: SnapshotQuery,
        response: { 200: { type: 'array', items: Snapshot } },
      },
    },
    (request) => findSnapshots(request.ctx, request.query),
  );
  app.post(
    `${base}/snapshots`,
    { schema: { tags, response: { 201: Snapshot } } },
    async (request, reply) => reply.code(201).send(await takeSnapshot(request.ctx)),
  );
  app.get(
    `${base}/report.xlsx`,
    { schema: { tags, querystring: ReportQuery } },
    async (request, reply) => {
      const file = await exportXlsx(request.ctx, request.query);
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.bytes);
    },
  );
  app.get(
    `${base}/report.pdf`,
    { schema: { tags, querystring: ReportQuery } },
    async (request, reply) => {
      const file = await exportPdf(request.ctx, request.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.bytes);
    },
  );
}
