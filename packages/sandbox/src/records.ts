import { isCivilDate, orgCode, uscc } from '@jianguan/core';
import seedrandom from 'seedrandom';
import { invalid, stringArg, syntheticArgs } from './arguments.js';

const AREAS = ['330102', '330106', '330108', '330110', '330105', '330109'];
const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强'];
const NAMES = [
  '杭州某餐饮有限公司',
  '杭州某药房有限公司',
  '杭州某建材有限公司',
  '杭州某超市有限公司',
  '杭州某物流有限公司',
];

/** A valid USCC (GB 32100-2015) for a body of 8 digits, in region `area`, with both check characters computed. */
export function makeUscc(area: string, body8: string): string {
  const org = `${body8}${orgCode.calcCheckDigit(body8)}`;
  const first17 = `91${area}${org}`;
  return `${first17}${uscc.calcCheckDigit(first17)}`;
}

/**
 * Options of {@link syntheticInspectionRecords}.
 *
 * @example
 * const o: SyntheticRecordOptions = { start: 0, prefix: 'demo' };
 */
export interface SyntheticRecordOptions {
  /** Index of the first record (record ids are `${prefix}-${index}`). Default 0. */
  readonly start?: number;
  /** Record id prefix. Default 'JG'. */
  readonly prefix?: string;
  /** Latest inspection date (YYYY-MM-DD); dates fall in the 60 days before. Default '2026-06-30'. */
  readonly latestDate?: string;
}

/**
 * Deterministic, quality-check-clean 行政检查 records (valid USCCs, 14-digit item codes, ≥2 inspectors,
 * submission after the inspection) for demos, tests and benchmarks.
 *
 * @example
 * const records = syntheticInspectionRecords('demo', 100);
 */
export function syntheticInspectionRecords(
  seed: string,
  count: number,
  options: SyntheticRecordOptions = {},
): Record<string, unknown>[] {
  const o = syntheticArgs(seed, count, options);
  const start = o.start ?? 0;
  if (!Number.isSafeInteger(start) || (start as number) < 0) {
    throw invalid(['options', 'start'], { zh: '非负整数', en: 'a non-negative integer' }, start);
  }
  const prefix = stringArg(o.prefix, ['options', 'prefix'], true) ?? 'JG';
  const latestDate = stringArg(o.latestDate, ['options', 'latestDate'], true) ?? '2026-06-30';
  if (!isCivilDate(latestDate)) {
    throw invalid(
      ['options', 'latestDate'],
      { zh: 'YYYY-MM-DD 日期', en: 'a civil date YYYY-MM-DD' },
      latestDate,
    );
  }
  const latest = Date.parse(`${latestDate}T00:00:00Z`);
  const institution = makeUscc('330100', '00238701');
  return Array.from({ length: count }, (_, k) => {
    const i = (start as number) + k;
    const rng = seedrandom(`${seed}:record:${i}`);
    const area = AREAS[Math.floor(rng() * AREAS.length)]!;
    const counterpart = makeUscc(area, String(10_000_000 + Math.floor(rng() * 89_999_999)));
    const date = new Date(latest - Math.floor(rng() * 60) * 86_400_000).toISOString().slice(0, 10);
    const p1 = Math.floor(rng() * PEOPLE.length);
    const p2 = (p1 + 1 + Math.floor(rng() * (PEOPLE.length - 1))) % PEOPLE.length;
    return {
      kind: 'inspection',
      recordId: `${prefix}-${i}`,
      itemCode: `3301${String(1_000_000_000 + Math.floor(rng() * 8_999_999_999))}`,
      checkListCode: `${institution}${1 + Math.floor(rng() * 5)}00001`,
      implementInstitution: '杭州市市场监督管理局',
      implementInstitutionCode: institution,
      adminCounterpartName: NAMES[Math.floor(rng() * NAMES.length)]!,
      adminCounterpartNature: '02',
      adminCounterpartCertType: '001',
      adminCounterpartCertNo: counterpart,
      areaCode: area,
      checkActionName: '日常监督检查',
      checkActionCode: `JC${String(i).padStart(10, '0')}`,
      checkForm: '01',
      checkType: '01',
      checkMode: '1',
      checkResult: '01',
      checkDate: date,
      checkPersonnel: [PEOPLE[p1]!, PEOPLE[p2]!],
      checkPersonnelCertNos: [`33010${String(100_000 + p1)}`, `33010${String(100_000 + p2)}`],
      submittedAt: `${date}T18:00:00+08:00`,
    };
  });
}
