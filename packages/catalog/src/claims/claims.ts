import {
  codeTables,
  isCivilDate,
  type LocalizedMessage,
  qualityCheckRecord,
  tryBehaviourActDate,
} from '@jianguan/core';
import { z } from 'zod';
import { catalogShape, functionShape, requireShape } from '../boundary.js';
import {
  type Catalog,
  type CatalogEntry,
  catalogEntrySchema,
  catalogItemKey,
  catalogItemName,
} from '../catalog/catalog.js';
import { isItemCode } from '../catalog/item-code.js';
import { CatalogError, fromZodIssues } from '../errors.js';
import { parseQuarter, type Quarter, quarterOf } from './quarter.js';

const civilDate = z.string().refine(isCivilDate, { message: 'expected a China civil date YYYY-MM-DD' });

/**
 * The zod schema of a department's claim list (认领清单): which items of the higher-level catalog (国务院 / 省 /
 * 市, seed 002 art. 9) the department has claimed, when, and — optionally — the elements it filled locally
 * (`local`, e.g. its own 监管流程 and 监管结果), which override the catalog's.
 *
 * @example
 * claimSetSchema.parse({ id: 'rc-scjg', version: '2025.2', department: '荣昌区市场监督管理局', claims: [] });
 */
export const claimSetSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  department: z.string().min(1),
  /** The department's 监管部门编码 (matches `supervisionDeptCode` of the items it must claim). */
  departmentCode: z.string().optional(),
  claims: z.array(
    z.object({
      itemCode: z.string().refine(isItemCode, { message: 'expected a 14-digit catalog item code' }),
      subItemCode: z.string().optional(),
      claimedDate: civilDate.optional(),
      local: catalogEntrySchema.partial().optional(),
    }),
  ),
});

/**
 * A claim list; see {@link claimSetSchema}.
 *
 * @example
 * const claims: ClaimSet = { id: 'rc', version: '1', department: '区市场监管局', claims: [{ itemCode: '31000000100000' }] };
 */
export type ClaimSet = z.infer<typeof claimSetSchema>;

/**
 * Validates a claim list; claiming the same item twice is an error.
 *
 * @throws {CatalogError} `invalid_claims` with the path of the first problem.
 * @example
 * const claims = defineClaimSet({ id: 'rc', version: '1', department: '区市场监管局', claims: [{ itemCode: '31000000100000' }] });
 */
export function defineClaimSet(input: unknown): ClaimSet {
  const parsed = claimSetSchema.safeParse(input);
  if (!parsed.success)
    throw fromZodIssues('invalid_claims', { zh: '认领清单', en: 'claim list' }, parsed.error.issues);
  const seen = new Map<string, number>();
  parsed.data.claims.forEach((c, i) => {
    const key = catalogItemKey(c);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CatalogError(
        'invalid_claims',
        {
          zh: `第 ${i + 1} 条认领与第 ${first + 1} 条重复（${key}）`,
          en: `claim ${i + 1} duplicates claim ${first + 1} (${key})`,
        },
        { path: ['claims', i], details: { key } },
      );
    }
    seen.set(key, i);
  });
  return parsed.data;
}

/**
 * The kinds of gap the report lists (缺口类型).
 *
 * - `unclaimed` 应领未领: an item the department must claim (seed 002 art. 9, 45) is not claimed;
 * - `unknown_claim` 认领事项不在目录中: a claim names no item of the catalog version;
 * - `missing_elements` 要素缺失: a claimed item lacks mandatory elements (质检 `required`; seed 000 task 3);
 * - `no_inspection_list` 未编制检查实施清单: a claimed item has no 检查实施清单 (seed 002 art. 10, 45);
 * - `no_behaviour_this_quarter` 本季度无监管行为: no behaviour record for a claimed item in the quarter
 *   (seed 000 task 11: 每项监管事项录入监管行为数据，每季度更新).
 *
 * @example
 * const kind: GapKind = 'unclaimed';
 */
export type GapKind =
  | 'unclaimed'
  | 'unknown_claim'
  | 'missing_elements'
  | 'no_inspection_list'
  | 'no_behaviour_this_quarter';

/**
 * One gap (认领缺口): the item, what is missing, the message in Chinese and English, and the rule's source.
 *
 * @example
 * const gap: ClaimGap = report.gaps[0]!;
 */
export interface ClaimGap {
  readonly kind: GapKind;
  readonly itemKey: string;
  readonly itemCode: string;
  readonly itemName: string;
  /** For `missing_elements`: the missing fields (camelCase) and their Chinese names. */
  readonly fields?: readonly { readonly field: string; readonly zh: string }[];
  readonly message: LocalizedMessage;
  readonly source: string;
}

/**
 * The result of {@link claimGapReport}.
 *
 * @example
 * const { summary, gaps } = claimGapReport({ catalog, claims, quarter: '2025-Q2' });
 */
export interface ClaimGapReport {
  readonly department: string;
  readonly catalog: { readonly id: string; readonly version: string };
  readonly claims: { readonly id: string; readonly version: string };
  readonly quarter: Quarter;
  readonly summary: {
    readonly mustClaim: number;
    readonly claimed: number;
    readonly unclaimed: number;
    /** claimed ∩ must-claim / must-claim; 1 when nothing must be claimed. */
    readonly claimRate: number;
    readonly unknownClaims: number;
    readonly missingElements: number;
    readonly withoutInspectionList: number;
    readonly withoutBehaviour: number;
  };
  readonly gaps: readonly ClaimGap[];
}

/**
 * Input of {@link claimGapReport}.
 *
 * @example
 * const input: ClaimGapInput = { catalog, claims, inspectionLists, behaviours, quarter: '2025-Q2' };
 */
export interface ClaimGapInput {
  /** The higher-level catalog version claimed against (e.g. the provincial list). */
  readonly catalog: Catalog;
  readonly claims: ClaimSet;
  /**
   * Which catalog items the department must claim (应领): item keys, or a predicate. Default: items whose
   * `supervisionDeptCode` equals the claim list's `departmentCode`, or whose `supervisionDept` equals its
   * `department` — except items whose 事项状态 is 02 取消 (cancelled) or 03 暂停 (suspended): only items in
   * force must be claimed.
   */
  readonly mustClaim?: readonly string[] | ((item: CatalogEntry) => boolean);
  /** 检查实施清单 (core's `InspectionList` or anything with `itemCode`). Omit to skip this check. */
  readonly inspectionLists?: readonly { readonly itemCode?: unknown }[];
  /** Which claimed items need a 检查实施清单; default all (catalog items are 行政检查 items). */
  readonly requiresInspectionList?: (item: CatalogEntry) => boolean;
  /** Behaviour records (core's `BehaviourRecord`: `kind`, `itemCode`, act date). Omit to skip this check. */
  readonly behaviours?: readonly unknown[];
  /** The quarter, `YYYY-Qn`; default: the quarter of `today`. */
  readonly quarter?: string;
  /** Today's China civil date (default: now, Asia/Shanghai); also used by 质检. */
  readonly today?: string;
}

/** {@link ClaimGapInput} as far as {@link claimGapReport} reads it before its own checks. */
const claimGapInputShape = z.looseObject({
  catalog: catalogShape,
  claims: claimSetSchema,
  mustClaim: z.union([z.array(z.string()), functionShape]).optional(),
  inspectionLists: z.array(z.unknown()).optional(),
  requiresInspectionList: functionShape.optional(),
  behaviours: z.array(z.unknown()).optional(),
  quarter: z.string().optional(),
  today: z.string().optional(),
});

// 事项状态 (core code table `itemStatus`) of items nobody has to claim: 02 取消, 03 暂停.
const NOT_IN_FORCE = new Set(['02', '03']);
const inForce = (item: CatalogEntry): boolean =>
  item.status == null || !NOT_IN_FORCE.has(codeTables.lookup('itemStatus', item.status)?.code ?? '');

const SOURCES = {
  unclaimed: 'seed 002 art. 9 (及时认领), art. 45 (限期认领); seed 000 task 1',
  unknown_claim: 'SDK: a claim must name an item of the catalog version',
  missing_elements: 'seed 001 (10 elements); seed 000 task 3 (监管要素100%准确); core 质检 rule required',
  no_inspection_list: 'seed 002 art. 10 (行政检查子项编制检查实施清单), art. 45',
  no_behaviour_this_quarter: 'seed 000 task 11 (每项监管事项录入一条监管行为数据，每季度更新)',
} as const satisfies Record<GapKind, string>;

/**
 * The claim gap report (认领缺口报告) of one department against a catalog version: 应领未领, claims of unknown
 * items, claimed items missing mandatory elements (core 质检 on the catalog item merged with the department's
 * local elements), claimed items without a 检查实施清单, and claimed items with no behaviour record in the quarter
 * (China civil dates).
 *
 * @throws {CatalogError} `invalid_quarter` for a bad quarter or today.
 * @example
 * const report = claimGapReport({ catalog, claims, inspectionLists, behaviours, quarter: '2025-Q2' });
 * report.summary.claimRate; // e.g. 0.9
 * report.gaps.filter((g) => g.kind === 'unclaimed').map((g) => g.itemName);
 */
export function claimGapReport(input: ClaimGapInput): ClaimGapReport {
  requireShape(claimGapInputShape, input, ['input']);
  const { catalog, claims } = input;
  const q = input.quarter === undefined ? quarterOf(input.today) : parseQuarter(input.quarter);
  const byKey = new Map(catalog.items.map((item) => [catalogItemKey(item), item] as const));
  const must = input.mustClaim;
  const mustClaim = catalog.items.filter((item) =>
    typeof must === 'function'
      ? must(item)
      : Array.isArray(must)
        ? must.includes(catalogItemKey(item))
        : inForce(item) &&
          ((claims.departmentCode !== undefined && item.supervisionDeptCode === claims.departmentCode) ||
            item.supervisionDept === claims.department),
  );
  const claimedKeys = new Set(claims.claims.map(catalogItemKey));
  const gaps: ClaimGap[] = [];
  const gap = (kind: GapKind, item: CatalogEntry, message: LocalizedMessage, extra: Partial<ClaimGap> = {}) =>
    gaps.push({
      kind,
      itemKey: catalogItemKey(item),
      itemCode: item.itemCode,
      itemName: catalogItemName(item),
      ...extra,
      message,
      source: SOURCES[kind],
    });

  for (const item of mustClaim) {
    if (!claimedKeys.has(catalogItemKey(item))) {
      gap('unclaimed', item, {
        zh: `应领未领：${catalogItemName(item)}（${catalogItemKey(item)}）`,
        en: `must be claimed but is not: ${catalogItemKey(item)}`,
      });
    }
  }

  const listed = new Set(
    (input.inspectionLists ?? []).map((l) => (typeof l?.itemCode === 'string' ? l.itemCode : undefined)),
  );
  const active = new Set<string>();
  for (const b of input.behaviours ?? []) {
    const code = b !== null && typeof b === 'object' ? (b as { itemCode?: unknown }).itemCode : undefined;
    const date = tryBehaviourActDate(b);
    if (typeof code === 'string' && date !== undefined && date >= q.start && date <= q.end) active.add(code);
  }

  let unknownClaims = 0;
  let missingElements = 0;
  let withoutList = 0;
  let withoutBehaviour = 0;
  for (const claim of claims.claims) {
    const key = catalogItemKey(claim);
    const base = byKey.get(key);
    if (!base) {
      unknownClaims++;
      gap(
        'unknown_claim',
        { itemCode: claim.itemCode, ...(claim.subItemCode ? { subItemCode: claim.subItemCode } : {}) },
        {
          zh: `认领的事项不在目录 ${catalog.id} ${catalog.version} 中：${key}`,
          en: `claimed item not in catalog ${catalog.id} ${catalog.version}: ${key}`,
        },
      );
      continue;
    }
    const merged = { ...base, ...(claim.local ?? {}), itemCode: base.itemCode } as CatalogEntry;
    const check = qualityCheckRecord(merged, {
      recordType: 'catalogItem',
      ...(input.today === undefined ? {} : { today: input.today }),
    });
    const missing = check.issues
      .filter((i) => i.rule === 'required')
      .map((i) => ({ field: i.field, zh: i.message.zh.replace(/为必填项.*$/, '') }));
    if (missing.length > 0) {
      missingElements++;
      gap(
        'missing_elements',
        merged,
        {
          zh: `已认领但要素缺失：${missing.map((m) => m.zh).join('、')}`,
          en: `claimed but missing elements: ${missing.map((m) => m.field).join(', ')}`,
        },
        { fields: missing },
      );
    }
    const needsList = input.requiresInspectionList ? input.requiresInspectionList(merged) : true;
    if (input.inspectionLists && needsList && !listed.has(base.itemCode) && !merged.checkListCode) {
      withoutList++;
      gap('no_inspection_list', merged, {
        zh: `已认领但未编制检查实施清单：${catalogItemName(merged)}`,
        en: `claimed but has no inspection implementation list: ${key}`,
      });
    }
    if (input.behaviours && !active.has(base.itemCode)) {
      withoutBehaviour++;
      gap('no_behaviour_this_quarter', merged, {
        zh: `${q.id}（${q.start}至${q.end}）无监管行为数据：${catalogItemName(merged)}`,
        en: `no behaviour record in ${q.id} (${q.start}–${q.end}): ${key}`,
      });
    }
  }

  const claimedMust = mustClaim.filter((item) => claimedKeys.has(catalogItemKey(item))).length;
  return {
    department: claims.department,
    catalog: { id: catalog.id, version: catalog.version },
    claims: { id: claims.id, version: claims.version },
    quarter: q,
    summary: {
      mustClaim: mustClaim.length,
      claimed: claims.claims.length,
      unclaimed: mustClaim.length - claimedMust,
      claimRate: mustClaim.length === 0 ? 1 : claimedMust / mustClaim.length,
      unknownClaims,
      missingElements,
      withoutInspectionList: withoutList,
      withoutBehaviour,
    },
    gaps,
  };
}
