import { isRecord } from '@jianguan/core';
import { z } from 'zod';
import { badInput, requireShape } from '../boundary.js';
import { isItemCode } from '../catalog/item-code.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import { citationKeys } from '../legal-basis/citation.js';
import { provenanceShape } from '../rule-data.js';

const range = z
  .object({ min: z.number().min(0), max: z.number().min(0) })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

/**
 * The zod schema of a discretion benchmark set (行政处罚裁量基准): per violation (违法行为) of a power item, the
 * legal basis, the statutory range, and for each degree of circumstances (裁量阶次: 从轻/一般/从重, 轻微/较重/严重
 * …) the penalty band — a fine in yuan and/or a multiple of a base amount (违法所得, 货值金额 …). Versioned, with
 * its source, status and the date checked.
 *
 * @example
 * benchmarkSetSchema.parse(EXAMPLE_BENCHMARK_SET);
 */
export const benchmarkSetSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  publisher: z.string().min(1),
  ...provenanceShape,
  entries: z
    .array(
      z.object({
        id: z.string().min(1),
        violation: z.string().min(1),
        /** 对应权力事项编码 / 监管事项目录编码, when the benchmark is tied to an item. */
        itemCode: z
          .string()
          .refine(isItemCode, { message: 'expected a 14-digit catalog item code' })
          .optional(),
        powerItemCode: z.string().optional(),
        /** The penalty provision (处罚依据) as published; matched to records by citation keys. */
        penaltyBasis: z.string().min(1),
        /** The statutory range the bands must stay within. */
        statutory: z
          .object({ fine: range.optional(), multiple: range.optional(), base: z.string().optional() })
          .optional(),
        degrees: z
          .array(
            z.object({
              degree: z.string().min(1),
              circumstances: z.string().optional(),
              fine: range.optional(),
              /** Fine as a multiple of a base amount (`base` names it, e.g. 违法所得). */
              multiple: range.optional(),
              base: z.string().optional(),
              /** Other penalties of this band, as text (没收, 责令停业整顿 …). */
              measures: z.string().optional(),
            }),
          )
          .min(1),
        ...provenanceShape,
      }),
    )
    .min(1),
});

/**
 * A discretion benchmark set; see {@link benchmarkSetSchema}.
 *
 * @example
 * const set: BenchmarkSet = defineBenchmarkSet(EXAMPLE_BENCHMARK_SET);
 */
export type BenchmarkSet = z.infer<typeof benchmarkSetSchema>;

/**
 * One benchmark entry (one violation and its bands).
 *
 * @example
 * const entry: BenchmarkEntry = set.entries[0]!;
 */
export type BenchmarkEntry = BenchmarkSet['entries'][number];

/**
 * Validates a benchmark set: schema, unique entry ids and degrees, and every band within the statutory range.
 *
 * @throws {CatalogError} `invalid_benchmark_set` with the path of the first problem.
 * @example
 * const set = defineBenchmarkSet(EXAMPLE_BENCHMARK_SET);
 */
export function defineBenchmarkSet(input: unknown): BenchmarkSet {
  const parsed = benchmarkSetSchema.safeParse(input);
  if (!parsed.success) {
    throw fromZodIssues(
      'invalid_benchmark_set',
      { zh: '裁量基准', en: 'benchmark set' },
      parsed.error.issues,
    );
  }
  const ids = new Set<string>();
  parsed.data.entries.forEach((e, i) => {
    const fail = (path: (string | number)[], zh: string, en: string) =>
      new CatalogError(
        'invalid_benchmark_set',
        { zh, en },
        { path: ['entries', i, ...path], details: { entry: e.id } },
      );
    if (ids.has(e.id)) throw fail(['id'], `裁量基准条目重复：${e.id}`, `duplicate benchmark entry: ${e.id}`);
    ids.add(e.id);
    if (citationKeys(e.penaltyBasis).length === 0) {
      throw fail(
        ['penaltyBasis'],
        `处罚依据无法识别：${e.penaltyBasis}`,
        `penalty basis not recognised: ${e.penaltyBasis}`,
      );
    }
    const degrees = new Set<string>();
    e.degrees.forEach((d, j) => {
      if (degrees.has(d.degree))
        throw fail(['degrees', j, 'degree'], `裁量阶次重复：${d.degree}`, `duplicate degree: ${d.degree}`);
      degrees.add(d.degree);
      for (const kind of ['fine', 'multiple'] as const) {
        const band = d[kind];
        const limit = e.statutory?.[kind];
        if (band && limit && (band.min < limit.min || band.max > limit.max)) {
          throw fail(
            ['degrees', j, kind],
            `${d.degree}的幅度超出法定幅度（${limit.min}–${limit.max}）`,
            `band of ${d.degree} exceeds the statutory range (${limit.min}–${limit.max})`,
          );
        }
      }
    });
  });
  return parsed.data;
}

/**
 * Two benchmark entries from published discretion benchmarks, as data and examples of the format. Both come
 * from third-party copies of the documents whose publisher could not be identified from the readable part, so
 * their status is `inferred`; replace them with your province's published set.
 *
 * @example
 * defineBenchmarkSet(EXAMPLE_BENCHMARK_SET).entries.length; // 2
 */
export const EXAMPLE_BENCHMARK_SET: BenchmarkSet = {
  id: 'example-discretion',
  version: '2026.1',
  publisher: 'example (published rows, publishers not identified)',
  source: 'see each entry',
  status: 'inferred',
  checked: '2026-12-02',
  entries: [
    {
      id: 'funeral-superstitious-goods',
      violation: '制造、销售封建迷信殡葬用品',
      penaltyBasis: '《殡葬管理条例》第二十二条第二款',
      statutory: { multiple: { min: 1, max: 3 }, base: '制造、销售金额' },
      degrees: [
        {
          degree: '从轻',
          multiple: { min: 1, max: 1.6 },
          base: '制造、销售金额',
          measures: '予以没收，可以并处罚款',
        },
        {
          degree: '一般',
          multiple: { min: 1.6, max: 2.4 },
          base: '制造、销售金额',
          measures: '予以没收，并处罚款',
        },
        {
          degree: '从重',
          multiple: { min: 2.4, max: 3 },
          base: '制造、销售金额',
          measures: '予以没收，并处罚款',
        },
      ],
      source:
        '“违法行为事项及处罚依据” table, item 61 (《殡葬管理条例》(2012年国务院令第628号修正)第二十二条第二款), https://renrendoc.com/paper/362893586.html (third-party copy)',
      status: 'inferred',
      checked: '2026-12-02',
    },
    {
      id: 'price-violation-art7-no-gains',
      violation: '《价格违法行为行政处罚规定》第七条所列价格违法行为（没有违法所得）',
      penaltyBasis: '《价格违法行为行政处罚规定》第七条',
      degrees: [
        { degree: '减轻', fine: { min: 50_000, max: 100_000 } },
        { degree: '从轻', fine: { min: 100_000, max: 250_000 } },
        { degree: '从重', fine: { min: 250_000, max: 500_000 }, measures: '情节特别严重的，责令停业整顿' },
      ],
      source:
        'a price-discretion rule, 第十五条 (自由裁量处罚幅度 for 《价格违法行为行政处罚规定》第七条), http://www.fsou.net/html/text/lar/170245/17024598_3.html (third-party copy)',
      status: 'inferred',
      checked: '2026-12-02',
    },
  ],
};

/**
 * The benchmark entry a penalty falls under: the entry whose penalty basis shares an article with the
 * record's 处罚依据 (paragraph and item compared when both give them), else the entry tied to its item code.
 *
 * @example
 * findBenchmarkEntry(set, { punishAccord: '依据《殡葬管理条例》第二十二条第二款' })?.id; // 'funeral-superstitious-goods'
 */
export function findBenchmarkEntry(
  set: BenchmarkSet,
  record: { readonly punishAccord?: unknown; readonly itemCode?: unknown },
): BenchmarkEntry | undefined {
  requireShape(benchmarkSetSchema, set, ['set'], 'invalid_benchmark_set');
  if (!isRecord(record)) badInput('invalid_input', ['record'], { en: 'an object', zh: '对象' }, record);
  return benchmarkEntryOf(set, record);
}

/** {@link findBenchmarkEntry} of a set and record already checked. @internal */
export function benchmarkEntryOf(
  set: BenchmarkSet,
  record: { readonly punishAccord?: unknown; readonly itemCode?: unknown },
): BenchmarkEntry | undefined {
  const keys = typeof record.punishAccord === 'string' ? citationKeys(record.punishAccord) : [];
  const article = (k: string) => k.replace(/[.(].*$/, '');
  for (const e of set.entries) {
    const ek = citationKeys(e.penaltyBasis);
    const hit = ek.some((x) =>
      keys.some((y) => x === y || ((!x.includes('.') || !y.includes('.')) && article(x) === article(y))),
    );
    if (hit) return e;
  }
  return set.entries.find((e) => e.itemCode !== undefined && e.itemCode === record.itemCode);
}
