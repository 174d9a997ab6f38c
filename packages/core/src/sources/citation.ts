import { describeValue } from '../errors/describe.js';
import { JianguanError, type LocalizedMessage } from '../errors/jianguan-error.js';

/**
 * The source statuses (核实状态) of the SDK's rule data, in one list: the one vocabulary every package's status
 * field and zod enum is built from (a package that accepts only some of them derives its subset from this list).
 * See {@link SourceStatus} for what each means.
 *
 * @example
 * import { z } from 'zod';
 * SOURCE_STATUSES.includes('seed-stated'); // true
 * z.enum(SOURCE_STATUSES).extract(['verified', 'inferred']).parse('inferred'); // 'inferred'
 */
export const SOURCE_STATUSES = Object.freeze([
  'verified',
  'seed-stated',
  'confirmed',
  'partial',
  'inferred',
  'unverified',
] as const);

/**
 * How sure a rule's source note is (核实状态), one of {@link SOURCE_STATUSES}:
 *
 * - `verified` — checked against the cited published text or a named copy of it (catalog, tasks, credit rules,
 *   sampling);
 * - `seed-stated` — stated in one of the government plans (seeds) jianguan starts from, not checked further
 *   (catalog, tasks);
 * - `confirmed` — seen in the source (indicator sets; the same strength as `verified`);
 * - `partial` — read only in a secondary source (indicator sets);
 * - `inferred` — no published rule found: a reasoned reading or a configurable default (every package);
 * - `unverified` — attributed to a source but recalled, or read only in a low-authority copy: check it before
 *   relying on it (credit rules and publicity regimes). Weaker than `partial`, which was read; unlike `inferred`
 *   it claims a source.
 *
 * Packages accept the subset their data uses (e.g. catalog `verified`, `seed-stated`, `inferred`). Only
 * `inferred` changes a {@link publicCitation}.
 *
 * @example
 * const status: SourceStatus = 'inferred';
 */
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

const STATUSES: ReadonlySet<string> = new Set(SOURCE_STATUSES);

/**
 * A published document rule data cites (公开文件): its title and document number in Chinese, and an English
 * description that keeps the document number.
 *
 * @example
 * const doc: PublicDocument = PUBLIC_DOCUMENTS.yunxi;
 */
export interface PublicDocument {
  readonly zh: string;
  readonly en: string;
}

/**
 * The public documents the SDK's rule data points to (名称与文号). Rule data names them by short research
 * references (`seed 000` … `seed 004`, sections of the project's notes); {@link publicCitation} turns those into
 * these titles. `seed 002` is two documents issued together: the operating rules (cited by article) and the plan
 * (cited by section).
 *
 * @example
 * PUBLIC_DOCUMENTS.suqian.zh; // '《宿迁市“互联网+监管”系统建设实施方案》（宿政办发〔2020〕43号）'
 */
export const PUBLIC_DOCUMENTS = {
  yunxi: {
    zh: '《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）',
    en: 'Yunxi County Internet+Regulation work plan (西政办发〔2021〕16号)',
  },
  suqian: {
    zh: '《宿迁市“互联网+监管”系统建设实施方案》（宿政办发〔2020〕43号）',
    en: 'Suqian Internet+Regulation system plan (宿政办发〔2020〕43号)',
  },
  pingluRules: {
    zh: '《朔州市平鲁区“互联网+监管”系统运行管理办法》',
    en: 'Pinglu District Internet+Regulation system operating rules',
  },
  pingluPlan: {
    zh: '《朔州市平鲁区以加强和规范事中事后监管为抓手持续优化营商环境实施方案》',
    en: 'Pinglu District plan on in-process and after-the-fact supervision',
  },
  yancheng: {
    zh: '盐城市人民政府办公室文件（盐政办发〔2021〕94号）',
    en: 'Yancheng municipal notice (盐政办发〔2021〕94号)',
  },
  yiwu: {
    zh: '《义乌市事中事后监管中心暨“一网通管”行政执法监管平台建设方案》',
    en: 'Yiwu supervision centre and enforcement platform plan',
  },
  hubei: {
    zh: '湖北省“互联网+监管”季度考核（《湖北省“互联网+监管”系统建设方案》，鄂政办函〔2019〕44号）',
    en: 'Hubei provincial quarterly Internet+Regulation assessment (鄂政办函〔2019〕44号)',
  },
  xian: {
    zh: '《西安市“互联网+监管”系统管理办法（试行）》（2021）',
    en: "Xi'an Internet+Regulation system rules (trial, 2021)",
  },
  zhejiang: { zh: '《深化数字浙江建设2020年工作要点》', en: 'Zhejiang 2020 digital-government work points' },
  qualityCheck: {
    zh: '省级“互联网+监管”数据检核规则（错误数据整改）',
    en: 'provincial data quality-check rules (error correction)',
  },
  national: {
    zh: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）；GB/T 33356-2016',
    en: 'national government-website check indicators (国办秘函〔2019〕19号); GB/T 33356-2016',
  },
} as const satisfies Readonly<Record<string, PublicDocument>>;

/**
 * A source reference that is not a non-empty string, or a status outside {@link SourceStatus} (来源引用无效):
 * code `invalid_source_ref`, path `['ref']` or `['status']`.
 *
 * @example
 * try { publicCitation(''); } catch (error) { (error as InvalidSourceRefError).code; } // 'invalid_source_ref'
 */
export class InvalidSourceRefError extends JianguanError {
  override readonly name = 'InvalidSourceRefError' as const;
  declare readonly code: 'invalid_source_ref';

  constructor(field: 'ref' | 'status', actual: unknown) {
    const messages: LocalizedMessage =
      field === 'ref'
        ? {
            zh: `来源引用应为非空字符串，实际为 ${describeValue(actual)}`,
            en: `a source reference must be a non-empty string, not ${describeValue(actual)}`,
          }
        : {
            zh: `来源核实状态应为 ${SOURCE_STATUSES.join('、')} 之一，实际为 ${describeValue(actual)}`,
            en: `a source status must be one of ${SOURCE_STATUSES.join(', ')}, not ${describeValue(actual)}`,
          };
    super('invalid_source_ref', messages, { path: [field], details: { actual: describeValue(actual) } });
  }
}

/** The citation of a value no published rule gives. */
const DEFAULT_VALUE = { zh: '可配置的默认值（无公开规定）', en: 'configurable default (no published rule)' };
/** The indicator sets' point values (kpi-and-interface.md §1.7, and any inferred note of that file). */
const DEFAULT_POINTS = {
  zh: '分值为可配置的默认值（未见公开的评分细则）',
  en: 'point values are configurable defaults (no published scoring rules)',
};
/** A note that cites no published document and is not marked inferred. */
const NO_DOCUMENT = {
  zh: '未注明公开文件（jianguan 整理的规则）',
  en: 'no published document cited (a rule compiled by jianguan)',
};

const SEED = /^seed (\d{3})\b/;
const LOCATOR = /^(?:art\.|task \d|[一二三四五六七八九十]+\()/;
const HAN = /[\u4e00-\u9fff]/;

/** Whether a part of a note refers to the project's own research notes rather than a document. */
function isInternal(text: string): boolean {
  return /\.md\b|\[(?:inferred|confirmed|seed-stated|C|I)\]|\bS\d+\b/.test(text) || !HAN.test(text);
}

function seedCitation(ref: string, seed: string): PublicDocument {
  const tasks = [...ref.matchAll(/task (\d+)/g)].map((m) => m[1]);
  const articles = [...ref.matchAll(/art\. (\d+(?:\s*[–,]\s*\d+)*)/g)].map((m) => m[1]?.replace(/\s/g, ''));
  const section =
    /[一二三四五六七八九十]+\([一二三四五六七八九十]+\)\d*/.exec(ref)?.[0] ??
    /\(([一二三四五六七八九十]+)\)/.exec(ref)?.[0].replace(/\((.+)\)/, '（$1）');
  const doc =
    seed === '000'
      ? PUBLIC_DOCUMENTS.yunxi
      : seed === '001'
        ? PUBLIC_DOCUMENTS.suqian
        : seed === '002'
          ? articles.length > 0
            ? PUBLIC_DOCUMENTS.pingluRules
            : PUBLIC_DOCUMENTS.pingluPlan
          : seed === '003'
            ? PUBLIC_DOCUMENTS.yancheng
            : PUBLIC_DOCUMENTS.yiwu;
  const where =
    tasks.length > 0
      ? { zh: `第 ${tasks.join('、')} 项任务`, en: `work task no. ${tasks.join(', ')}` }
      : articles.length > 0
        ? { zh: `第 ${articles.join('、')} 条`, en: `art. ${articles.join(', ')}` }
        : section !== undefined
          ? { zh: section, en: section }
          : { zh: '', en: '' };
  const colon = ref.indexOf(':');
  const quote = (colon >= 0 ? ref.slice(colon + 1).trim() : '').replace(/[A-Za-z][A-Za-z ]+$/, '').trim();
  return {
    zh: `${doc.zh}${where.zh}${quote && HAN.test(quote) ? `：${quote}` : ''}`,
    en: `${doc.en}${where.en ? `, ${where.en}` : ''}`,
  };
}

function noteCitation(ref: string, inferred: boolean): PublicDocument {
  const kpiNote = /kpi-and-interface\.md/.test(ref);
  if (/kpi-and-interface\.md §1\.7/.test(ref) || (inferred && kpiNote)) return DEFAULT_POINTS;
  if (kpiNote && /§1\.5/.test(ref)) return PUBLIC_DOCUMENTS.national;
  if (kpiNote && /§1\.3/.test(ref))
    return {
      zh: `${PUBLIC_DOCUMENTS.zhejiang.zh}：${ref.replace(/^.*§1\.3\s*(浙江\s*)?/, '')}`,
      en: PUBLIC_DOCUMENTS.zhejiang.en,
    };
  if (kpiNote && /§1\.2/.test(ref)) return PUBLIC_DOCUMENTS.xian;
  if (kpiNote && /§1\.4/.test(ref)) return PUBLIC_DOCUMENTS.qualityCheck;
  if (kpiNote && /§1\.1/.test(ref)) {
    const name = ref
      .replace(/^.*§1\.1\s*/, '')
      .replace(/\(.*\)/, '')
      .trim();
    return {
      zh: `${PUBLIC_DOCUMENTS.hubei.zh}${name ? `：${name}` : ''}`,
      en: PUBLIC_DOCUMENTS.hubei.en,
    };
  }
  if (inferred && isInternal(ref)) return DEFAULT_VALUE;
  if (isInternal(ref)) return NO_DOCUMENT;
  const zh = ref.trim();
  return { zh, en: zh };
}

/**
 * A rule's source note as a public citation (公开依据): the regulation or plan it comes from, by title and
 * document number, in Chinese and English, instead of the research reference the rule data keeps
 * (`seed 002 art. 9 (及时认领)`, `kpi-and-interface.md §1.2`). A note of several parts (`…; seed 000 task 1`)
 * cites each document; research commentary and references to the project's notes are left out. A value no
 * published rule gives (status `inferred`, or a note with no public document) reads as a configurable default.
 * Only text for people converts: keep the raw note in data and in machine-readable output.
 *
 * @throws {InvalidSourceRefError} when `ref` is not a non-empty string or `status` is not a {@link SourceStatus}.
 *
 * @example
 * publicCitation('seed 000 task 12').zh; // '《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）第 12 项任务'
 * publicCitation('seed 002 art. 9 (及时认领)').en; // 'Pinglu District Internet+Regulation system operating rules, art. 9'
 * publicCitation('kpi-and-interface.md §1.2 [inferred]', 'inferred').zh; // '分值为可配置的默认值（未见公开的评分细则）'
 * publicCitation('data-standards.md §1.2 [inferred]', 'inferred').zh; // '可配置的默认值（无公开规定）'
 */
export function publicCitation(ref: string, status?: SourceStatus): PublicDocument {
  if (typeof ref !== 'string' || ref.trim() === '') throw new InvalidSourceRefError('ref', ref);
  if (status !== undefined && (typeof status !== 'string' || !STATUSES.has(status)))
    throw new InvalidSourceRefError('status', status);
  const inferred = status === 'inferred' || /\[inferred\]/.test(ref);
  // Split a note of several parts; a part that starts with an article, task or section continues the document
  // of the part before it.
  const cited: PublicDocument[] = [];
  let seed: string | undefined;
  for (const raw of ref.split(/[;；]/)) {
    const part = raw.trim();
    const own = SEED.exec(part)?.[1];
    if (own !== undefined) seed = own;
    if (own !== undefined || (seed !== undefined && LOCATOR.test(part)))
      cited.push(seedCitation(own === undefined ? `seed ${seed} ${part}` : part, seed as string));
  }
  const unique = cited.filter((c, i) => cited.findIndex((d) => d.zh === c.zh) === i);
  const { zh, en } =
    unique.length > 0
      ? { zh: unique.map((c) => c.zh).join('；'), en: unique.map((c) => c.en).join('; ') }
      : noteCitation(ref, inferred);
  return inferred && !zh.includes('默认值') ? { zh: `${zh}（推断）`, en: `${en} (inferred)` } : { zh, en };
}
