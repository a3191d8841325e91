import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { evaluations } from '../db/tables.js';
import { EVALUATION_SUBJECT, type EvaluationStage } from '../evaluation-workflow.js';

export interface EvaluationYearStatus {
  /** The evaluation's id (for links, e.g. `/console/evaluation/<id>`). */
  evaluationId: string;
  year: number;
  frameworkId: string;
  stage: EvaluationStage;
  /** The self-assessment was submitted (stage submitted or later). */
  submitted: boolean;
  /** The external result is recorded: the evaluation is done. */
  done: boolean;
}

/**
 * Per year, whether an evaluation exists, was submitted and is done — for other contexts (e.g.
 * the compliance calendar: Perbup Tabanan 44/2022 Pasal 29 ayat (4) huruf f). A plain read with no
 * actor: the caller authorises its own use.
 */
export async function evaluationStatusByYear(db: Executor): Promise<EvaluationYearStatus[]> {
  const rows = await db
    .select({
      evaluationId: evaluations.id,
      year: evaluations.year,
      frameworkId: evaluations.frameworkId,
      state: workflowInstances.state,
    })
    .from(evaluations)
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectType, EVALUATION_SUBJECT),
        eq(workflowInstances.subjectId, evaluations.id),
      ),
    )
    .orderBy(asc(evaluations.year));
  return rows.map((r) => {
    const stage = r.state as EvaluationStage;
    return {
      evaluationId: r.evaluationId,
      year: r.year,
      frameworkId: r.frameworkId,
      stage,
      submitted: stage === 'submitted' || stage === 'completed',
      done: stage === 'completed',
    };
  });
}
