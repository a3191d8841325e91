#!/usr/bin/env node
// The `simpul` command. Runs the compiled CLI; `npm run build` produces dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('Simpul is not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(entry.href);
