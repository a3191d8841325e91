import { describe, expect, it } from 'vitest';
import { auditState, completenessIndicator } from './indicators';

const completeness = (present: number, required = true) => ({
  required,
  present,
  total: 4,
  missing: [],
});

describe('completenessIndicator', () => {
  it('shows n/4, red when none, yellow when some, teal when all', () => {
    expect(completenessIndicator(completeness(0))).toEqual({
      text: '0/4',
      color: 'red',
      complete: false,
    });
    expect(completenessIndicator(completeness(3))).toMatchObject({ text: '3/4', color: 'yellow' });
    expect(completenessIndicator(completeness(4))).toEqual({
      text: '4/4',
      color: 'teal',
      complete: true,
    });
  });

  it('does not count documents a national application does not need', () => {
    expect(completenessIndicator(completeness(0, false))).toEqual({
      text: null,
      color: 'gray',
      complete: true,
    });
  });
});

describe('auditState', () => {
  const app = (auditDueDate: string, auditOverdue = false, status = 'active') => ({
    auditDueDate,
    auditOverdue,
    status,
  });

  it('follows the server for overdue and flags the coming 90 days', () => {
    expect(auditState(app('2026-01-01', true), '2026-03-01')).toBe('overdue');
    expect(auditState(app('2026-05-01'), '2026-03-01')).toBe('soon');
    expect(auditState(app('2026-05-30'), '2026-03-01')).toBe('soon');
    expect(auditState(app('2027-03-01'), '2026-03-01')).toBe('ok');
  });

  it('ignores retired applications', () => {
    expect(auditState(app('2020-01-01', false, 'retired'), '2026-03-01')).toBe('none');
  });
});
