/**
 * Pemantauan dan Evaluasi SPBE: frameworks as versioned data, the Indeks SPBE engine exactly as
 * PermenPANRB 59/2020 defines it, an evaluation per year with the Tim Asesor Internal on the
 * workflow engine, insight (stages side by side, trend, what-if, target planner) and reports.
 */
export { evaluationComplianceChecks } from './compliance.js';
export {
  evaluationFrameworks,
  evaluationIndicators,
  evaluationMembers,
  evaluations,
} from './db/tables.js';
export { seedEvaluationDemo } from './demo/seed-evaluation-demo.js';
export { evaluationWorkflow } from './evaluation-workflow.js';
export type { FrameworkDefinition } from './framework.js';
export { evaluationRoutes } from './http/evaluation.routes.js';
export { evaluationPermissions } from './policies.js';
export { computeFrameworkIndex } from './use-cases/compute-index.js';
export {
  type EvaluationYearStatus,
  evaluationStatusByYear,
} from './use-cases/evaluation-status.js';
