/** The shapes of the server's workflow engine (src/platform/workflow/workflow.schemas.ts). */

export interface Label {
  id: string;
  en: string;
}

/** A transition the caller may take now: the buttons of a detail screen. */
export interface AvailableTransition {
  name: string;
  label: Label;
  to: string;
  requireComment: boolean;
  requireAttachment: boolean;
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
