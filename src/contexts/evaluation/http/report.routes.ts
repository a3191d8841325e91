import { IdParams } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { XLSX_MEDIA_TYPE } from '../report/indicator-sheet.js';
import { exportBeritaAcaraDraft } from '../use-cases/export-berita-acara-draft.js';
import { exportEvaluationReport } from '../use-cases/export-evaluation-report.js';
import { exportIndicatorSheet } from '../use-cases/export-indicator-sheet.js';

const tags = ['evaluation'];
const base = '/api/v1/evaluation/evaluations/:id';

/** The evaluation's documents: report PDF, draft Berita Acara PDF, indicator sheet XLSX. */
export function reportRoutes(app: App) {
  app.get(
    `${base}/report.pdf`,
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The evaluation report (PDF) for the Bupati.',
      },
    },
    async (request, reply) => {
      const file = await exportEvaluationReport(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.bytes);
    },
  );
  app.get(
    `${base}/berita-acara-draft.pdf`,
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The draft Berita Acara Penilaian Mandiri (PDF) to sign.',
      },
    },
    async (request, reply) => {
      const file = await exportBeritaAcaraDraft(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.bytes);
    },
  );
  app.get(
    `${base}/indicators.xlsx`,
    {
      schema: { tags, params: IdParams, description: 'The indicator sheet as an Excel workbook.' },
    },
    async (request, reply) => {
      const file = await exportIndicatorSheet(request.ctx, request.params.id);
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.bytes);
    },
  );
}
