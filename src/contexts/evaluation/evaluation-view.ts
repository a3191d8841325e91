import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { files } from '../../platform/files/tables.js';
import {
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
} from '../../platform/workflow/engine.js';
import { users } from '../identity/index.js';
import { type EvaluationRow, findIndicators, type IndicatorRow, teamRoleOf } from './db/queries.js';
import { evaluationMembers } from './db/tables.js';
import {
  EVALUATION_SUBJECT,
  evaluationWorkflow,
  TRANSITION_TEAM_ROLES,
} from './evaluation-workflow.js';
import type { FrameworkDefinition } from './framework.js';
import { computeIndex, fillMissing, presentIndex } from './index-engine.js';
import { canReadEvaluation } from './policies.js';
import type { TeamRole } from './vocabulary.js';

export type Stage = 'self' | 'validated' | 'external';

/** The level an indicator has at a stage: validated falls back to the self-assessed level. */
export function levelAt(row: IndicatorRow, stage: Stage): number | null {
  if (stage === 'self') return row.selfLevel;
  if (stage === 'validated') return row.validatedLevel ?? row.selfLevel;
  return row.externalLevel;
}

export function levelsAt(rows: IndicatorRow[], stage: Stage): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) {
    const level = levelAt(r, stage);
    if (level !== null) out.set(r.indicatorNo, level);
  }
  return out;
}

/**
 * The index at a stage. With indicators still missing it is provisional: the missing ones count
 * at the scale's lowest level and `missing` says how many; null when no indicator has a level.
 */
export function indexAt(def: FrameworkDefinition, rows: IndicatorRow[], stage: Stage) {
  const levels = levelsAt(rows, stage);
  if (levels.size === 0) return null;
  const missing = def.indicators.filter((i) => !levels.has(i.no)).length;
  return { ...presentIndex(computeIndex(def, fillMissing(def, levels))), missing };
}

/** The evaluation as the console shows it, for a reader (404 otherwise). */
export async function loadEvaluationView(ctx: Ctx, db: Executor, ev: EvaluationRow) {
  const myRole = await teamRoleOf(db, ev.id, ctx.actor);
  if (!canReadEvaluation(ctx.actor, myRole)) throw notFound();
  const def = ev.framework;
  const rows = await findIndicators(db, ev.id);
  const members = await db
    .select({
      userId: evaluationMembers.userId,
      role: evaluationMembers.role,
      function: evaluationMembers.function,
      name: users.name,
      email: users.email,
    })
    .from(evaluationMembers)
    .innerJoin(users, eq(users.id, evaluationMembers.userId))
    .where(eq(evaluationMembers.evaluationId, ev.id));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const fileIds = [...new Set(rows.flatMap((r) => r.evidenceFileIds))];
  if (ev.beritaAcaraFileId) fileIds.push(ev.beritaAcaraFileId);
  const fileRows = fileIds.length
    ? await db
        .select({ id: files.id, name: files.originalName, mediaType: files.mediaType })
        .from(files)
        .where(inArray(files.id, fileIds))
    : [];
  const fileById = new Map(fileRows.map((f) => [f.id, f]));
  const instance = await findWorkflowInstance(db, evaluationWorkflow.id, EVALUATION_SUBJECT, ev.id);
  if (!instance) throw new Error(`evaluation ${ev.id} has no workflow`);
  const transitions = await availableTransitionsFor(
    { ...ctx, db: db as Ctx['db'] },
    evaluationWorkflow,
    instance,
    (tr) => myRole !== null && (TRANSITION_TEAM_ROLES[tr.name] ?? []).includes(myRole),
  );
  const byNo = new Map(rows.map((r) => [r.indicatorNo, r]));
  const aspectOf = new Map(def.aspects.map((a) => [a.no, a]));
  return {
    id: ev.id,
    year: ev.year,
    frameworkId: ev.frameworkId,
    frameworkTitle: def.title,
    agencyId: ev.agencyId,
    stage: instance.state,
    stageLabel: evaluationWorkflow.states[instance.state]?.label[ctx.lang] ?? instance.state,
    transitions,
    myRole: myRole as TeamRole | null,
    beritaAcara: ev.beritaAcaraFileId
      ? { id: ev.beritaAcaraFileId, name: fileById.get(ev.beritaAcaraFileId)?.name ?? '' }
      : null,
    externalSource: ev.externalSource,
    members: members.map((m) => ({ ...m, function: m.function ?? null })),
    indicators: def.indicators.map((ind) => {
      const r = byNo.get(ind.no);
      return {
        no: ind.no,
        aspect: ind.aspect,
        domain: aspectOf.get(ind.aspect)?.domain ?? 0,
        name: ind.name,
        weight: ind.weight,
        assigneeId: r?.assigneeId ?? null,
        assigneeName: r?.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
        selfLevel: r?.selfLevel ?? null,
        explanation: r?.explanation ?? null,
        evidenceFiles: (r?.evidenceFileIds ?? []).map((id) => ({
          id,
          name: fileById.get(id)?.name ?? '',
        })),
        evidenceLinks: r?.evidenceLinks ?? [],
        selfAt: r?.selfAt ?? null,
        validatedLevel: r?.validatedLevel ?? null,
        validationNote: r?.validationNote ?? null,
        validatedByName: r?.validatedBy ? (names.get(r.validatedBy) ?? null) : null,
        validatedAt: r?.validatedAt ?? null,
        externalLevel: r?.externalLevel ?? null,
      };
    }),
    indices: {
      self: indexAt(def, rows, 'self'),
      validated: indexAt(def, rows, 'validated'),
      external: indexAt(def, rows, 'external'),
    },
    timeline: (await getTimeline(db, instance.id)).map((e) => ({
      transition: e.transition,
      toState: e.toState,
      actorLabel: e.actorLabel,
      comment: e.comment,
      at: e.at,
    })),
  };
}

export type EvaluationView = Awaited<ReturnType<typeof loadEvaluationView>>;
