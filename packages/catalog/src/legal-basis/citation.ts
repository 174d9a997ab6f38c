import { describeValue } from '@jianguan/core';
import { citationShape, parseOptionsShape, requireShape } from '../boundary.js';
import { CatalogError } from '../errors.js';
import { lawName, type NormaliseLawNameOptions, revisionOf, toHalfWidth } from './law-names.js';
import { formatChineseNumber, parseChineseNumber } from './numerals.js';

/**
 * One legal-basis citation (法律依据引用), normalised: the canonical law name and, when given, the article
 * (条), its 之N suffix, paragraph (款) and item (项) as numbers.
 *
 * @example
 * const c: LegalCitation = parseLegalBasis('《中华人民共和国食品安全法》第一百一十条第一款').citations[0]!;
 * c.key; // '食品安全法#110.1'
 */
export interface LegalCitation {
  /** Canonical law name ({@link normaliseLawName}), e.g. `食品安全法`. */
  readonly law: string;
  /** The law name as written (brackets and prefix kept). */
  readonly lawAsWritten: string;
  /** A revision note written after the name, e.g. `2021年修正` (not part of the key). */
  readonly revision?: string;
  readonly article?: number;
  /** N of 第X条之N. */
  readonly articleSuffix?: number;
  readonly paragraph?: number;
  readonly item?: number;
  /**
   * The canonical key (规范键): `law`, then `#article`, `-suffix`, `.paragraph`, `(item)` —
   * e.g. `外国企业常驻代表机构登记管理条例#36.3`, `食品安全法#110.1(2)`, `食品安全法` (law only).
   */
  readonly key: string;
}

/**
 * The result of {@link parseLegalBasis}: the citations in order (duplicates removed), the distinct law names,
 * and article references that could not be attached to any law (reported, never dropped silently).
 *
 * @example
 * const r: LegalBasisParse = parseLegalBasis('《电子商务法》第十五条');
 * r.laws; // ['电子商务法']
 */
export interface LegalBasisParse {
  readonly citations: readonly LegalCitation[];
  readonly laws: readonly string[];
  readonly unattached: readonly string[];
}

/**
 * Options of {@link parseLegalBasis}.
 *
 * @example
 * const o: ParseLegalBasisOptions = { abbreviations: { 特种设备法: '特种设备安全法' }, maxRange: 20 };
 */
export interface ParseLegalBasisOptions extends NormaliseLawNameOptions {
  /** Expand `第十五条至第十八条` into every article when the range spans at most this many (default 30). */
  readonly maxRange?: number;
}

const NUM = '[零〇一二两三四五六七八九十百千\\d]+';
const LAW_BRACKETED = '《([^《》]{1,80})》((?:[(（][^()（）]{0,30}[)）])?)';
const ARTICLE = `(第?)(${NUM})条(?:之(${NUM}))?(?:第(${NUM})款)?(?:第?[(（]?(${NUM})[)）]?项)?`;
// An unbracketed law name counts only when an article reference follows it (else it is ordinary prose).
const LAW_PLAIN = `([\\u4e00-\\u9fff]{1,40}?(?:法|条例|规定|办法|细则|规则|决定))((?:[(（][^()（）]{0,20}[)）])?)(?=第?${NUM}条)`;
// Inside one 条/款/项: `、` lists, `至` ranges (`第十三、五十二条`, `第十五至十八条`, `第（一）至（五）项`).
const LIST_JOIN = '(?:[、,，]|至|到)';
// `第十三、五十二、五十三条`, `第十五至十八条`: several article numbers sharing one 条.
const ARTICLE_LIST = `第?(${NUM}(?:${LIST_JOIN}第?${NUM})+)条`;
// A paragraph or item reference after an article (`、第二款`, `第一、二款`, `、第（二）项`, `至第三项`): it
// refines or extends the citation before it; with none to attach to it goes to `unattached`.
const SUB_NUMBER = `[(（]?${NUM}[)）]?`;
const SUB = `((?:第${SUB_NUMBER}|[(（]${NUM}[)）])(?:${LIST_JOIN}第?${SUB_NUMBER})*)(款|项)`;
const TOKEN = new RegExp(`${LAW_BRACKETED}|${ARTICLE_LIST}|${ARTICLE}|${LAW_PLAIN}|${SUB}`, 'g');
const RANGE = /^(?:至|到|—|–|-|~|～)$/;
const SUB_JOIN = /^(?:[、,，和及或]|以及)?$/;
const LIST_PART = new RegExp(`(${NUM})|(至|到)`, 'g');
// `《食品安全法》及其实施条例`: the implementing regulation of the law just named.
const ITS_IMPLEMENTING =
  /《([^《》]{1,80})》((?:[(（][^()（）]{0,30}[)）])?)(及|和|以及|、)其(实施条例|实施细则|实施办法)/g;

/** The numbers of a list such as `十三、五十二` or `十五至十八` (ranges expanded up to `maxRange`). */
function numberList(text: string, maxRange: number): number[] {
  const out: number[] = [];
  let range = false;
  for (const part of text.matchAll(LIST_PART)) {
    if (part[2] !== undefined) {
      range = true;
      continue;
    }
    const n = parseChineseNumber(part[1]!);
    if (n === undefined) continue;
    const previous = out[out.length - 1];
    if (range && previous !== undefined && n > previous + 1 && n - previous <= maxRange)
      for (let k = previous + 1; k < n; k++) out.push(k);
    out.push(n);
    range = false;
  }
  return out;
}
const SELF = /^本(?:法|条例|规定|办法|细则|规则|决定)$/;
// Phrases that end like a law name but name none: 有关规定, 相关法律法规规定, 上述办法 …
const GENERIC_NAME =
  /^(?:相关|有关|其他|其它|上述|前述|该|下列|以下|国家|法律法规|法律|法规|规章)+(?:法律|法规|规章|规定|办法|条例|细则|规则|决定)*$/;
// A list of law names with no article (`食品安全法、产品质量法`) when nothing is bracketed.
const PLAIN_NAME =
  /^(?:\d+[.、)]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?([\u4e00-\u9fff]{2,40}(?:法|条例|规定|办法|细则|规则|决定))((?:[(（][^()（）]{0,20}[)）])?)等?$/;

function keyOf(c: Omit<LegalCitation, 'key'>): string {
  if (c.article === undefined) return c.law;
  let key = `${c.law}#${c.article}`;
  if (c.articleSuffix !== undefined) key += `-${c.articleSuffix}`;
  if (c.paragraph !== undefined) key += `.${c.paragraph}`;
  if (c.item !== undefined) key += `(${c.item})`;
  return key;
}

function citation(
  law: { law: string; lawAsWritten: string; revision?: string | undefined },
  parts: { article?: number; articleSuffix?: number; paragraph?: number; item?: number } = {},
): LegalCitation {
  const base = {
    law: law.law,
    lawAsWritten: law.lawAsWritten,
    ...(law.revision === undefined ? {} : { revision: law.revision }),
    ...parts,
  };
  return { ...base, key: keyOf(base) };
}

/**
 * Parses a legal-basis text (设定依据 / 检查依据 / 处罚依据) into normalised citations: law names with or without
 * 《》, with or without the 中华人民共和国 prefix, abbreviated, with revision notes; 第X条之N第X款第X项 in Chinese
 * numerals or Arabic digits; several bases separated by ；、，。 or line breaks; `第九条、第十条` and
 * `第十五条至第十八条` / `第十五至十八条` (expanded); `《X》及其实施条例`; paragraph and item lists after an article (`第一款、第二款`, `第一、二款`,
 * `第（一）项、第（二）项`, `第一项至第三项`: one citation each); `本法` resolves to the law last named. Never throws on odd text: what cannot
 * be attached to a law is listed in `unattached`.
 *
 * @throws {CatalogError} `invalid_legal_basis` when `text` is not a string.
 * @example
 * parseLegalBasis('《中华人民共和国烟草专卖法》第十九条、第三十二条。').citations.map((c) => c.key);
 * // ['烟草专卖法#19', '烟草专卖法#32']
 * parseLegalBasis('依据食安法第110条').citations[0]?.key; // '食品安全法#110'
 */
export function parseLegalBasis(text: unknown, options: ParseLegalBasisOptions = {}): LegalBasisParse {
  if (typeof text !== 'string') {
    throw new CatalogError(
      'invalid_legal_basis',
      { zh: '法律依据须为文本', en: 'a legal basis must be text' },
      { path: ['text'], details: { value: describeValue(text) } },
    );
  }
  requireShape(parseOptionsShape, options, ['options'], 'invalid_options');
  const maxRange = options.maxRange ?? 30;
  const source = toHalfWidth(text).replace(/\s+/g, '').replace(ITS_IMPLEMENTING, '《$1》$2$3《$1$4》');
  const out: LegalCitation[] = [];
  const unattached: string[] = [];
  const lawsWithArticles = new Set<string>();
  const lawMentions: { law: string; lawAsWritten: string; revision?: string | undefined }[] = [];
  let current: { law: string; lawAsWritten: string; revision?: string | undefined } | undefined;
  let last: { article: number; end: number; law: string; citation?: LegalCitation | undefined } | undefined;

  const lawOf = (written: string, revisionText: string) => {
    const law = lawName(written, options);
    if (SELF.test(law) && current) return current;
    if (GENERIC_NAME.test(law)) return { law: '', lawAsWritten: written };
    return {
      law,
      lawAsWritten: written,
      revision: revisionText ? revisionOf(revisionText) : revisionOf(written),
    };
  };

  for (const m of source.matchAll(TOKEN)) {
    const at = m.index;
    if (m[1] !== undefined || m[9] !== undefined) {
      const written = m[1] ?? m[9]!;
      const mention = lawOf(written, m[2] ?? m[10] ?? '');
      if (mention.law === '') continue;
      current = mention;
      lawMentions.push(mention);
      last = undefined;
      continue;
    }
    if (m[11] !== undefined) {
      const between = last ? source.slice(last.end, at) : '';
      const previous = last?.citation;
      if (
        !current ||
        !last ||
        !previous ||
        last.law !== current.law ||
        !(SUB_JOIN.test(between) || RANGE.test(between))
      ) {
        unattached.push(m[0]);
        continue;
      }
      const numbers = numberList(m[11], maxRange);
      if (numbers.length === 0) {
        unattached.push(m[0]);
        continue;
      }
      const isParagraph = m[12] === '款';
      const level = isParagraph ? previous.paragraph : previous.item;
      const { article, articleSuffix } = previous;
      const sibling = (n: number) =>
        citation(current!, {
          article: article!,
          ...(articleSuffix === undefined ? {} : { articleSuffix }),
          ...(isParagraph
            ? { paragraph: n }
            : { ...(previous.paragraph === undefined ? {} : { paragraph: previous.paragraph }), item: n }),
        });
      // `第一百一十条第一、二款`: the numbers belong to the citation just written — refine it.
      if (between === '' && level === undefined && previous.item === undefined) {
        if (out[out.length - 1] === previous) out.pop();
      } else if (RANGE.test(between) && level !== undefined) {
        const to = numbers[0]!;
        if (to > level + 1 && to - level <= maxRange)
          for (let n = level + 1; n < to; n++) out.push(sibling(n));
      }
      let written: LegalCitation = previous;
      for (const n of numbers) {
        written = sibling(n);
        out.push(written);
      }
      last = { article: article!, end: at + m[0].length, law: current.law, citation: written };
      continue;
    }
    if (m[3] !== undefined) {
      const numbers = numberList(m[3], maxRange);
      if (!current) {
        unattached.push(m[0]);
        continue;
      }
      for (const article of numbers) {
        if (article === undefined) continue;
        const written = citation(current, { article });
        out.push(written);
        last = { article, end: at + m[0].length, law: current.law, citation: written };
      }
      lawsWithArticles.add(current.law);
      continue;
    }
    const article = parseChineseNumber(m[5]!);
    if (article === undefined) continue;
    if (!current) {
      unattached.push(m[0]);
      continue;
    }
    const suffix = m[6] === undefined ? undefined : parseChineseNumber(m[6]);
    const paragraph = m[7] === undefined ? undefined : parseChineseNumber(m[7]);
    const item = m[8] === undefined ? undefined : parseChineseNumber(m[8]);
    const between = last ? source.slice(last.end, at) : '';
    if (last && last.law === current.law && RANGE.test(between) && article > last.article + 1) {
      if (article - last.article <= maxRange) {
        for (let a = last.article + 1; a < article; a++) out.push(citation(current, { article: a }));
      }
    }
    const written = citation(current, {
      article,
      ...(suffix === undefined ? {} : { articleSuffix: suffix }),
      ...(paragraph === undefined ? {} : { paragraph }),
      ...(item === undefined ? {} : { item }),
    });
    out.push(written);
    lawsWithArticles.add(current.law);
    last = { article, end: at + m[0].length, law: current.law, citation: written };
  }

  // Law names listed without any article (`食品安全法、产品质量法`): whole segments of what the tokens left.
  for (const part of source.replace(TOKEN, '；').split(/[;；,，、。\n]+/)) {
    const m = PLAIN_NAME.exec(part);
    if (!m) continue;
    const mention = lawOf(m[1]!, m[2] ?? '');
    if (mention.law !== '' && !SELF.test(mention.law)) lawMentions.push(mention);
  }
  for (const mention of lawMentions) {
    if (!lawsWithArticles.has(mention.law)) out.push(citation(mention));
  }

  const seen = new Set<string>();
  const citations = out.filter((c) => {
    if (seen.has(c.key)) return false;
    seen.add(c.key);
    return true;
  });
  const laws = [...new Set(citations.map((c) => c.law))];
  return { citations, laws, unattached };
}

/**
 * Writes a citation in canonical Chinese form: `《食品安全法》第一百一十条第一款第（二）项`.
 *
 * @example
 * formatCitation(parseLegalBasis('食品安全法第110条').citations[0]!); // '《食品安全法》第一百一十条'
 */
export function formatCitation(c: LegalCitation): string {
  requireShape(citationShape, c, ['citation']);
  let text = `《${c.law}》`;
  if (c.article === undefined) return text;
  text += `第${formatChineseNumber(c.article)}条`;
  if (c.articleSuffix !== undefined) text += `之${formatChineseNumber(c.articleSuffix)}`;
  if (c.paragraph !== undefined) text += `第${formatChineseNumber(c.paragraph)}款`;
  if (c.item !== undefined) text += `第（${formatChineseNumber(c.item)}）项`;
  return text;
}

/**
 * The canonical text of a legal basis (依据规范化文本): every citation in canonical form, joined by `；`.
 * Idempotent, and equivalent spellings give the same text.
 *
 * @example
 * normaliseLegalBasis('《中华人民共和国电子商务法》第15条'); // '《电子商务法》第十五条'
 */
export function normaliseLegalBasis(text: unknown, options: ParseLegalBasisOptions = {}): string {
  return parseLegalBasis(text, options).citations.map(formatCitation).join('；');
}

/**
 * The canonical keys of a legal basis ({@link LegalCitation.key}), in order, without duplicates.
 *
 * @example
 * citationKeys('《食品安全法》第一百一十条、第一百一十一条'); // ['食品安全法#110', '食品安全法#111']
 */
export function citationKeys(text: unknown, options: ParseLegalBasisOptions = {}): string[] {
  return parseLegalBasis(text, options).citations.map((c) => c.key);
}
