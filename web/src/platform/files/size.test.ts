import { describe, expect, it } from 'vitest';
import { formatBytes } from './size';

describe('formatBytes', () => {
  it('picks a unit and localises the decimal separator', () => {
    expect(formatBytes(0, 'id')).toBe('0 B');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(2048, 'en')).toBe('2 KB');
    expect(formatBytes(3.4 * 1024 * 1024, 'id')).toBe('3,4 MB');
    expect(formatBytes(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(formatBytes(15 * 1024 * 1024, 'en')).toBe('15 MB');
  });
});
