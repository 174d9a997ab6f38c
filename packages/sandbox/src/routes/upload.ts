import { batchRequestSchema, UPLOAD_KIND_NAMES } from '@jianguan/provincial-client/contract';
import type { UploadStore } from '../state/upload-store.js';
import type { Handlers } from './types.js';

/**
 * Handlers of the upload endpoints (`upload.<kind>`, `resubmit`) and of the quality and submission look-ups.
 *
 * @example
 * Object.assign(handlers, uploadRoutes(store));
 */
export function uploadRoutes(store: UploadStore): Handlers {
  const handlers: Handlers = {};
  for (const kind of UPLOAD_KIND_NAMES) {
    handlers[`upload.${kind}`] = (_c, body) => {
      const parsed = batchRequestSchema(kind, true).safeParse(body);
      if (!parsed.success)
        return { status: 400, code: '20', data: { issues: parsed.error.issues.slice(0, 20) } };
      return { status: 200, code: '00', data: store.applyBatch(kind, parsed.data) };
    };
  }
  handlers.resubmit = (c, body) => {
    const parsed = batchRequestSchema('behaviours', true).safeParse(body);
    if (!parsed.success || parsed.data.batchNo !== c.req.param('batchNo')) return { status: 400, code: '20' };
    if (!store.hasBatch(parsed.data.batchNo)) return { status: 200, code: '21' };
    return { status: 200, code: '00', data: store.applyBatch('behaviours', parsed.data) };
  };
  handlers.getQualityResult = (c) => {
    const q = store.qualityOf(c.req.param('batchNo') ?? '');
    return q ? { status: 200, code: '00', data: q } : { status: 200, code: '21' };
  };
  handlers.lookupSubmission = (c) => {
    const key = c.req.param('idempotencyKey') ?? '';
    const hit = store.keys.get(key);
    return {
      status: 200,
      code: '00',
      data: hit
        ? { idempotencyKey: key, status: 'stored', ...hit }
        : { idempotencyKey: key, status: 'unknown' },
    };
  };
  return handlers;
}
