import { IdParams } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { assignIndicators } from '../use-cases/assign-indicators.js';
import { computeFrameworkIndex } from '../use-cases/compute-index.js';
import { createEvaluation } from '../use-cases/create-evaluation.js';
import { findEvaluations } from '../use-cases/find-evaluations.js';
import { findFrameworks, getFramework } from '../use-cases/find-frameworks.js';
import { findTeamCandidates } from '../use-cases/find-team-candidates.js';
import { getEvaluation } from '../use-cases/get-evaluation.js';
import { planEvaluationTarget } from '../use-cases/plan-evaluation-target.js';
import { recordExternalLevels } from '../use-cases/record-external-levels.js';
import { selfAssessIndicator } from '../use-cases/self-assess-indicator.js';
import { setBeritaAcara } from '../use-cases/set-berita-acara.js';
import { setTeam } from '../use-cases/set-team.js';
import { takeEvaluationTransition } from '../use-cases/take-evaluation-transition.js';
import { validateIndicator } from '../use-cases/validate-indicator.js';
import { whatIf } from '../use-cases/what-if.js';
import {
  AssignBody,
  BeritaAcaraBody,
  Candidates,
  ComputeBody,
  ComputeResult,
  CreateEvaluationBody,
  Evaluation,
  EvaluationList,
  ExternalBody,
  Framework,
  FrameworkList,
  FrameworkParams,
  IndexResult,
  IndicatorParams,
  Plan,
  PlanBody,
  SelfAssessBody,
  TeamBody,
  TransitionBody,
  ValidateBody,
  WhatIfBody,
} from './evaluation.schemas.js';
import { reportRoutes } from './report.routes.js';

const tags = ['evaluation'];
const base = '/api/v1/evaluation';

/** Pemantauan dan Evaluasi SPBE: frameworks, the index engine, evaluations per year, insight. */
export function evaluationRoutes(app: App) {
  app.get(`${base}/frameworks`, { schema: { tags, response: { 200: FrameworkList } } }, (request) =>
    findFrameworks(request.ctx),
  );
  app.get(
    `${base}/frameworks/:id`,
    { schema: { tags, params: FrameworkParams, response: { 200: Framework } } },
    (request) => getFramework(request.ctx, request.params.id),
  );
  app.post(
    `${base}/compute`,
    { schema: { tags, body: ComputeBody, response: { 200: ComputeResult } } },
    (request) => computeFrameworkIndex(request.ctx.db, request.ctx.lang, request.body),
  );
  app.get(
    `${base}/evaluations`,
    { schema: { tags, response: { 200: EvaluationList } } },
    (request) => findEvaluations(request.ctx),
  );
  app.post(
    `${base}/evaluations`,
    { schema: { tags, body: CreateEvaluationBody, response: { 201: Evaluation } } },
    async (request, reply) =>
      reply.code(201).send(await createEvaluation(request.ctx, request.body)),
  );
  app.get(
    `${base}/evaluations/:id`,
    { schema: { tags, params: IdParams, response: { 200: Evaluation } } },
    (request) => getEvaluation(request.ctx, request.params.id),
  );
  app.get(
    `${base}/evaluations/:id/candidates`,
    { schema: { tags, params: IdParams, response: { 200: Candidates } } },
    (request) => findTeamCandidates(request.ctx, request.params.id),
  );
  app.put(
    `${base}/evaluations/:id/team`,
    { schema: { tags, params: IdParams, body: TeamBody, response: { 200: Evaluation } } },
    (request) => setTeam(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/evaluations/:id/assignments`,
    { schema: { tags, params: IdParams, body: AssignBody, response: { 200: Evaluation } } },
    (request) => assignIndicators(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/evaluations/:id/indicators/:no/self-assessment`,
    {
      schema: {
        tags,
        params: IndicatorParams,
        body: SelfAssessBody,
        response: { 200: Evaluation },
      },
    },
    (request) =>
      selfAssessIndicator(request.ctx, request.params.id, request.params.no, request.body),
  );
  app.put(
    `${base}/evaluations/:id/indicators/:no/validation`,
    {
      schema: { tags, params: IndicatorParams, body: ValidateBody, response: { 200: Evaluation } },
    },
    (request) => validateIndicator(request.ctx, request.params.id, request.params.no, request.body),
  );
  app.put(
    `${base}/evaluations/:id/external-levels`,
    { schema: { tags, params: IdParams, body: ExternalBody, response: { 200: Evaluation } } },
    (request) => recordExternalLevels(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/evaluations/:id/berita-acara`,
    { schema: { tags, params: IdParams, body: BeritaAcaraBody, response: { 200: Evaluation } } },
    (request) => setBeritaAcara(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/evaluations/:id/transitions`,
    { schema: { tags, params: IdParams, body: TransitionBody, response: { 200: Evaluation } } },
    (request) => takeEvaluationTransition(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/evaluations/:id/what-if`,
    { schema: { tags, params: IdParams, body: WhatIfBody, response: { 200: IndexResult } } },
    (request) => whatIf(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/evaluations/:id/plan`,
    { schema: { tags, params: IdParams, body: PlanBody, response: { 200: Plan } } },
    (request) => planEvaluationTarget(request.ctx, request.params.id, request.body),
  );
  reportRoutes(app);
}
