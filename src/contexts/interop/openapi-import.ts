import yaml from 'js-yaml';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/messages.js';
import { t } from '../../platform/i18n/messages.js';
import { type ApiOperation, HTTP_METHODS } from './model.js';

/** The largest OpenAPI document accepted, from an upload or a URL. */
export const MAX_OPENAPI_BYTES = 2 * 1024 * 1024;

export interface ImportedOpenApi {
  document: Record<string, unknown>;
  openapiVersion: string;
  title: string | null;
  description: string | null;
  operations: ApiOperation[];
}

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION_FAILED', { detailKey: 'interop.openapi.invalid', errors });

/**
 * Reads an OpenAPI 3.x description (JSON or YAML text), validates it with
 * @apidevtools/swagger-parser against the OpenAPI schemas and rules, and extracts its operations.
 * External `$ref`s are not followed (no request leaves the server on a document's behalf).
 * An invalid document is refused with the parser's reasons as field errors under `path`.
 */
export async function importOpenApi(
  text: string,
  lang: Lang,
  path = '/document',
  /** False for documents fetched from a URL: a parse error must not echo what the server fetched. */
  echoParseErrors = true,
): Promise<ImportedOpenApi> {
  if (Buffer.byteLength(text, 'utf8') > MAX_OPENAPI_BYTES) {
    throw invalid([{ path, message: t(lang, 'interop.openapi.tooLarge') }]);
  }
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{')
      ? JSON.parse(text)
      : yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw invalid([
      {
        path,
        message: echoParseErrors
          ? `${t(lang, 'interop.openapi.unreadable')} ${(error as Error).message.split('\n')[0]}`
          : t(lang, 'interop.openapi.unreadable'),
      },
    ]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid([{ path, message: t(lang, 'interop.openapi.unreadable') }]);
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc.openapi !== 'string' || !/^3\.[01]\.\d+$/.test(doc.openapi)) {
    throw invalid([{ path: `${path}/openapi`, message: t(lang, 'interop.openapi.version') }]);
  }
  // Loaded on first use: the parser costs ~90 ms at start-up for an occasional import.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    await SwaggerParser.validate(structuredClone(doc) as never, {
      resolve: { external: false },
    });
  } catch (error) {
    const details = (error as { details?: { instancePath?: string; message?: string }[] }).details;
    const errors: FieldError[] =
      Array.isArray(details) && details.length
        ? details.slice(0, 20).map((d) => ({
            path: `${path}${d.instancePath ?? ''}`,
            message: d.message ?? 'invalid',
          }))
        : [{ path, message: (error as Error).message.split('\n').slice(0, 3).join(' ').trim() }];
    throw invalid(errors);
  }
  const info = (doc.info ?? {}) as Record<string, unknown>;
  return {
    document: doc,
    openapiVersion: doc.openapi,
    title: typeof info.title === 'string' ? info.title : null,
    description: typeof info.description === 'string' ? info.description : null,
    operations: extractOperations(doc),
  };
}

/**
 * The operations of a document: method, path template, operationId (generated when absent) and
 * summary. A scope comes from the `x-simpul-scope` extension when the provider wrote one.
 */
export function extractOperations(doc: Record<string, unknown>): ApiOperation[] {
  const out: ApiOperation[] = [];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op || typeof op !== 'object') continue;
      const generated = `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`.replace(/_+$/, '');
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: typeof op.operationId === 'string' ? op.operationId : generated,
        summary: typeof op.summary === 'string' ? op.summary.slice(0, 500) : null,
        scope: typeof op['x-simpul-scope'] === 'string' ? (op['x-simpul-scope'] as string) : null,
      });
    }
  }
  return out;
}

/**
 * Fetches a description from a URL the provider gave (http or https only, 10 s, 2 MB, no
 * redirects to elsewhere followed silently). A failure is the provider's input error (400).
 */
export async function fetchOpenApiText(url: string, lang: Lang): Promise<string> {
  const fail = (why: string) =>
    new AppError('VALIDATION_FAILED', {
      detailKey: 'interop.openapi.fetchFailed',
      errors: [{ path: '/url', message: `${t(lang, 'interop.openapi.fetchFailed')} ${why}` }],
    });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail('URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail(parsed.protocol);
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
  } catch (error) {
    throw fail((error as Error).message);
  }
  if (!response.ok || !response.body) throw fail(`HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > MAX_OPENAPI_BYTES) throw fail(t(lang, 'interop.openapi.tooLarge'));
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}
