import { isCivilDate, isValidYmd } from '../calendar/civil-date.js';
import { JianguanError } from '../errors/index.js';
import type { BehaviourKind } from './dictionary.js';

/**
 * Which field holds the date of the act (行为发生日期) for each behaviour kind, in order of preference:
 * 检查时间 for inspections, 作出行政处罚决定日期 for penalties, 强制措施起始时间 (else 强制决定送达日期)
 * for compulsions, 开始时间 for other behaviours.
 *
 * @example
 * behaviourActDateFields.penalty; // ['setDate']
 */
export const behaviourActDateFields = {
  inspection: ['checkDate'],
  penalty: ['setDate'],
  compulsion: ['measureStartDate', 'mandatoryDecisionServiceDate'],
  other: ['startDate'],
} as const satisfies Record<BehaviourKind, readonly string[]>;

/**
 * The civil date of a date or datetime string: `'2024-03-05'` → `'2024-03-05'`,
 * `'2024-03-05T09:30:00+08:00'` or `'2024-03-05 09:30:00'` → `'2024-03-05'` (the date as written, i.e. in
 * China time). Returns `undefined` for anything else.
 *
 * @example
 * civilDateOf('2024-03-05T23:30:00+08:00'); // '2024-03-05'
 * civilDateOf('March 5'); // undefined
 */
export function civilDateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 10) return isCivilDate(value) ? value : undefined;
  if (value.length < 10) return undefined;
  const sep = value.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined; // 'T' or ' '
  const date = value.slice(0, 10);
  return isCivilDate(date) ? date : undefined;
}

/**
 * The date of the act (行为发生日期) of a behaviour record, or `undefined` when the record has no valid one.
 * Never throws.
 *
 * @example
 * tryBehaviourActDate({ kind: 'penalty', setDate: '2024-03-05' }); // '2024-03-05'
 * tryBehaviourActDate({ kind: 'penalty' }); // undefined
 */
export function tryBehaviourActDate(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  try {
    const kind = (record as { kind?: unknown }).kind;
    if (kind !== 'inspection' && kind !== 'penalty' && kind !== 'compulsion' && kind !== 'other') {
      return undefined;
    }
    for (const field of behaviourActDateFields[kind]) {
      const date = civilDateOf((record as Record<string, unknown>)[field]);
      if (date !== undefined) return date;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The date of the act (行为发生日期) of a behaviour record as a China civil date `'YYYY-MM-DD'`
 * (a `CivilDate`): the inspection date, the penalty decision date, the compulsion start date (else the
 * decision service date) or the start date of another behaviour. Use it for deadlines such as
 * "uploaded within 2 working days of the act".
 *
 * @throws {JianguanError} `missing_act_date` when the record has no valid act date.
 * @example
 * behaviourActDate({ kind: 'inspection', checkDate: '2024-03-05' }); // '2024-03-05'
 */
export function behaviourActDate(record: unknown): string {
  const date = tryBehaviourActDate(record);
  if (date === undefined) {
    const kind =
      record !== null && typeof record === 'object' ? (record as { kind?: unknown }).kind : undefined;
    const fields =
      typeof kind === 'string' && kind in behaviourActDateFields
        ? behaviourActDateFields[kind as BehaviourKind]
        : [];
    throw new JianguanError(
      'missing_act_date',
      { zh: '监管行为缺少有效的行为发生日期', en: 'the behaviour record has no valid act date' },
      { path: fields[0] === undefined ? [] : [fields[0]], details: { kind } },
    );
  }
  return date;
}

/**
 * The numeric key `yyyymmdd` of a civil date or of the date part of a date-time string, or -1; with no
 * allocation. Keys compare like the dates they stand for.
 *
 * @internal
 */
export function dateKey(value: unknown): number {
  if (typeof value !== 'string' || value.length < 10) return -1;
  if (value.length > 10) {
    const sep = value.charCodeAt(10);
    if (sep !== 84 && sep !== 32) return -1;
  }
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  return isValidYmd(y, m, d) ? y * 10000 + m * 100 + d : -1;
}

function digitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Whether `value` is a date (`YYYY-MM-DD`) or an ISO 8601-style date-time
 * (`YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:]MM]`) with a real date and a valid time.
 *
 * @example
 * isDateTime('2024-03-05T09:30:00+08:00'); // true
 * isDateTime('2024-03-05T25:00'); // false
 */
export function isDateTime(value: unknown): value is string {
  if (dateKey(value) < 0) return false;
  const s = value as string;
  const n = s.length;
  if (n === 10) return true;
  if (
    n < 16 ||
    !digitAt(s, 11) ||
    !digitAt(s, 12) ||
    s.charCodeAt(13) !== 58 ||
    !digitAt(s, 14) ||
    !digitAt(s, 15)
  ) {
    return false;
  }
  const hh = (s.charCodeAt(11) - 48) * 10 + s.charCodeAt(12) - 48;
  const mm = (s.charCodeAt(14) - 48) * 10 + s.charCodeAt(15) - 48;
  if (hh > 23 || mm > 59) return false;
  let i = 16;
  if (i < n && s.charCodeAt(i) === 58) {
    if (!digitAt(s, i + 1) || !digitAt(s, i + 2)) return false;
    if ((s.charCodeAt(i + 1) - 48) * 10 + s.charCodeAt(i + 2) - 48 > 60) return false;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      i++;
      const start = i;
      while (i < n && digitAt(s, i)) i++;
      if (i === start || i - start > 9) return false;
    }
  }
  if (i === n) return true;
  const z = s.charCodeAt(i);
  if (z === 90) return i + 1 === n;
  if (z !== 43 && z !== 45) return false;
  const rest = n - i - 1;
  if (rest === 5)
    return (
      digitAt(s, i + 1) &&
      digitAt(s, i + 2) &&
      s.charCodeAt(i + 3) === 58 &&
      digitAt(s, i + 4) &&
      digitAt(s, i + 5)
    );
  if (rest === 4) return digitAt(s, i + 1) && digitAt(s, i + 2) && digitAt(s, i + 3) && digitAt(s, i + 4);
  if (rest === 2) return digitAt(s, i + 1) && digitAt(s, i + 2);
  return false;
}
