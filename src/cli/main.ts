import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../platform/config.js';
import { adminCreate } from './admin-create.js';
import { auditVerify } from './audit-verify.js';
import { complianceReportCommand } from './compliance-report.js';
import { evaluationCompute } from './evaluation-compute.js';
import { gatewayRotateSealKey, gatewayRun, gatewayVerifyLog } from './gateway.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';
import { serve } from './serve.js';

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('not a port');
  return n;
};

const program = new Command('simpul')
  .description('Simpul — platform SPBE untuk Pemerintah Daerah')
  .showHelpAfterError();

program
  .command('serve')
  .description('run everything: API, console, portal, gateway, scheduled jobs')
  .option('-p, --port <port>', 'HTTP port (SIMPUL_PORT)', port)
  .option('--gateway-port <port>', 'gateway port (SIMPUL_GATEWAY_PORT)', port)
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .option('--host <host>', 'address to listen on (SIMPUL_HOST)')
  .option('--demo', 'load the demo regency when the database is empty')
  .action(async (opts) => {
    await serve(
      loadConfig(process.env, {
        port: opts.port,
        gatewayPort: opts.gatewayPort,
        dataDir: opts.data,
        host: opts.host,
      }),
      { demo: Boolean(opts.demo) },
    );
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => migrate(loadConfig(process.env, { dataDir: opts.data })));

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'the demo regency (around 30 agencies and people in every role)')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => seed(loadConfig(process.env, { dataDir: opts.data })));

const admin = program.command('admin').description('manage administrators');
admin
  .command('create')
  .description('create a Diskominfo admin (kominfo_admin)')
  .requiredOption('--email <email>', 'e-mail to sign in with')
  .option('--name <name>', 'full name')
  .option('--password <password>', 'password (or SIMPUL_ADMIN_PASSWORD, or --password-stdin)')
  .option('--password-stdin', 'read the password from standard input')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => adminCreate(loadConfig(process.env, { dataDir: opts.data }), opts));

const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description('recompute the hash chain; exit 1 naming the first broken entry')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => auditVerify(loadConfig(process.env, { dataDir: opts.data })));

const evaluation = program.command('evaluation').description('Pemantauan dan Evaluasi SPBE');
evaluation
  .command('compute')
  .description('the index of indicator levels (a JSON object: indicator number → level)')
  .requiredOption('--framework <id>', 'framework, e.g. permenpanrb-59-2020')
  .requiredOption('--levels <file>', 'JSON file of indicator levels')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => evaluationCompute(loadConfig(process.env, { dataDir: opts.data }), opts));
const compliance = program.command('compliance').description('regulation compliance');
compliance
  .command('report')
  .description('status of every obligation per bound party, and the counts by status')
  .option('--profile <id>', 'regulation profile (default: the one in force)')
  .option('--format <format>', 'json (one line per obligation, then the summary) or text', 'text')
  .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD)')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => {
    if (opts.format !== 'json' && opts.format !== 'text') {
      throw new InvalidArgumentError('--format must be json or text');
    }
    if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) {
      throw new InvalidArgumentError('--today must be YYYY-MM-DD');
    }
    await complianceReportCommand(loadConfig(process.env, { dataDir: opts.data }), opts);
  });
const gateway = program
  .command('gateway')
  .description('the gateway data plane (Sistem Penghubung Layanan) and its exchange log');
gateway
  .command('run', { isDefault: true })
  .description('run the gateway alone (scale-out; REDIS_URL shares rate limits)')
  .option('--gateway-port <port>', 'gateway port (SIMPUL_GATEWAY_PORT)', port)
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .option('--host <host>', 'address to listen on (SIMPUL_HOST)')
  .action(async (opts) =>
    gatewayRun(
      loadConfig(process.env, {
        gatewayPort: opts.gatewayPort,
        dataDir: opts.data,
        host: opts.host,
      }),
    ),
  );
gateway
  .command('verify-log')
  .description(
    'recompute the exchange log hash chain and seals; exit 1 naming the first bad record',
  )
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => gatewayVerifyLog(loadConfig(process.env, { dataDir: opts.data })));
gateway
  .command('rotate-seal-key')
  .description('create a new Ed25519 key for sealing the exchange log')
  .option('-d, --data <dir>', 'data directory (SIMPUL_DATA_DIR)')
  .action(async (opts) => gatewayRotateSealKey(loadConfig(process.env, { dataDir: opts.data })));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Operator-facing: the message, not a stack trace (set SIMPUL_DEBUG=1 for the stack).
  console.error(process.env.SIMPUL_DEBUG ? error : `simpul: ${(error as Error).message}`);
  process.exitCode = 1;
}
