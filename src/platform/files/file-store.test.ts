import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runFileStoreContract } from './file-store.contract.js';
import { createFileStore } from './file-store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

runFileStoreContract('local directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-file-store-'));
  dirs.push(dir);
  return {
    store: createFileStore(dir),
    storedObjects: async () =>
      readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name),
      ).length,
  };
});
