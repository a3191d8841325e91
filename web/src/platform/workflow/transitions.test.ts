import { describe, expect, it } from 'vitest';
import {
  missingTransitionParts,
  transitionButtons,
  transitionPayload,
  transitionTone,
} from './transitions';
import type { AvailableTransition } from './types';

const transition = (
  name: string,
  extra: Partial<AvailableTransition> = {},
): AvailableTransition => ({
  name,
  label: { id: `Label ${name}`, en: `Label ${name} (en)` },
  to: 'somewhere',
  requireComment: false,
  requireAttachment: false,
  blockedBy: null,
  ...extra,
});

describe('transitionTone', () => {
  it('tells sending back from going ahead', () => {
    expect(transitionTone('return')).toBe('negative');
    expect(transitionTone('fail_feasibility_test')).toBe('negative');
    expect(transitionTone('redevelop')).toBe('negative');
    expect(transitionTone('accept')).toBe('positive');
    expect(transitionTone('pass_feasibility_test')).toBe('positive');
    expect(transitionTone('complete_test')).toBe('positive');
    expect(transitionTone('submit')).toBe('neutral');
    expect(transitionTone('returned_goods')).toBe('neutral');
  });
});

describe('transitionButtons', () => {
  it('maps each transition to a labelled, coloured button in the UI language', () => {
    const buttons = transitionButtons(
      [
        transition('accept'),
        transition('return', { requireComment: true }),
        transition('pass_feasibility_test', { requireComment: true, requireAttachment: true }),
      ],
      'id',
    );
    expect(buttons).toEqual([
      {
        name: 'accept',
        label: 'Label accept',
        color: 'teal',
        variant: 'filled',
        requireComment: false,
        requireAttachment: false,
        commentLabelKey: 'workflow.comment',
        blocked: null,
      },
      {
        name: 'return',
        label: 'Label return',
        color: 'red',
        variant: 'light',
        requireComment: true,
        requireAttachment: false,
        commentLabelKey: 'workflow.reasons',
        blocked: null,
      },
      {
        name: 'pass_feasibility_test',
        label: 'Label pass_feasibility_test',
        color: 'teal',
        variant: 'filled',
        requireComment: true,
        requireAttachment: true,
        commentLabelKey: 'workflow.comment',
        blocked: null,
      },
    ]);
    expect(transitionButtons([transition('submit')], 'en')[0]?.label).toBe('Label submit (en)');
  });

  it("blocks exactly the transitions the server's guards refuse, with the server's reason", () => {
    const consultation = {
      code: 'application.consultationRequired',
      message: 'Implementasi memerlukan konsultasi dengan Kepala Dinas.',
    };
    const buttons = transitionButtons(
      [transition('to_implementation', { blockedBy: consultation }), transition('redevelop')],
      'id',
    );
    expect(buttons.map((b) => [b.name, b.blocked])).toEqual([
      ['to_implementation', consultation.message],
      ['redevelop', null],
    ]);
  });

  it('words a block more precisely where asked, but never blocks on its own', () => {
    const incomplete = { code: 'datacenter.hostingRequest.incomplete', message: 'Lengkapi.' };
    const reasons = { submit: 'lengkapi dahulu Rencana pemulihan bencana.', resubmit: 'x' };
    expect(
      transitionButtons([transition('submit', { blockedBy: incomplete })], 'id', reasons)[0]
        ?.blocked,
    ).toBe('lengkapi dahulu Rencana pemulihan bencana.');
    expect(transitionButtons([transition('resubmit')], 'id', reasons)[0]?.blocked).toBeNull();
  });
});

describe('missingTransitionParts', () => {
  it('names the required parts that are empty', () => {
    const strict = transition('x', { requireComment: true, requireAttachment: true });
    expect(missingTransitionParts(strict, { comment: '  ', attachmentIds: [] })).toEqual({
      comment: 'validation.required',
      attachmentIds: 'validation.required',
    });
    expect(missingTransitionParts(strict, { comment: 'ok', attachmentIds: ['f1'] })).toEqual({});
    expect(missingTransitionParts(transition('y'), { comment: '', attachmentIds: [] })).toEqual({});
  });
});

describe('transitionPayload', () => {
  it('trims the comment and leaves out empty parts', () => {
    expect(transitionPayload('submit', { comment: ' ', attachmentIds: [] })).toEqual({
      transition: 'submit',
    });
    expect(transitionPayload('return', { comment: ' Perbaiki \n', attachmentIds: ['a'] })).toEqual({
      transition: 'return',
      comment: 'Perbaiki',
      attachmentIds: ['a'],
    });
  });
});
