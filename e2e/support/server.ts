import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin', 'simpul.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningSimpul {
  url: string;
  /** The gateway data plane of the same process (`--gateway-port`). */
  gatewayUrl: string;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
  /** Runs `simpul <args>` against the same data directory (the server must be stopped). */
  cli(args: string[]): { status: number | null; stdout: string; stderr: string };
  cleanup(): void;
}

/** Starts the built `simpul serve` on free ports with a fresh data directory. */
export async function startSimpul(env: Record<string, string> = {}, args: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'simpul-e2e-'));
  const port = await freePort();
  const gatewayPort = await freePort();
  const logs: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      String(port),
      '--gateway-port',
      String(gatewayPort),
      '--data',
      dataDir,
      '--host',
      '127.0.0.1',
      ...args,
    ],
    {
      env: { ...process.env, SIMPUL_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`simpul exited: ${logs.join('')}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`simpul not ready: ${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return {
    url,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    dataDir,
    logs,
    stop,
    cli(cliArgs: string[]) {
      const result = spawnSync(process.execPath, [bin, ...cliArgs, '--data', dataDir], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  } satisfies RunningSimpul;
}
