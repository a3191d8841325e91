import { complianceReport, SHIPPED_PROFILES } from '../contexts/compliance/index.js';
import { systemCtx } from '../platform/auth/actor.js';
import { COMPLIANCE_STATUSES } from '../platform/compliance/check-provider.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { openRuntime } from '../runtime.js';

/**
 * `simpul compliance report --profile <id> [--format json|text]`: per obligation the status per
 * bound party and the check type that decided it, then a summary line with the counts by status.
 * JSON: one document per line — each obligation, then `{"summary": …}` last.
 */
export async function complianceReportCommand(
  config: Config,
  opts: { profile?: string; format: 'json' | 'text'; today?: string },
) {
  const { database, secrets } = await openRuntime(config);
  try {
    const ctx = systemCtx(database.db, secrets, 'cli:compliance-report');
    const report = await complianceReport(ctx, opts.profile, opts.today).catch((error) => {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      const known = [...Object.keys(SHIPPED_PROFILES)].join(', ');
      throw new Error(`profil "${opts.profile}" tidak ditemukan (bawaan: ${known})`, {
        cause: error,
      });
    });
    const summaryLine = COMPLIANCE_STATUSES.map((s) => `${s}=${report.summary[s]}`).join(' ');
    if (opts.format === 'json') {
      for (const o of report.obligations) process.stdout.write(`${JSON.stringify(o)}\n`);
      process.stdout.write(
        `${JSON.stringify({ summary: report.summary, profile: report.profile, today: report.today, obligations: report.obligations.length })}\n`,
      );
      return;
    }
    for (const o of report.obligations) {
      const counts = COMPLIANCE_STATUSES.map(
        (s) => [s, o.parties.filter((p) => p.status === s).length] as const,
      )
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
      process.stdout.write(`${o.id}\t${o.check}\t${counts}\n`);
    }
    process.stdout.write(`summary: ${summaryLine}\n`);
  } finally {
    await database.close();
  }
}
