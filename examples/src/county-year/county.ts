/**
 * A seeded synthetic county (模拟县域): the entity directory, the officer directory, the spot-check item
 * list (一单两库) and the credit history, written as the CSV files a county bureau's systems export and
 * read back with `@jianguan/core`'s readers. Nothing here is real data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addWorkdays,
  type CreditRecord,
  creditRecordSchema,
  fromExchangeRow,
  type Officer,
  officerSchema,
  orgCode,
  type RegulatedEntity,
  regulatedEntitySchema,
  toExchangeRow,
  uscc,
} from '@jianguan/core';
import { readCsv, readJsonl } from '@jianguan/core/io';
import type { CreditFact } from '@jianguan/credit-rules';
import seedrandom from 'seedrandom';
import { checkBatch, formatBatchReport } from '../steps/check-batch.js';

/** The county: 桐庐县 (330122) is used only for a valid region code; the data is synthetic. */
export const COUNTY = { areaCode: '330122', name: '桐庐县' } as const;

/** The two departments of the demo: the market-regulation bureau (us) and the health commission. */
export const DEPARTMENTS = {
  samr: {
    code: 'SAMR-330122',
    name: '桐庐县市场监督管理局',
    uscc: makeUscc('330122', '00238701'),
    source: '330122-SCJG',
  },
  health: {
    code: 'WJW-330122',
    name: '桐庐县卫生健康局',
    uscc: makeUscc('330122', '00238702'),
    source: '330122-WJW',
  },
} as const;

/** Industries of the synthetic directory (stratum attribute). */
export const INDUSTRIES = ['food', 'retail', 'manufacturing', 'services', 'drugs'] as const;
const INDUSTRY_ZH: Record<string, string> = {
  food: '餐饮',
  retail: '商贸',
  manufacturing: '制造',
  services: '服务',
  drugs: '医药',
};
/** GB/T 4754-2017 codes of the industries (行业类别), as the directory export carries them. */
export const INDUSTRY_CODES: Readonly<Record<string, string>> = {
  food: 'H62',
  retail: 'F52',
  manufacturing: 'C34',
  services: 'O80',
  drugs: 'F525',
};
const WORDS = [
  '春江',
  '富春',
  '桐君',
  '瑶琳',
  '分水',
  '凤川',
  '江南',
  '百江',
  '合村',
  '新合',
  '钟山',
  '横村',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
];

/** A valid USCC (GB 32100-2015) for an 8-digit body in `area`, both check characters computed. */
export function makeUscc(area: string, body8: string): string {
  const org = `${body8}${orgCode.calcCheckDigit(body8)}`;
  const first17 = `91${area}${org}`;
  return `${first17}${uscc.calcCheckDigit(first17)}`;
}

/** One row of the spot-check item list (随机抽查事项清单) as the county exports it. */
export interface SpotCheckItemRow {
  readonly code: string;
  readonly name: string;
  readonly department: string;
  /** The 14-digit catalog item code (监管事项目录编码) that behaviour records carry. */
  readonly itemCode: string;
  readonly legalBasis: string;
  readonly industries: readonly string[];
}

/** The spot-check items of both departments. */
export const SPOT_CHECK_ITEMS: readonly SpotCheckItemRow[] = [
  {
    code: 'SC-GS',
    name: '企业公示信息情况检查',
    department: DEPARTMENTS.samr.code,
    itemCode: '33012200100001',
    legalBasis: '企业信息公示暂行条例',
    industries: [],
  },
  {
    code: 'SC-SP',
    name: '食品经营许可及经营行为检查',
    department: DEPARTMENTS.samr.code,
    itemCode: '33012200100002',
    legalBasis: '食品安全法',
    industries: ['food'],
  },
  {
    code: 'WJ-GG',
    name: '公共场所卫生监督检查',
    department: DEPARTMENTS.health.code,
    itemCode: '33012200200001',
    legalBasis: '公共场所卫生管理条例',
    industries: ['services', 'food'],
  },
];

/** Everything the synthetic county consists of, before it is written to disk. */
export interface County {
  readonly entities: readonly RegulatedEntity[];
  readonly officers: readonly Officer[];
  /** 经营异常名录 / 严重违法失信名单 entries (core credit records). */
  readonly creditRecords: readonly CreditRecord[];
  /** Other credit facts (penalties, complaints, last year's spot checks), keyed by entity. */
  readonly facts: readonly { readonly entityId: string; readonly fact: CreditFact }[];
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function isoDay(rng: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rng() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function personName(rng: () => number): string {
  return `${pick(rng, SURNAMES)}${pick(rng, GIVEN)}${rng() < 0.5 ? pick(rng, GIVEN) : ''}`;
}

/**
 * Generates the county from a seed: `entityCount` enterprises with valid USCCs, `officerCount` officers
 * (some auxiliaries, some with certificates expiring mid-year), credit history for a share of entities.
 * The same seed always gives the same county.
 */
export function generateCounty(
  seed: string,
  entityCount: number,
  officerCount: number,
  year: number,
): County {
  const rng = seedrandom(`${seed}:county`);
  const entities: RegulatedEntity[] = [];
  const creditRecords: CreditRecord[] = [];
  const facts: { entityId: string; fact: CreditFact }[] = [];
  const used = new Set<string>();
  for (let i = 0; i < entityCount; i++) {
    let id: string;
    do {
      id = makeUscc(COUNTY.areaCode, String(10_000_000 + Math.floor(rng() * 89_999_999)));
    } while (used.has(id));
    used.add(id);
    const industry = pick(rng, INDUSTRIES);
    const established = isoDay(rng, 2001, year - 1);
    entities.push({
      entityClass: 'enterprise',
      objectId: id,
      name: `${COUNTY.name}${pick(rng, WORDS)}${INDUSTRY_ZH[industry]}有限公司${i + 1}号`,
      areaCode: COUNTY.areaCode,
      unifiedSocialCreditCode: id,
      legalRepresentative: personName(rng),
      industryCode: INDUSTRY_CODES[industry],
      establishedDate: established,
      registrationStatus: '存续',
    } as RegulatedEntity);
    // Credit history (信用记录): most entities have none.
    const r = rng();
    if (r < 0.006) {
      creditRecords.push({
        creditRecordId: `YZ${String(i).padStart(7, '0')}`,
        recordKind: '严重违法失信名单',
        enterpriseName: entities[i]!.name,
        enterpriseCreditCode: id,
        listedDate: isoDay(rng, year - 2, year - 1),
        listedReason: '提交虚假材料取得登记',
        listedBy: DEPARTMENTS.samr.name,
      } as CreditRecord);
    } else if (r < 0.05) {
      creditRecords.push({
        creditRecordId: `YC${String(i).padStart(7, '0')}`,
        recordKind: '经营异常名录',
        enterpriseName: entities[i]!.name,
        enterpriseCreditCode: id,
        listedDate: isoDay(rng, year - 5, year - 1),
        listedReason: '未按规定期限公示年度报告',
        listedBy: DEPARTMENTS.samr.name,
      } as CreditRecord);
    } else if (r < 0.1) {
      const heavy = rng() < 0.15;
      facts.push({
        entityId: id,
        fact: {
          kind: 'penalty',
          id: `CF${String(i).padStart(7, '0')}`,
          decisionDate: isoDay(rng, year - 2, year - 1),
          penaltyKinds: heavy ? ['05'] : ['02'],
          fineAmount: heavy ? 0 : 1000 + Math.floor(rng() * 20) * 1000,
        } as CreditFact,
      });
      if (rng() < 0.3) {
        facts.push({
          entityId: id,
          fact: {
            kind: 'penalty',
            id: `CF${String(i).padStart(7, '0')}b`,
            decisionDate: isoDay(rng, year - 1, year - 1),
            penaltyKinds: ['02'],
            fineAmount: 5000,
          } as CreditFact,
        });
      }
    } else if (r < 0.16) {
      facts.push({
        entityId: id,
        fact: {
          kind: 'complaint',
          id: `TS${String(i).padStart(7, '0')}`,
          receivedAt: isoDay(rng, year - 1, year - 1),
          substantiated: rng() < 0.5,
        } as CreditFact,
      });
    } else if (r < 0.19) {
      facts.push({
        entityId: id,
        fact: {
          kind: 'spot_check',
          id: `CC${String(i).padStart(7, '0')}`,
          date: isoDay(rng, year - 1, year - 1),
          resultCodes: [rng() < 0.5 ? 'A' : '1'],
        } as CreditFact,
      });
    }
  }
  const officers: Officer[] = [];
  const healthShare = 0.22;
  for (let i = 0; i < officerCount; i++) {
    const dept = i < Math.round(officerCount * (1 - healthShare)) ? DEPARTMENTS.samr : DEPARTMENTS.health;
    const r = rng();
    const auxiliary = r < 0.08;
    const expiring = r >= 0.08 && r < 0.18;
    officers.push({
      name: personName(rng),
      orgName: dept.name,
      lawEnforcementCertNo: `33012${dept === DEPARTMENTS.samr ? '1' : '2'}${String(i).padStart(5, '0')}`,
      staffNature: auxiliary ? '05' : '01',
      enforcementArea: COUNTY.name,
      enforcementCategory: dept === DEPARTMENTS.samr ? '市场监管综合执法' : '卫生健康执法',
      certValidUntil: expiring ? `${year}-06-30` : `${year + 3}-12-31`,
      areaCode: COUNTY.areaCode,
      deptCode: dept.code,
    } as Officer);
  }
  return { entities, officers, creditRecords, facts };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows → CSV text (UTF-8 with BOM, CRLF), header from the first row's keys. */
export function toCsv(rows: readonly Readonly<Record<string, string>>[]): string {
  const header = Object.keys(rows[0] ?? {});
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(header.map((h) => csvCell(row[h] ?? '')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The files the county exports (一单两库 + credit history). */
export interface CountyFiles {
  readonly entities: string;
  readonly officers: string;
  readonly items: string;
  readonly creditRecords: string;
  readonly facts: string;
}

/** Writes the county as the CSV/JSONL files its systems export, in national exchange format (Chinese headers). */
export function writeCounty(dir: string, county: County): CountyFiles {
  mkdirSync(dir, { recursive: true });
  const files: CountyFiles = {
    entities: join(dir, 'entities.csv'),
    officers: join(dir, 'officers.csv'),
    items: join(dir, 'spot-check-items.csv'),
    creditRecords: join(dir, 'credit-records.csv'),
    facts: join(dir, 'credit-facts.jsonl'),
  };
  writeFileSync(files.entities, toCsv(county.entities.map((e) => toExchangeRow('enterprise', e))));
  writeFileSync(files.officers, toCsv(county.officers.map((o) => toExchangeRow('officer', o))));
  writeFileSync(
    files.creditRecords,
    toCsv(county.creditRecords.map((r) => toExchangeRow('creditRecord', r))),
  );
  writeFileSync(
    files.items,
    toCsv(
      SPOT_CHECK_ITEMS.map((i) => ({
        事项编码: i.code,
        事项名称: i.name,
        部门: i.department,
        监管事项目录编码: i.itemCode,
        设定依据: i.legalBasis,
        适用行业: i.industries.join('、'),
      })),
    ),
  );
  writeFileSync(files.facts, `${county.facts.map((f) => JSON.stringify(f)).join('\n')}\n`);
  return files;
}

/** The 质检 of the county's own exports (core's batch quality check, via the demo's check-batch step). */
export interface CountyInputCheck {
  readonly total: number;
  readonly failed: number;
  readonly issues: number;
}

/**
 * Reads the county back and checks it: the directories go through the demo's `checkBatch` step (core's
 * streaming readers + batch 质检, file and line of every issue) and are then parsed with core's schemas;
 * the credit records and the item list are read with `readCsv`, the other credit facts with `readJsonl`.
 */
export async function loadCounty(
  files: CountyFiles,
  today: string,
): Promise<County & { items: SpotCheckItemRow[]; check: CountyInputCheck; report: string }> {
  const entityCheck = await checkBatch([{ path: files.entities, recordType: 'enterprise' }], {
    recordType: 'enterprise',
    today,
  });
  const officerCheck = await checkBatch([{ path: files.officers, recordType: 'officer' }], {
    recordType: 'officer',
    today,
  });
  const entities = entityCheck.records.map((r) => regulatedEntitySchema.parse(r));
  const officers = officerCheck.records.map((r) => officerSchema.parse(r));
  const check = {
    total: entityCheck.result.total + officerCheck.result.total,
    failed: entityCheck.result.failed + officerCheck.result.failed,
    issues: entityCheck.result.issues.length + officerCheck.result.issues.length,
  };
  const report = [entityCheck, officerCheck]
    .filter((c) => c.result.issues.length > 0)
    .map((c) => formatBatchReport(c))
    .join('\n');
  const creditRecords: CreditRecord[] = [];
  for await (const { record } of readCsv(files.creditRecords)) {
    creditRecords.push(creditRecordSchema.parse(fromExchangeRow('creditRecord', record)));
  }
  const items: SpotCheckItemRow[] = [];
  for await (const { record } of readCsv(files.items)) {
    items.push({
      code: record.事项编码 ?? '',
      name: record.事项名称 ?? '',
      department: record.部门 ?? '',
      itemCode: record.监管事项目录编码 ?? '',
      legalBasis: record.设定依据 ?? '',
      industries: (record.适用行业 ?? '').split('、').filter((s) => s !== ''),
    });
  }
  const facts: { entityId: string; fact: CreditFact }[] = [];
  for await (const { record } of readJsonl(files.facts)) {
    facts.push(record as { entityId: string; fact: CreditFact });
  }
  return { entities, officers, creditRecords, facts, items, check, report };
}

/** Working day `n` after `date` on core's official calendar (a tiny alias for readability). */
export const workdaysAfter = (date: string, n: number): string => addWorkdays(date, n);
