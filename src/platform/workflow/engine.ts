import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Actor, Ctx } from '../auth/actor.js';
import { loadHolidays } from '../calendar/holidays.js';
import { addWorkingHours } from '../calendar/working-calendar.js';
import type { Executor, Tx } from '../db/client.js';
import { AppError, type FieldError, forbidden, notFound } from '../errors.js';
import { inFileScope } from '../files/policies.js';
import { files } from '../files/tables.js';
import { type MessageKey, t } from '../i18n/messages.js';
import { notify } from '../notifications/notify.js';
import {
  holdsRoleForAgency,
  type Label,
  START,
  type TransitionDefinition,
  type WorkflowDefinition,
  type WorkflowInstance,
} from './definition.js';
import { workflowEvents, workflowInstances } from './tables.js';

export interface Subject {
  subjectType: string;
  subjectId: string;
  agencyId: string;
}

export interface TransitionInput {
  transition: string;
  comment?: string;
  attachmentIds?: string[];
}

export interface TimelineEvent {
  seq: number;
  transition: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorLabel: string;
  comment: string | null;
  attachmentIds: string[];
  at: string;
}

/** A transition the actor may take from the current state, by role (guards not run). */
export interface OfferedTransition {
  name: string;
  label: Label;
  to: string;
  requireComment: boolean;
  requireAttachment: boolean;
}

/** Why a guard refuses a transition now: its message key and the message in the caller's language. */
export interface TransitionBlock {
  code: MessageKey;
  message: string;
}

/** An offered transition with its guard's verdict: `blockedBy` null when it can be taken now. */
export interface AvailableTransition extends OfferedTransition {
  blockedBy: TransitionBlock | null;
}

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

const actorColumns = (actor: Actor) =>
  actor.type === 'user'
    ? { actorId: actor.id, actorLabel: actor.name }
    : { actorId: null, actorLabel: `system:${actor.label}` };

/** The SLA deadline of `state` entered at `at`, on the working calendar; null without an SLA. */
async function dueAt(tx: Tx, def: WorkflowDefinition, state: string, at: Date) {
  const slaHours = def.states[state]?.slaHours;
  if (!slaHours) return null;
  return addWorkingHours(at, slaHours, await loadHolidays(tx)).toISOString();
}

/**
 * Starts a workflow for a subject in the definition's initial state, inside the caller's
 * transaction; the first timeline event is `start`. Who may start it is the caller's policy.
 */
export async function startWorkflow(
  tx: Tx,
  ctx: Ctx,
  def: WorkflowDefinition,
  subject: Subject,
): Promise<WorkflowInstance> {
  const actor = requireActor(ctx);
  const now = new Date();
  const [instance] = await tx
    .insert(workflowInstances)
    .values({
      workflowId: def.id,
      workflowVersion: def.version,
      ...subject,
      state: def.initial,
      stateEnteredAt: now.toISOString(),
      dueAt: await dueAt(tx, def, def.initial, now),
    })
    .returning();
  if (!instance) throw new Error('insert returned nothing');
  await tx.insert(workflowEvents).values({
    instanceId: instance.id,
    seq: 1,
    transition: START,
    fromState: null,
    toState: def.initial,
    ...actorColumns(actor),
    at: now.toISOString(),
  });
  await recordAuditEvent(tx, ctx, {
    action: 'workflow.start',
    entityType: subject.subjectType,
    entityId: subject.subjectId,
    after: {
      instanceId: instance.id,
      workflowId: def.id,
      version: def.version,
      state: def.initial,
    },
  });
  return instance;
}

/**
 * Takes a transition, inside the caller's transaction, with the instance row locked (two people
 * acting at once are serialised; the second sees the new state). Refuses, in this order: a
 * transition not possible from the current state (409 `workflow.invalidTransition`), an actor
 * without one of its roles (403), a missing comment or attachment (400, `/comment`,
 * `/attachmentIds`), a guard's objection (409 with the guard's message). Then moves the state,
 * sets the SLA deadline, appends to the timeline (who, when, from→to, comment, attachments: the
 * staged hosting procedure of Perbup Tabanan 44/2022 Pasal 14 ayat (10) — submit, test, analyse,
 * accept or return, fix and resubmit — is only checkable as such a record), records the audit
 * event and notifies the users the definition names, all in the same transaction.
 */
export async function takeTransition(
  tx: Tx,
  ctx: Ctx,
  def: WorkflowDefinition,
  instanceId: string,
  input: TransitionInput,
): Promise<WorkflowInstance> {
  const actor = requireActor(ctx);
  const [instance] = await tx
    .select()
    .from(workflowInstances)
    .where(eq(workflowInstances.id, instanceId))
    .for('update');
  if (!instance) throw notFound();
  if (instance.workflowId !== def.id) {
    throw new Error(`Instance ${instanceId} runs ${instance.workflowId}, not ${def.id}`);
  }
  const transition = def.transitions.find(
    (tr) => tr.name === input.transition && tr.from.includes(instance.state),
  );
  if (!transition) {
    throw new AppError('CONFLICT', {
      detailKey: 'workflow.invalidTransition',
      detailParams: {
        transition:
          def.transitions.find((tr) => tr.name === input.transition)?.label[ctx.lang] ??
          input.transition,
        state: def.states[instance.state]?.label[ctx.lang] ?? instance.state,
      },
    });
  }
  if (!mayTake(def, transition, instance, actor)) throw forbidden();

  const comment = input.comment?.trim() || null;
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  const errors: FieldError[] = [];
  if (transition.requireComment && !comment) {
    errors.push({ path: '/comment', message: t(ctx.lang, 'workflow.commentRequired') });
  }
  if (transition.requireAttachment && attachmentIds.length === 0) {
    errors.push({ path: '/attachmentIds', message: t(ctx.lang, 'workflow.attachmentRequired') });
  }
  errors.push(...(await checkAttachments(tx, ctx, attachmentIds)));
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });

  const refusal = await transition.guard?.(instance, { ...ctx, db: tx });
  if (refusal) throw new AppError('CONFLICT', { detailKey: refusal });

  const now = new Date();
  const [after] = await tx
    .update(workflowInstances)
    .set({
      state: transition.to,
      stateEnteredAt: now.toISOString(),
      dueAt: await dueAt(tx, def, transition.to, now),
      updatedAt: now.toISOString(),
    })
    .where(eq(workflowInstances.id, instance.id))
    .returning();
  if (!after) throw new Error('update returned nothing');
  const [last] = await tx
    .select({ seq: max(workflowEvents.seq) })
    .from(workflowEvents)
    .where(eq(workflowEvents.instanceId, instance.id));
  await tx.insert(workflowEvents).values({
    instanceId: instance.id,
    seq: (last?.seq ?? 0) + 1,
    transition: transition.name,
    fromState: instance.state,
    toState: transition.to,
    ...actorColumns(actor),
    comment,
    attachmentIds,
    at: now.toISOString(),
  });
  await recordAuditEvent(tx, ctx, {
    action: 'workflow.transition',
    entityType: instance.subjectType,
    entityId: instance.subjectId,
    before: { state: instance.state },
    after: {
      instanceId: instance.id,
      workflowId: def.id,
      transition: transition.name,
      state: transition.to,
      comment,
      attachmentIds,
    },
  });
  await notifyTransition(tx, ctx, def, transition, instance.state, after, comment);
  return after;
}

function mayTake(
  def: WorkflowDefinition,
  transition: TransitionDefinition,
  instance: WorkflowInstance,
  actor: Actor,
): boolean {
  const holds = def.holdsRole ?? holdsRoleForAgency;
  return transition.roles.some((role) => holds(actor, role, instance));
}

/** Attachments must be uploaded files the actor can read. */
async function checkAttachments(tx: Tx, ctx: Ctx, ids: string[]): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ id: files.id, agencyId: files.agencyId })
    .from(files)
    .where(inArray(files.id, ids));
  const readable = new Set(
    found.filter((f) => inFileScope(ctx.actor, f.agencyId)).map((f) => f.id),
  );
  return ids.flatMap((id, i) =>
    readable.has(id)
      ? []
      : [{ path: `/attachmentIds/${i}`, message: t(ctx.lang, 'workflow.attachmentInvalid') }],
  );
}

/** Tells the users the definition names (except the actor) what happened, in both languages. */
async function notifyTransition(
  tx: Tx,
  ctx: Ctx,
  def: WorkflowDefinition,
  transition: TransitionDefinition,
  from: string,
  instance: WorkflowInstance,
  comment: string | null,
) {
  if (!def.notify) return;
  const self = ctx.actor?.type === 'user' ? ctx.actor.id : null;
  const userIds = (await def.notify(tx, { instance, transition, from, comment })).filter(
    (id) => id !== self,
  );
  const name = def.describe ? await def.describe(tx, instance) : null;
  const suffix = name ? ` — ${name}` : '';
  const text = (lang: 'id' | 'en') => {
    const states = `${def.states[from]?.label[lang]} → ${def.states[instance.state]?.label[lang]}`;
    return comment ? `${states}\n\n${comment}` : states;
  };
  await notify(tx, ctx, {
    userIds,
    kind: `workflow.${def.id}.${transition.name}`,
    title: {
      id: `${def.label.id}: ${transition.label.id}${suffix}`,
      en: `${def.label.en}: ${transition.label.en}${suffix}`,
    },
    body: { id: text('id'), en: text('en') },
    link: def.link(instance),
  });
}

/**
 * The transitions `actor` may take from the instance's state, by role only (guards are not run):
 * for checks that need no database. What the UI shows is `availableTransitionsFor`.
 */
export function availableTransitions(
  def: WorkflowDefinition,
  instance: WorkflowInstance,
  actor: Actor | null,
): OfferedTransition[] {
  if (!actor) return [];
  return offered(def, instance, actor).map(offeredTransition);
}

/**
 * The transitions the caller may take now, for the buttons of the UI: those of
 * `availableTransitions`, each with its guard run (read-only, on `ctx.db`) so a transition the
 * server would refuse is shown with the reason (`blockedBy`) instead of failing on click.
 * `takeTransition` still runs every check itself. `include` leaves out transitions a module never
 * offers (before their guards run).
 */
export async function availableTransitionsFor(
  ctx: Ctx,
  def: WorkflowDefinition,
  instance: WorkflowInstance,
  include: (transition: TransitionDefinition) => boolean = () => true,
): Promise<AvailableTransition[]> {
  if (!ctx.actor) return [];
  const result: AvailableTransition[] = [];
  // One at a time: `ctx.db` may be a transaction, whose connection runs one query at a time.
  for (const tr of offered(def, instance, ctx.actor).filter(include)) {
    const refusal = tr.guard ? await tr.guard(instance, ctx) : null;
    result.push({
      ...offeredTransition(tr),
      blockedBy: refusal ? { code: refusal, message: t(ctx.lang, refusal) } : null,
    });
  }
  return result;
}

function offered(def: WorkflowDefinition, instance: WorkflowInstance, actor: Actor) {
  return def.transitions.filter(
    (tr) => tr.from.includes(instance.state) && mayTake(def, tr, instance, actor),
  );
}

function offeredTransition(tr: TransitionDefinition): OfferedTransition {
  return {
    name: tr.name,
    label: tr.label,
    to: tr.to,
    requireComment: tr.requireComment ?? false,
    requireAttachment: tr.requireAttachment ?? false,
  };
}

/** The instance of a subject's workflow, or null. */
export async function findWorkflowInstance(
  db: Executor,
  workflowId: string,
  subjectType: string,
  subjectId: string,
): Promise<WorkflowInstance | null> {
  const [row] = await db
    .select()
    .from(workflowInstances)
    .where(
      and(
        eq(workflowInstances.workflowId, workflowId),
        eq(workflowInstances.subjectType, subjectType),
        eq(workflowInstances.subjectId, subjectId),
      ),
    );
  return row ?? null;
}

/**
 * Every step of an instance, oldest first. Reading it is authorised by the caller (whoever may
 * read the subject may read its timeline).
 */
export async function getTimeline(db: Executor, instanceId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .select()
    .from(workflowEvents)
    .where(eq(workflowEvents.instanceId, instanceId))
    .orderBy(asc(workflowEvents.seq));
  return rows.map((r) => ({
    seq: r.seq,
    transition: r.transition,
    fromState: r.fromState,
    toState: r.toState,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    comment: r.comment,
    attachmentIds: r.attachmentIds,
    at: new Date(r.at).toISOString(),
  }));
}
