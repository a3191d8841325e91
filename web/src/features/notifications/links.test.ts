import { describe, expect, it } from 'vitest';
import { consoleHref } from './links';

describe('consoleHref', () => {
  it('turns console links into router paths', () => {
    expect(consoleHref('/console/pusat-data/hosting/abc')).toBe('/pusat-data/hosting/abc');
    expect(consoleHref('/console/applications/x?tab=1')).toBe('/applications/x?tab=1');
    expect(consoleHref('/console')).toBe('/');
  });

  it('does not follow links outside the console', () => {
    expect(consoleHref(null)).toBeNull();
    expect(consoleHref('')).toBeNull();
    expect(consoleHref('https://evil.example/console/x')).toBeNull();
    expect(consoleHref('//evil.example/console')).toBeNull();
    expect(consoleHref('/api/v1/files/x')).toBeNull();
    expect(consoleHref('/consolex')).toBeNull();
  });
});
