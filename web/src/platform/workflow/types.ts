/** The shapes of the server's workflow engine (src/platform/workflow/workflow.schemas.ts). */

export interface Label {
  id: string;
  en: string;
}

/** Why the server would refuse a transition now (its guard's message key and message). */
export interface TransitionBlock {
  code: string;
  message: string;
}

/** A transition the caller may take: the buttons of a detail screen. */
export interface AvailableTransition {
  name: string;
  label: Label;
  to: string;
  requireComment: boolean;
  requireAttachment: boolean;
  /** Set when a condition is not met yet (e.g. documents missing): the button is disabled. */
  blockedBy: TransitionBlock | null;
}

/** One step of an instance's timeline: who, when, from → to, comment, attachments. */
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
  /** Some modules label their events themselves (applications); others leave it to the console. */
  label?: Label;
}

/** The body of a "take this transition" request. */
export interface TransitionInput {
  transition: string;
  comment?: string;
  attachmentIds?: string[];
}
