import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    flatKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** Plural variants (`_one`, `_other`) are language-specific, so compare base keys. */
const baseKeys = (messages: unknown) =>
  [
    ...new Set(flatKeys(messages).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))),
  ].sort();

describe('translations', () => {
  it('Indonesian and English define the same messages', () => {
    expect(baseKeys(en)).toEqual(baseKeys(id));
  });

  it('have no empty messages', () => {
    for (const messages of [id, en]) {
      const empty = flatKeys(messages).filter((key) => {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});

describe('source files', () => {
  const sources = import.meta.glob<string>('../../**/*.{ts,tsx}', {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const known = new Set(baseKeys(id));

  it('only use message keys that exist', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      if (file.endsWith('.test.ts')) continue;
      for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] ?? '';
        if (!known.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
