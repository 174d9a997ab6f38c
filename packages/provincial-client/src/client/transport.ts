import type { z } from 'zod';
import { endpoint } from '../contract/endpoints.js';
import type { Accepted } from '../contract/wire.js';
import { acceptedSchema } from '../contract/wire.js';
import type { HttpEngine } from './http.js';
import { recordIdempotencyKey } from './idempotency.js';
import type { ApiResponse, CallOptions } from './types.js';

/**
 * One contract call by endpoint id: path parameters, query, body and idempotency key.
 *
 * @example
 * const call: ContractCall = { params: { batchNo: '2024031500001' } };
 */
export interface ContractCall {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
}

/** Performs one contract operation by id and validates its answer with `schema`. */
export type ContractRequest = <T>(
  id: string,
  call: ContractCall,
  schema: z.ZodType<T>,
  options?: CallOptions,
) => Promise<ApiResponse<T>>;

/**
 * The request function of a client over its HTTP engine.
 *
 * @example
 * const request = contractRequest(new HttpEngine(options));
 */
export function contractRequest(http: HttpEngine): ContractRequest {
  return (id, call, schema, callOptions) =>
    http.call(
      {
        endpoint: endpoint(id),
        ...(call.params ? { params: call.params } : {}),
        ...(call.query ? { query: call.query } : {}),
        ...(call.body === undefined ? {} : { body: call.body }),
        ...(call.idempotencyKey ? { idempotencyKey: call.idempotencyKey } : {}),
      },
      schema,
      callOptions,
    );
}

function keyOf(parts: readonly string[]): string {
  return recordIdempotencyKey({
    source: 'single',
    kind: parts[0]!,
    recordId: parts.slice(1).join('/'),
    operation: 'I',
    record: parts,
  });
}

/**
 * A single write (feedback, claim, status, publication): its idempotency key is derived from the endpoint, the
 * path parameters and the body, so a retry or a repeat is stored once (`duplicate` the second time).
 *
 * @example
 * await singleWrite(request, 'clueFeedback', { warningId }, feedback, undefined);
 */
export function singleWrite(
  request: ContractRequest,
  id: string,
  params: Record<string, string>,
  body: unknown,
  callOptions: CallOptions | undefined,
): Promise<Accepted> {
  return request(
    id,
    { params, body, idempotencyKey: keyOf([id, ...Object.values(params), JSON.stringify(body)]) },
    acceptedSchema,
    callOptions,
  ).then((r) => r.data);
}
