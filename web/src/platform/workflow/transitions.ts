import { pickLabel } from '../i18n/format';
import type { AvailableTransition, TransitionInput } from './types';

/** How a transition reads: going ahead, sending back or refusing, or an ordinary step. */
export type TransitionTone = 'positive' | 'negative' | 'neutral';

const NEGATIVE = /^(return|reject|fail|decline|cancel|withdraw|redevelop)(_|$)/;
const POSITIVE = /^(accept|approve|pass|complete|close)(_|$)/;

export function transitionTone(name: string): TransitionTone {
  if (NEGATIVE.test(name)) return 'negative';
  if (POSITIVE.test(name)) return 'positive';
  return 'neutral';
}

export interface TransitionButton {
  name: string;
  label: string;
  color: string;
  variant: 'filled' | 'light';
  requireComment: boolean;
  requireAttachment: boolean;
  /** i18n key of the comment field's label: reasons when sending back, a comment otherwise. */
  commentLabelKey: 'workflow.reasons' | 'workflow.comment';
  /** Why it cannot be taken yet (the button is disabled, the reason shown), or null. */
  blocked: string | null;
}

const COLORS: Record<TransitionTone, string> = {
  positive: 'teal',
  negative: 'red',
  neutral: 'indigo',
};

/**
 * The button of each available transition, in the server's order. A transition is blocked by the
 * server's verdict (`blockedBy`); `reasons` may word a block more precisely (which fields are
 * missing), but only where the server blocks it too.
 */
export function transitionButtons(
  transitions: readonly AvailableTransition[],
  lang: string,
  reasons: Partial<Record<string, string>> = {},
): TransitionButton[] {
  return transitions.map((transition) => {
    const tone = transitionTone(transition.name);
    return {
      name: transition.name,
      label: pickLabel(transition.label, lang) || transition.name,
      color: COLORS[tone],
      variant: tone === 'negative' ? 'light' : 'filled',
      requireComment: transition.requireComment,
      requireAttachment: transition.requireAttachment,
      commentLabelKey: tone === 'negative' ? 'workflow.reasons' : 'workflow.comment',
      blocked: transition.blockedBy
        ? reasons[transition.name] || transition.blockedBy.message
        : null,
    };
  });
}

export interface TransitionValues {
  comment: string;
  attachmentIds: string[];
}

/** Which required parts are missing, as form errors (`validation.required`), before calling the server. */
export function missingTransitionParts(
  transition: Pick<AvailableTransition, 'requireComment' | 'requireAttachment'>,
  values: TransitionValues,
): Partial<Record<keyof TransitionValues, 'validation.required'>> {
  const missing: Partial<Record<keyof TransitionValues, 'validation.required'>> = {};
  if (transition.requireComment && !values.comment.trim()) missing.comment = 'validation.required';
  if (transition.requireAttachment && values.attachmentIds.length === 0) {
    missing.attachmentIds = 'validation.required';
  }
  return missing;
}

/** The request body: the comment trimmed, empty parts left out. */
export function transitionPayload(name: string, values: TransitionValues): TransitionInput {
  const comment = values.comment.trim();
  return {
    transition: name,
    ...(comment ? { comment } : {}),
    ...(values.attachmentIds.length ? { attachmentIds: [...values.attachmentIds] } : {}),
  };
}
