import { describe, expect, it } from 'vitest';
import { completenessOf, isAuditOverdue, localToday } from './rules.js';

describe('application rules', () => {
  it("reads today's date in WIB, not UTC", () => {
    expect(localToday(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
    expect(localToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });

  it('counts the four required documents and names the missing kinds', () => {
    expect(completenessOf(null, ['design', 'requirements', 'design'])).toEqual({
      required: true,
      present: 2,
      total: 4,
      missing: ['user_manual', 'source_code'],
    });
    expect(completenessOf('replaces', []).missing).toHaveLength(4);
    // An entry that is a national aplikasi umum is not asked for the documents.
    expect(completenessOf('is', [])).toEqual({
      required: false,
      present: 0,
      total: 4,
      missing: [],
    });
  });

  it('flags an active application whose audit due date has passed', () => {
    expect(isAuditOverdue('active', '2026-11-22', '2026-11-23')).toBe(true);
    expect(isAuditOverdue('active', '2026-11-23', '2026-11-23')).toBe(false);
    expect(isAuditOverdue('retired', '2020-01-01', '2026-11-23')).toBe(false);
  });
});
