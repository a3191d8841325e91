import { describe, expect, it } from 'vitest';
import {
  formatDate,
  instantToJakartaLocal,
  jakartaLocalToInstant,
  jakartaToday,
  pickLabel,
} from './format';

describe('dates in Jakarta time', () => {
  it('formats a calendar date without shifting it', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatDate(null, 'id')).toBe('—');
    expect(formatDate('not a date', 'id')).toBe('not a date');
  });

  it('knows the Jakarta day', () => {
    expect(jakartaToday(new Date('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
    expect(jakartaToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('converts datetime-local values both ways', () => {
    expect(jakartaLocalToInstant('2026-03-02T08:30')).toBe('2026-03-02T01:30:00.000Z');
    expect(jakartaLocalToInstant('2026-03-02')).toBeUndefined();
    expect(instantToJakartaLocal('2026-03-02T01:30:00.000Z')).toBe('2026-03-02T08:30');
    expect(instantToJakartaLocal(null)).toBe('');
  });
});

describe('pickLabel', () => {
  it('picks the UI language', () => {
    expect(pickLabel({ id: 'Terima', en: 'Accept' }, 'en')).toBe('Accept');
    expect(pickLabel({ id: 'Terima', en: 'Accept' }, 'id')).toBe('Terima');
    expect(pickLabel(null, 'id')).toBe('');
  });
});
