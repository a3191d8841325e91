import { type Actor, type Ctx, hasRole } from '../auth/actor.js';
import { OVERSIGHT_ROLES, type Role } from '../auth/roles.js';
import type { Tx } from '../db/client.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Bilingual } from '../notifications/tables.js';
import type { workflowInstances } from './tables.js';

/** A name in both UI languages. */
export type Label = Bilingual;

export type WorkflowInstance = typeof workflowInstances.$inferSelect;

export interface StateDefinition {
  label: Label;
  /** Service level: the state should be left within this many working hours. */
  slaHours?: number;
  /** No transition leaves it. */
  final?: boolean;
}

export interface TransitionDefinition {
  name: string;
  label: Label;
  from: string[];
  to: string;
  /** Who may take it: any one of these roles, held for the instance's agency (see `holdsRole`). */
  roles: Role[];
  requireComment?: boolean;
  requireAttachment?: boolean;
  /**
   * A check of the subject (e.g. "all four documents uploaded"): a message key when refused.
   * Runs inside the transition's transaction: `ctx.db` is that transaction.
   */
  guard?: (instance: WorkflowInstance, ctx: Ctx) => Promise<MessageKey | null>;
}

/** What `notify` is told about a transition just taken. */
export interface TransitionTaken {
  instance: WorkflowInstance;
  transition: TransitionDefinition;
  from: string;
  comment: string | null;
}

/** A workflow as data. Instances remember the version they started with. */
export interface WorkflowDefinition {
  id: string;
  version: number;
  label: Label;
  initial: string;
  states: Record<string, StateDefinition>;
  transitions: TransitionDefinition[];
  /** Whether the actor holds `role` for this instance. Default: `holdsRoleForAgency`. */
  holdsRole?: (actor: Actor, role: Role, instance: WorkflowInstance) => boolean;
  /** The users to tell about a transition (e.g. the agency's operators, or the Dinas admins). */
  notify?: (tx: Tx, taken: TransitionTaken) => Promise<string[]>;
  /** The subject's name (an application, a request), so a notification says which one. */
  describe?: (tx: Tx, instance: WorkflowInstance) => Promise<string | null>;
  /** Console path of the subject, the link in notifications. */
  link: (instance: WorkflowInstance) => string;
}

/** The transition name of an instance's first timeline event. */
export const START = 'start';

/** Roles that act for the whole regency: the Dinas's own and the oversight roles. */
const REGENCY_WIDE: readonly Role[] = ['kominfo_admin', 'tier2_desk', ...OVERSIGHT_ROLES];

/**
 * The default role test: a regency-wide role counts wherever it is granted; an agency role
 * (operator, head, Tier 1 desk…) only when granted for the instance's agency. The system holds
 * every role.
 */
export function holdsRoleForAgency(actor: Actor, role: Role, instance: WorkflowInstance): boolean {
  return REGENCY_WIDE.includes(role)
    ? hasRole(actor, role)
    : hasRole(actor, role, instance.agencyId);
}

/** Checks a definition once, where it is declared: every state a transition names exists. */
export function defineWorkflow(def: WorkflowDefinition): WorkflowDefinition {
  const known = (state: string) => {
    if (!def.states[state]) throw new Error(`Workflow ${def.id}: unknown state "${state}"`);
  };
  known(def.initial);
  const names = new Set<string>();
  for (const tr of def.transitions) {
    if (names.has(tr.name) || tr.name === START) {
      throw new Error(`Workflow ${def.id}: duplicate or reserved transition name "${tr.name}"`);
    }
    names.add(tr.name);
    tr.from.forEach(known);
    known(tr.to);
    for (const from of tr.from) {
      if (def.states[from]?.final) {
        throw new Error(`Workflow ${def.id}: "${tr.name}" leaves the final state "${from}"`);
      }
    }
  }
  return def;
}
