import { PUBLICATION_CHANNELS, publicationChannelSlug } from '@jianguan/core';
import { z } from 'zod';
import { SIGNATURE_HEADERS } from '../signing/canonical.js';
import { ENDPOINTS } from './endpoints.js';
import { BUSINESS_CODES, envelopeOf } from './wire.js';

/**
 * A JSON object (the OpenAPI document is plain JSON).
 *
 * @example
 * const o: JsonObject = { openapi: '3.1.0' };
 */
export type JsonObject = { [key: string]: unknown };

function toJson(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

/**
 * Builds the OpenAPI 3.1 document of "jianguan provincial interface v1" from the contract's zod schemas
 * (core's record schemas via `z.toJSONSchema`).
 *
 * @example
 * const doc = buildOpenApiDocument();
 * doc.openapi; // '3.1.0'
 */
export function buildOpenApiDocument(version = '1.0.0'): JsonObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const path = `/${e.path}`;
    const params: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema:
        m[1] === 'channel'
          ? { type: 'string', enum: PUBLICATION_CHANNELS.map(publicationChannelSlug) }
          : { type: 'string' },
    }));
    if (e.query) {
      for (const [name, s] of Object.entries(e.query.shape)) {
        params.push({ name, in: 'query', required: false, schema: toJson(s as z.ZodType, 'input') });
      }
    }
    if (e.idempotencyKey) {
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'Derived from the record ids; identical on every retry so the write happens at most once.',
        schema: { type: 'string' },
      });
    }
    const op: Record<string, unknown> = {
      operationId: e.id,
      tags: [e.tag],
      summary: e.summary.en,
      description: e.summary.zh,
      parameters: params,
      responses: {
        '200': {
          description:
            'Envelope; `code` "00" = success, other codes are business errors (see x-business-codes).',
          content: { 'application/json': { schema: toJson(envelopeOf(e.response), 'output') } },
        },
        '401': { description: 'Signature or credentials refused (鉴权失败).' },
        '429': { description: 'Rate limited; honour Retry-After.' },
        '5XX': { description: 'Transient server error; retry with backoff.' },
      },
    };
    if (e.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: toJson(e.body, 'input') } },
      };
    }
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'jianguan provincial interface v1',
      version,
      summary: '互联网+监管 department ↔ province exchange contract (jianguan)',
      description:
        'Push catalog items, inspection lists, behaviour records (I/U/D, batch number = YYYYMMDD + 5 digits), ' +
        'entities, officers, plans and draw results; pull quality-check results, risk-warning clues, joint ' +
        'tasks and complaint work orders and answer them; post to publication channels. Generated from the ' +
        'zod schemas of @jianguan/core and @jianguan/provincial-client — do not edit by hand.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'jianguan-sandbox' }],
    security: [{ jianguanHmac: [] }],
    components: {
      securitySchemes: {
        jianguanHmac: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADERS.signature,
          description:
            `HMAC-SHA256 (or HMAC-SM3 with ${SIGNATURE_HEADERS.method}: HMAC-SM3) over ` +
            '"METHOD\\npath\\nsorted-query\\nhex(hash(body))\\ntimestamp\\nnonce\\nappKey", with headers ' +
            `${SIGNATURE_HEADERS.appKey}, ${SIGNATURE_HEADERS.timestamp} (epoch ms), ${SIGNATURE_HEADERS.nonce}.`,
        },
      },
    },
    'x-business-codes': BUSINESS_CODES,
    paths,
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const openApiShape = z
  .object({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.object({ title: z.string().min(1), version: z.string().min(1) }).loose(),
    paths: z.record(
      z.string().regex(/^\//),
      z.record(
        z.string(),
        z
          .object({
            operationId: z.string().min(1),
            responses: z.record(
              z.string().regex(/^([1-5]\d\d|[1-5]XX|default)$/),
              z.object({ description: z.string() }).loose(),
            ),
            parameters: z
              .array(
                z
                  .object({
                    name: z.string(),
                    in: z.enum(['query', 'header', 'path', 'cookie']),
                    required: z.boolean().optional(),
                    schema: z.unknown(),
                  })
                  .loose(),
              )
              .optional(),
          })
          .loose(),
      ),
    ),
  })
  .loose();

/**
 * Structural validation of an OpenAPI 3.1 document: the required top-level fields, operation ids unique, every
 * response described, every `{param}` in a path declared as a required path parameter, every local `$ref`
 * resolvable. Returns the list of problems (empty = valid).
 *
 * @example
 * validateOpenApiDocument(buildOpenApiDocument()); // []
 */
export function validateOpenApiDocument(doc: unknown): string[] {
  const problems: string[] = [];
  const parsed = openApiShape.safeParse(doc);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(parsed.data.paths)) {
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      if (!(METHODS as readonly string[]).includes(method)) {
        problems.push(`${path}: unknown method ${method}`);
        continue;
      }
      if (ids.has(op.operationId)) problems.push(`duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      for (const name of templated) {
        const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
        if (p?.required !== true) {
          problems.push(`${method.toUpperCase()} ${path}: path parameter {${name}} not declared required`);
        }
      }
      if (Object.keys(op.responses).length === 0)
        problems.push(`${method.toUpperCase()} ${path}: no responses`);
    }
  }
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${where}/${i}`);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (
          k === '$ref' &&
          typeof v === 'string' &&
          v.startsWith('#') &&
          resolvePointer(doc, v) === undefined
        ) {
          problems.push(`${where}: unresolved $ref ${v}`);
        }
        walk(v, `${where}/${k}`);
      }
    }
  };
  walk(doc, '');
  return problems;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  let cur: unknown = doc;
  if (ref === '#') return doc;
  if (!ref.startsWith('#/')) return undefined;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (cur && typeof cur === 'object' && key in cur) cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}
