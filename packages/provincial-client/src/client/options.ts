import { isCivilDate as isValidCivilDate } from '@jianguan/core';
import { ClientOptionsError } from '../errors/errors.js';
import type { ProvincialClientOptions } from './types.js';

/**
 * Checks the options of `createProvincialClient` (base URL, source, batch size, today) and throws
 * {@link ClientOptionsError} on the first problem.
 *
 * @example
 * validateClientOptions({ baseUrl: 'http://127.0.0.1:8787', source: '330000-DEPT01' });
 */
export function validateClientOptions(options: ProvincialClientOptions): void {
  if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new ClientOptionsError(
      { zh: 'baseUrl 必须是 http(s) 地址', en: 'baseUrl must be an http(s) URL' },
      { baseUrl: options?.baseUrl },
    );
  }
  if (typeof options.source !== 'string' || options.source.length === 0 || options.source.length > 50) {
    throw new ClientOptionsError({
      zh: 'source（数据来源）必填，≤50 字符',
      en: 'source is required (≤50 chars)',
    });
  }
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    throw new ClientOptionsError(
      { zh: 'batchSize 须为 1–5000 的整数', en: 'batchSize must be an integer 1–5000' },
      { batchSize },
    );
  }
  if (options.today !== undefined && !isValidCivilDate(options.today)) {
    throw new ClientOptionsError(
      { zh: 'today 须为 YYYY-MM-DD 日期', en: 'today must be a civil date YYYY-MM-DD' },
      { today: options.today },
    );
  }
}

/**
 * Throws {@link ClientOptionsError} when `value` is not a non-empty string (path parameters of single calls).
 *
 * @example
 * requireNonEmpty('2024031500001', 'batchNo');
 */
export function requireNonEmpty(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ClientOptionsError({ zh: `${name} 不能为空`, en: `${name} is required` });
  }
}
