import { resolve } from 'node:path';
import { defaultWebDir } from './paths.js';

/**
 * Runtime configuration. Every setting has an environment variable; the CLI flags of
 * `simpul serve` override them. See docs/operations/configuration.md.
 */
export interface Config {
  port: number;
  gatewayPort: number;
  host: string;
  /** Data directory: the embedded database, the generated secret key, files. */
  dataDir: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** 32-byte key (hex or base64) encrypting secrets at rest; generated into dataDir when absent. */
  secretKey: string | undefined;
  /** Public base URL, used for OIDC redirects and links in mail. */
  publicUrl: string;
  logLevel: string;
  /** Send cookies with the Secure flag. On by default when publicUrl is https. */
  secureCookies: boolean;
  /** Fastify's trustProxy: false, true (every hop), a hop count, or addresses/CIDRs. */
  trustProxy: boolean | number | string;
  bodyLimit: number;
  metricsToken: string | undefined;
  bootstrapAdmin: { email: string; password: string } | undefined;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        label: string;
        allowHttp: boolean;
      }
    | undefined;
  webDir: string;
}

export interface ConfigOverrides {
  port?: number;
  gatewayPort?: number;
  dataDir?: string;
  host?: string;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Not a whole number: ${value}`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/**
 * `true` trusts every X-Forwarded-For hop (only safe when the proxy overwrites the header); a
 * number trusts that many hops; anything else is a comma-separated list of proxy addresses/CIDRs.
 */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value;
}

/** Reads the configuration from `env`, then applies CLI overrides. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config {
  const port = overrides.port ?? int(env.SIMPUL_PORT ?? env.PORT, 3000);
  const publicUrl = (env.SIMPUL_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const adminEmail = env.SIMPUL_ADMIN_EMAIL;
  const adminPassword = env.SIMPUL_ADMIN_PASSWORD;
  const issuer = env.SIMPUL_OIDC_ISSUER;
  const clientId = env.SIMPUL_OIDC_CLIENT_ID;
  return {
    port,
    gatewayPort: overrides.gatewayPort ?? int(env.SIMPUL_GATEWAY_PORT, 8080),
    host: overrides.host ?? env.SIMPUL_HOST ?? '0.0.0.0',
    dataDir: resolve(overrides.dataDir ?? env.SIMPUL_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.SIMPUL_SECRET_KEY || undefined,
    publicUrl,
    logLevel: env.SIMPUL_LOG_LEVEL ?? env.LOG_LEVEL ?? 'info',
    secureCookies: bool(env.SIMPUL_SECURE_COOKIES, publicUrl.startsWith('https://')),
    trustProxy: trustProxy(env.SIMPUL_TRUST_PROXY),
    bodyLimit: int(env.SIMPUL_BODY_LIMIT, 256 * 1024),
    metricsToken: env.SIMPUL_METRICS_TOKEN || undefined,
    bootstrapAdmin:
      adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    oidc:
      issuer && clientId
        ? {
            issuer,
            clientId,
            clientSecret: env.SIMPUL_OIDC_CLIENT_SECRET || undefined,
            label: env.SIMPUL_OIDC_LABEL ?? 'SSO',
            allowHttp: bool(env.SIMPUL_OIDC_ALLOW_HTTP, false),
          }
        : undefined,
    webDir: resolve(env.SIMPUL_WEB_DIR ?? defaultWebDir),
  };
}
