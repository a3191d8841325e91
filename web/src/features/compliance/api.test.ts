import { describe, expect, it } from 'vitest';
import { consolePath, STATUS_COLORS, STATUSES } from './api';

describe('compliance console helpers', () => {
  it('turns the server’s /console links into router paths', () => {
    expect(consolePath('/console/pusat-data/backups/abc')).toBe('/pusat-data/backups/abc');
    expect(consolePath('/console/compliance/obligations/x.p1')).toBe(
      '/compliance/obligations/x.p1',
    );
    // Only a leading /console segment is removed.
    expect(consolePath('/consoles/x')).toBe('/consoles/x');
  });

  it('has a colour for every status', () => {
    for (const status of STATUSES) expect(STATUS_COLORS[status]).toBeTruthy();
  });
});
