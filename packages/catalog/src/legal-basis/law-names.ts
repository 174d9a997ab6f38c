import { parseOptionsShape, requireShape, requireString } from '../boundary.js';

/**
 * Common abbreviations of law names (法律简称) → the full name without the 中华人民共和国 prefix. Data, not
 * logic: extend it with {@link normaliseLawName}'s `abbreviations` option. Status: inferred from common usage
 * in published catalogs and enforcement documents (no single official list exists); checked 2026-12-02.
 * Values are never keys, so normalising twice gives the same name.
 *
 * @example
 * LAW_ABBREVIATIONS['食安法']; // '食品安全法'
 */
export const LAW_ABBREVIATIONS: Readonly<Record<string, string>> = {
  食安法: '食品安全法',
  特设法: '特种设备安全法',
  消法: '消费者权益保护法',
  消保法: '消费者权益保护法',
  反不法: '反不正当竞争法',
  环保法: '环境保护法',
  大气法: '大气污染防治法',
  水污法: '水污染防治法',
  固废法: '固体废物污染环境防治法',
  噪声法: '噪声污染防治法',
  药管法: '药品管理法',
  药品法: '药品管理法',
  行诉法: '行政诉讼法',
  许可法: '行政许可法',
  行许法: '行政许可法',
  强制法: '行政强制法',
  行强法: '行政强制法',
  处罚法: '行政处罚法',
  行罚法: '行政处罚法',
  网安法: '网络安全法',
  数安法: '数据安全法',
  个保法: '个人信息保护法',
  电商法: '电子商务法',
  个独法: '个人独资企业法',
  道交法: '道路交通安全法',
  职防法: '职业病防治法',
  野保法: '野生动物保护法',
  未保法: '未成年人保护法',
};

/** Suffixes that make an implementing regulation of a law (实施条例 …); the law part is normalised on its own. */
const IMPLEMENTING = /(实施条例|实施细则|实施办法)$/;
const PREFIX = /^(?:中华人民共和国|中国)/;
const LEAD = /^(?:根据|依据|依照|按照|参照|违反|适用|以及|及|和|与|或)+/;
/** A revision note in parentheses: (2021年修正), （2018年修订）, (2015版), (2024年本), (试行) is kept. */
const REVISION =
  /[(（]([^()（）]*?(?:\d{4}|[一二三四五六七八九〇零]{4})[^()（）]*?(?:修正|修订|修改|版|本|施行|公布|颁布|发布)[^()（）]*?)[)）]/g;

/**
 * Options of {@link normaliseLawName}.
 *
 * @example
 * const o: NormaliseLawNameOptions = { abbreviations: { 特种设备法: '特种设备安全法' } };
 */
export interface NormaliseLawNameOptions {
  /** Extra abbreviations → full names (merged over {@link LAW_ABBREVIATIONS}). */
  readonly abbreviations?: Readonly<Record<string, string>>;
}

/** Full-width ASCII → half-width, ideographic space → space; 《》 and Chinese punctuation are kept. @internal */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * The revision note of a law name, if any: `《中华人民共和国食品安全法》(2021年修正)` → `'2021年修正'`.
 *
 * @example
 * revisionOf('食品安全法（2018年修订）'); // '2018年修订'
 */
export function revisionOf(text: string): string | undefined {
  requireString(text, ['text']);
  const m = [...toHalfWidth(text).matchAll(REVISION)];
  return m[0]?.[1];
}

/**
 * The canonical name of a law or regulation (法律法规名称规范化): brackets 《》 and quotes removed, full-width
 * forms folded, spaces removed, the 中华人民共和国 prefix and revision notes in parentheses dropped, and common
 * abbreviations expanded (also before 实施条例/实施细则/实施办法). Idempotent.
 *
 * @example
 * normaliseLawName('《中华人民共和国食品安全法》（2021年修正）'); // '食品安全法'
 * normaliseLawName('食安法实施条例'); // '食品安全法实施条例'
 */
export function normaliseLawName(text: string, options: NormaliseLawNameOptions = {}): string {
  requireString(text, ['text']);
  requireShape(parseOptionsShape, options, ['options'], 'invalid_options');
  return lawName(text, options);
}

/** {@link normaliseLawName} of checked arguments. @internal */
export function lawName(text: string, options: NormaliseLawNameOptions): string {
  let name = toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[《》〈〉“”"'‘’「」]/g, '')
    .replace(REVISION, '')
    .replace(/[,.;:，。；：、]+$/, '')
    .replace(/^[,.;:，。；：、]+/, '');
  for (;;) {
    const before = name;
    name = name.replace(LEAD, '').replace(PREFIX, '');
    if (name === before) break;
  }
  const table = options.abbreviations
    ? { ...LAW_ABBREVIATIONS, ...options.abbreviations }
    : LAW_ABBREVIATIONS;
  const m = IMPLEMENTING.exec(name);
  const base = m ? name.slice(0, -m[1]!.length) : name;
  const baseName = PREFIX.test(base) ? base.replace(PREFIX, '') : base;
  const expanded = Object.hasOwn(table, baseName) ? table[baseName]! : baseName;
  return m ? `${expanded}${m[1]}` : expanded;
}
