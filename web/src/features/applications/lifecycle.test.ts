import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../platform/workflow/types';
import { lifecycleBlocks } from './lifecycle';

const event = (seq: number, transition: string): TimelineEvent => ({
  seq,
  transition,
  fromState: null,
  toState: 'x',
  actorId: null,
  actorLabel: 'x',
  comment: null,
  attachmentIds: [],
  at: '2026-01-01T00:00:00Z',
});
const app = (missing: string[], transitions: string[]) => ({
  completeness: { required: true, present: 4 - missing.length, total: 4, missing } as never,
  lifecycle: { timeline: transitions.map((name, index) => event(index + 1, name)) },
});

describe('lifecycleBlocks', () => {
  it('blocks passing the test while documents are missing', () => {
    expect(lifecycleBlocks(app(['design'], ['start', 'record_consultation']))).toEqual({
      pass_feasibility_test: 'applications.lifecycle.blocked.documents',
    });
    expect(lifecycleBlocks(app([], ['start', 'record_consultation']))).toEqual({});
  });

  it('needs a consultation in the current cycle before implementation', () => {
    expect(lifecycleBlocks(app([], ['start', 'to_planning', 'to_design']))).toEqual({
      to_implementation: 'applications.lifecycle.blocked.consultation',
    });
    // A consultation of an earlier cycle does not count after a redevelopment.
    expect(
      lifecycleBlocks(app([], ['start', 'record_consultation', 'redevelop', 'to_planning'])),
    ).toEqual({ to_implementation: 'applications.lifecycle.blocked.consultation' });
  });
});
