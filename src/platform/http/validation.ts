import type { ErrorObject } from 'ajv';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.js';
import { type Lang, type MessageKey, t } from '../i18n/messages.js';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown fields are refused (additionalProperties: false), never silently dropped.
    removeAdditional: false,
    useDefaults: true,
    // Bodies keep their JSON types: "12" is not a number. Query strings and paths are text, so
    // they are coerced.
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

/** Compiles request schemas: strict for bodies, coercing for query strings, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const KEYWORD_MESSAGES: Record<string, MessageKey> = {
  required: 'validation.required',
  type: 'validation.type',
  additionalProperties: 'validation.additionalProperties',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  minimum: 'validation.minimum',
  maximum: 'validation.maximum',
  format: 'validation.format',
  enum: 'validation.enum',
  const: 'validation.enum',
  pattern: 'validation.pattern',
  minItems: 'validation.minItems',
  maxItems: 'validation.maxItems',
};

/** Turns Ajv errors into field errors with JSON-pointer paths, in the user's language. */
export function toFieldErrors(errors: ErrorObject[], lang: Lang): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    // anyOf/oneOf wrappers repeat what their branches said; TypeBox optionals produce them.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let path = e.instancePath || '';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') path = `${path}/${String(params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') {
      path = `${path}/${String(params.additionalProperty)}`;
    }
    const key = KEYWORD_MESSAGES[e.keyword] ?? 'validation.other';
    const message = t(lang, key, {
      type: params.type,
      property: params.additionalProperty,
      limit: params.limit,
      format: params.format,
      values: Array.isArray(params.allowedValues)
        ? params.allowedValues.join(', ')
        : params.allowedValue,
    });
    const id = `${path}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path: path || '/', message });
  }
  return out;
}
