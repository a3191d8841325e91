import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../platform/paths.js';
import type { FrameworkDefinition } from './framework.js';

/**
 * The framework JSON files shipped in the repository — the source the custom migration
 * `evaluation_frameworks` loads into the database. Tests read them to check the migration carries
 * the same data; the application reads frameworks from the database.
 */
export const SHIPPED_FRAMEWORK_IDS = ['permenpanrb-59-2020', 'permenpanrb-5-2018'] as const;

export function readShippedFramework(id: string): FrameworkDefinition {
  const file = join(packageRoot, 'src/contexts/evaluation/frameworks', `${id}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as FrameworkDefinition;
}
