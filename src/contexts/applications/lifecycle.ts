import { eq, max } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/db/client.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import {
  defineWorkflow,
  type Label,
  START,
  type TransitionDefinition,
  type WorkflowInstance,
} from '../../platform/workflow/definition.js';
import { workflowEvents } from '../../platform/workflow/tables.js';
import { findApplicationView, usersWithRoles } from './db/queries.js';
import { applications } from './db/tables.js';
import { LIFECYCLE_WORKFLOW_ID, STAGES, type Stage } from './model.js';

/**
 * The development cycle of an Aplikasi SPBE, Perbup Tabanan 44/2022 Pasal 7, as a workflow of the
 * platform engine. The model, kept deliberately small:
 *
 * - States are the seven stages of ayat (1), in order. The owner agency's operator or head moves
 *   its application forward one stage at a time; the Dinas admin may too, because the Dinas plans
 *   and builds aplikasi umum and aplikasi khusus itself where the Perbup says so (Tabanan Pasal 6
 *   ayat (5) huruf b–c; Sragen 41/2019 Pasal 10 ayat (2) huruf a).
 * - Ayat (3): "PD yang melakukan pembangunan dan/atau pengembangan Aplikasi SPBE wajib
 *   berkonsultasi dengan Kepala Dinas." The Dinas admin records the consultation, for the Kepala
 *   Dinas, as the transition `record_consultation` during rancang bangun (it stays in that stage):
 *   its time is the timeline's, its notes the required comment, minutes may be attached. Moving
 *   into implementasi is refused (409) until this development cycle has one.
 * - Pengujian kelaikan is the Dinas's test (Tabanan 7(4) "berdasarkan hasil pengujian"; Sragen
 *   Pasal 11 ayat (1) and OKU Timur Pasal 19 ayat (1) require testing before the application goes
 *   live). The Dinas admin records the result as the transition itself: `pass_feasibility_test`
 *   (notes and the test report required) moves the application into pemeliharaan — only when the
 *   four documents of ayat (4) are attached, since the tested application "harus dilengkapi" with
 *   them; `fail_feasibility_test` (notes required) sends it back to implementasi for fixing. Date,
 *   result, notes and attachments are the timeline event: one immutable, audited record.
 * - After pemeliharaan comes evaluasi, which ends either back in pemeliharaan (the evaluation's
 *   conclusion as a required comment) or in a new development cycle (`redevelop`, back to kajian
 *   kebutuhan, reason required): "pembangunan dan/atau pengembangan" is a cycle.
 * - An application that already exists when it is registered (SIPD, a hospital system running
 *   since 2018) starts in the stage it is actually in: the registration takes one of the
 *   `register_existing_*` transitions right after the start, with a comment saying so. These are
 *   for registration only — never offered, and refused from the transitions endpoint — so the
 *   timeline shows honestly that no consultation or test was recorded in Simpul.
 *
 * Retirement is not a stage: it is the application's status (`retired`), and a retired
 * application takes no transitions.
 */

const STAGE_LABELS: Record<Stage, Label> = {
  kajian_kebutuhan: { id: 'Kajian kebutuhan', en: 'Needs assessment' },
  perencanaan: { id: 'Perencanaan', en: 'Planning' },
  rancang_bangun: { id: 'Rancang bangun', en: 'Design' },
  implementasi: { id: 'Implementasi', en: 'Implementation' },
  pengujian_kelaikan: { id: 'Pengujian kelaikan', en: 'Feasibility testing' },
  pemeliharaan: { id: 'Pemeliharaan', en: 'Maintenance' },
  evaluasi: { id: 'Evaluasi', en: 'Evaluation' },
};

export const stageLabel = (stage: string): Label =>
  STAGE_LABELS[stage as Stage] ?? { id: stage, en: stage };

/** Who moves an application along: its own agency's operator and head, and the Dinas admin. */
const OWNER: Role[] = ['agency_operator', 'agency_head', 'kominfo_admin'];
/** What only the Dinas records: the consultation and the feasibility test. */
const DINAS: Role[] = ['kominfo_admin'];

export const REGISTER_EXISTING_PREFIX = 'register_existing_';
export const isRegistrationTransition = (name: string) => name.startsWith(REGISTER_EXISTING_PREFIX);

const forward = (
  name: string,
  from: Stage,
  to: Stage,
  label: Label,
  extra: Partial<TransitionDefinition> = {},
): TransitionDefinition => ({ name, label, from: [from], to, roles: OWNER, ...extra });

/** Refuses unless a consultation was recorded since the current development cycle began. */
async function consultationRecorded(
  instance: WorkflowInstance,
  db: Executor,
): Promise<MessageKey | null> {
  const events = await db
    .select({ seq: workflowEvents.seq, transition: workflowEvents.transition })
    .from(workflowEvents)
    .where(eq(workflowEvents.instanceId, instance.id));
  const cycleStart = Math.max(
    0,
    ...events
      .filter((e) => e.transition === START || e.transition === 'redevelop')
      .map((e) => e.seq),
  );
  const consulted = events.some(
    (e) => e.transition === 'record_consultation' && e.seq > cycleStart,
  );
  return consulted ? null : 'application.consultationRequired';
}

const registrationTransitions: TransitionDefinition[] = STAGES.filter(
  (s) => s !== 'kajian_kebutuhan',
).map((stage) => ({
  name: `${REGISTER_EXISTING_PREFIX}${stage}`,
  label: {
    id: `Didaftarkan pada tahap ${STAGE_LABELS[stage].id}`,
    en: `Registered in the ${STAGE_LABELS[stage].en} stage`,
  },
  from: ['kajian_kebutuhan'],
  to: stage,
  roles: OWNER,
  requireComment: true,
  // Only as part of the registration: right after the start event.
  guard: async (instance, ctx) => {
    const [last] = await ctx.db
      .select({ seq: max(workflowEvents.seq) })
      .from(workflowEvents)
      .where(eq(workflowEvents.instanceId, instance.id));
    return last?.seq === 1 ? null : 'error.CONFLICT';
  },
}));

export const applicationLifecycle = defineWorkflow({
  id: LIFECYCLE_WORKFLOW_ID,
  version: 1,
  label: { id: 'Siklus Aplikasi SPBE', en: 'Application lifecycle' },
  initial: 'kajian_kebutuhan',
  states: Object.fromEntries(STAGES.map((s) => [s, { label: STAGE_LABELS[s] }])),
  transitions: [
    forward('to_planning', 'kajian_kebutuhan', 'perencanaan', {
      id: 'Lanjut ke perencanaan',
      en: 'Proceed to planning',
    }),
    forward('to_design', 'perencanaan', 'rancang_bangun', {
      id: 'Lanjut ke rancang bangun',
      en: 'Proceed to design',
    }),
    {
      name: 'record_consultation',
      label: { id: 'Catat konsultasi dengan Kepala Dinas', en: 'Record the consultation' },
      from: ['rancang_bangun'],
      to: 'rancang_bangun',
      roles: DINAS,
      requireComment: true,
    },
    forward(
      'to_implementation',
      'rancang_bangun',
      'implementasi',
      { id: 'Lanjut ke implementasi', en: 'Proceed to implementation' },
      { guard: (instance, ctx) => consultationRecorded(instance, ctx.db) },
    ),
    forward('submit_for_testing', 'implementasi', 'pengujian_kelaikan', {
      id: 'Ajukan pengujian kelaikan',
      en: 'Submit for feasibility testing',
    }),
    {
      name: 'pass_feasibility_test',
      label: { id: 'Lulus uji kelaikan', en: 'Passed the feasibility test' },
      from: ['pengujian_kelaikan'],
      to: 'pemeliharaan',
      roles: DINAS,
      requireComment: true,
      requireAttachment: true,
      guard: async (instance, ctx) => {
        const app = await findApplicationView(ctx.db, instance.subjectId);
        if (!app) return 'error.NOT_FOUND';
        return app.completeness.missing.length > 0 ? 'application.documentsIncomplete' : null;
      },
    },
    {
      name: 'fail_feasibility_test',
      label: { id: 'Tidak lulus uji kelaikan', en: 'Failed the feasibility test' },
      from: ['pengujian_kelaikan'],
      to: 'implementasi',
      roles: DINAS,
      requireComment: true,
    },
    forward('start_evaluation', 'pemeliharaan', 'evaluasi', {
      id: 'Mulai evaluasi',
      en: 'Start the evaluation',
    }),
    forward(
      'close_evaluation',
      'evaluasi',
      'pemeliharaan',
      { id: 'Selesaikan evaluasi, lanjut pemeliharaan', en: 'Close the evaluation, keep running' },
      { requireComment: true },
    ),
    forward(
      'redevelop',
      'evaluasi',
      'kajian_kebutuhan',
      { id: 'Kembangkan ulang (siklus baru)', en: 'Redevelop (new cycle)' },
      { requireComment: true },
    ),
    ...registrationTransitions,
  ],
  // The Dinas hears when an application waits for its test; otherwise the owner agency's
  // operators and head hear what happened to their application.
  notify: (tx, { instance, transition }) =>
    transition.to === 'pengujian_kelaikan'
      ? usersWithRoles(tx, ['kominfo_admin'])
      : usersWithRoles(tx, ['agency_operator', 'agency_head'], instance.agencyId),
  describe: async (tx, instance) => {
    const [row] = await tx
      .select({ name: applications.name })
      .from(applications)
      .where(eq(applications.id, instance.subjectId));
    return row?.name ?? null;
  },
  link: (instance) => `/console/applications/${instance.subjectId}`,
});
