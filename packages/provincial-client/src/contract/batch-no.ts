import { isCivilDate } from '@jianguan/core';
import { ClientOptionsError } from '../errors/errors.js';

/**
 * Batch number (批次号, national `cd_batch`): China civil date `YYYYMMDD` + a 5-digit daily sequence,
 * e.g. `2019041100002` = 2019-04-11, second submission (reference §2.1).
 *
 * @example
 * formatBatchNo('2019-04-11', 2); // '2019041100002'
 */
export function formatBatchNo(civilDate: string, sequence: number): string {
  if (!isCivilDate(civilDate) || !Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) {
    throw new ClientOptionsError(
      {
        zh: '批次号需要 YYYY-MM-DD 日期和 1–99999 的序号',
        en: 'a batch number needs a YYYY-MM-DD date and a sequence 1–99999',
      },
      { civilDate, sequence },
    );
  }
  return `${civilDate.replaceAll('-', '')}${String(sequence).padStart(5, '0')}`;
}

/**
 * Splits a batch number into its civil date and sequence; `undefined` when malformed.
 *
 * @example
 * parseBatchNo('2019041100002'); // { date: '2019-04-11', sequence: 2 }
 */
export function parseBatchNo(batchNo: string): { date: string; sequence: number } | undefined {
  if (typeof batchNo !== 'string') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{5})$/.exec(batchNo);
  if (!m) return undefined;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, sequence: Number(m[4]) };
}
