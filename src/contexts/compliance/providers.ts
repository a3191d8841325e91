import type { ComplianceCheckProvider, Source } from '../../platform/compliance/check-provider.js';
import { applicationsComplianceChecks } from '../applications/index.js';
import { dataComplianceChecks } from '../data/index.js';
import { datacenterComplianceChecks } from '../datacenter/index.js';
import { evaluationComplianceChecks } from '../evaluation/index.js';
import { identityComplianceChecks } from '../identity/index.js';
import { interopComplianceChecks } from '../interop/index.js';
import { crossModuleComplianceChecks } from './sources/placements.js';

/**
 * The one place where modules' check providers are registered. To add one: write
 * `src/contexts/<ctx>/compliance.ts` exporting a `ComplianceCheckProvider`, export it from the
 * context's index.ts, add it to this list, and point obligations at its sources in
 * profiles/check-mapping.json (docs/user/compliance.md, "Menambah penyedia pemeriksaan").
 */
export const COMPLIANCE_PROVIDERS: readonly ComplianceCheckProvider[] = [
  identityComplianceChecks,
  applicationsComplianceChecks,
  datacenterComplianceChecks,
  evaluationComplianceChecks,
  interopComplianceChecks,
  dataComplianceChecks,
  crossModuleComplianceChecks,
];

/** Every source by its name (`datacenter.backups`, …). Names are unique across providers. */
export const COMPLIANCE_SOURCES: ReadonlyMap<string, Source> = new Map(
  COMPLIANCE_PROVIDERS.flatMap((p) => Object.entries(p.sources)),
);

/** The modules that provide checks in this Simpul (besides compliance itself). */
export const PROVIDED_MODULES: readonly string[] = COMPLIANCE_PROVIDERS.map((p) => p.module);
