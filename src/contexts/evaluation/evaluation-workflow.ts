import { and, eq, isNull } from 'drizzle-orm';
import { hasRole } from '../../platform/auth/actor.js';
import { ROLES } from '../../platform/auth/roles.js';
import { defineWorkflow } from '../../platform/workflow/definition.js';
import { evaluationIndicators, evaluations } from './db/tables.js';

export const EVALUATION_SUBJECT = 'spbe_evaluation';
export const EVALUATION_STAGES = [
  'self_assessment',
  'internal_validation',
  'submitted',
  'completed',
] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

/**
 * The stages of a Pemantauan dan Evaluasi SPBE (PermenPANRB 59/2020 Lampiran p.85–88): penilaian
 * mandiri by the Tim Asesor Internal (langkah 1–3), verification and validation by the penanggung
 * jawab (langkah 4), submission by the Koordinator SPBE after the Berita Acara is signed
 * (langkah 5–6), then the external assessors' result recorded when KemenPANRB publishes it.
 *
 * Who acts is decided by the Tim Asesor Internal role the use case checks (Koordinator SPBE,
 * Penanggung Jawab), not by a platform role: members come from any agency, so every signed-in
 * role passes the engine's role test (`holdsRole` ignores the agency) and the use case narrows it.
 */
export const evaluationWorkflow = defineWorkflow({
  id: 'spbe-evaluation',
  version: 1,
  label: { id: 'Evaluasi SPBE', en: 'SPBE evaluation' },
  initial: 'self_assessment',
  states: {
    self_assessment: { label: { id: 'Penilaian mandiri', en: 'Self-assessment' } },
    internal_validation: { label: { id: 'Validasi internal', en: 'Internal validation' } },
    submitted: { label: { id: 'Disampaikan', en: 'Submitted' } },
    completed: {
      label: { id: 'Hasil eksternal dicatat', en: 'External result recorded' },
      final: true,
    },
  },
  transitions: [
    {
      name: 'start_validation',
      label: { id: 'Mulai validasi internal', en: 'Start internal validation' },
      from: ['self_assessment'],
      to: 'internal_validation',
      roles: [...ROLES],
      guard: async (instance, ctx) => {
        const [missing] = await ctx.db
          .select({ no: evaluationIndicators.indicatorNo })
          .from(evaluationIndicators)
          .where(
            and(
              eq(evaluationIndicators.evaluationId, instance.subjectId),
              isNull(evaluationIndicators.selfLevel),
            ),
          )
          .limit(1);
        return missing ? 'evaluation.selfIncomplete' : null;
      },
    },
    {
      name: 'return_to_self_assessment',
      label: { id: 'Kembalikan ke penilaian mandiri', en: 'Return to self-assessment' },
      from: ['internal_validation'],
      to: 'self_assessment',
      roles: [...ROLES],
      requireComment: true,
    },
    {
      name: 'submit',
      label: { id: 'Sampaikan hasil penilaian mandiri', en: 'Submit the self-assessment' },
      from: ['internal_validation'],
      to: 'submitted',
      roles: [...ROLES],
      guard: async (instance, ctx) => {
        const [row] = await ctx.db
          .select({ ba: evaluations.beritaAcaraFileId })
          .from(evaluations)
          .where(eq(evaluations.id, instance.subjectId));
        return row?.ba ? null : 'evaluation.beritaAcaraMissing';
      },
    },
    {
      name: 'record_external_result',
      label: { id: 'Tetapkan hasil asesor eksternal', en: 'Record the external result' },
      from: ['submitted'],
      to: 'completed',
      roles: [...ROLES],
      guard: async (instance, ctx) => {
        const [missing] = await ctx.db
          .select({ no: evaluationIndicators.indicatorNo })
          .from(evaluationIndicators)
          .where(
            and(
              eq(evaluationIndicators.evaluationId, instance.subjectId),
              isNull(evaluationIndicators.externalLevel),
            ),
          )
          .limit(1);
        return missing ? 'evaluation.externalIncomplete' : null;
      },
    },
  ],
  holdsRole: (actor, role) => hasRole(actor, role),
  link: (instance) => `/evaluation/${instance.subjectId}`,
});

/** Which Tim Asesor Internal roles take each transition (the use case checks this first). */
export const TRANSITION_TEAM_ROLES: Record<string, readonly string[]> = {
  start_validation: ['coordinator', 'responsible'],
  return_to_self_assessment: ['coordinator', 'responsible'],
  // 59/2020 Lampiran p.82: the Koordinator SPBE submits the self-assessment.
  submit: ['coordinator'],
  record_external_result: ['coordinator'],
};
