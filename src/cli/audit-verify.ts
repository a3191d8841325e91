import { verifyAuditChain } from '../platform/audit/verify-audit-chain.js';
import type { Config } from '../platform/config.js';
import { openRuntime } from '../runtime.js';

/** `simpul audit verify`: exit 0 on an intact chain, 1 naming the first broken entry. */
export async function auditVerify(config: Config) {
  const { database } = await openRuntime(config);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`Jejak audit utuh: ${result.checked} entri diperiksa.`);
      return;
    }
    console.error(
      `Jejak audit RUSAK pada entri #${result.firstBrokenSeq} (${result.reason}); ` +
        `${result.checked} entri sebelumnya utuh.`,
    );
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
