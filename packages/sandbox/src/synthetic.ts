import { chinaToday, describeValue, isCivilDate } from '@jianguan/core';
import { ClientOptionsError, encodeSuperviseData } from '@jianguan/provincial-client';
import seedrandom from 'seedrandom';
import { functionArg, syntheticArgs } from './arguments.js';
import { makeUscc } from './records.js';

const DOMAINS = ['10', '20', '30', '40', '50', '60', '70', '80'];
const AREAS = ['330102', '330106', '330108', '330110', '440103', '370102', '320102', '420102'];
const NAMES = [
  '杭州某餐饮有限公司',
  '广州某药房',
  '济南某建材厂',
  '南京某超市',
  '武汉某物流公司',
  '宁波某化工厂',
  '深圳某科技有限公司',
  '青岛某食品厂',
];
const TITLES = [
  '食品抽检不合格',
  '药品经营异常',
  '特种设备超期未检',
  '环保排放超标',
  '投诉集中',
  '经营异常名录',
  '严重违法失信',
  '价格异常波动',
];

function pick<T>(rng: seedrandom.PRNG, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function day(rng: seedrandom.PRNG, base: number, spread: number): string {
  return new Date(base + Math.floor(rng() * spread) * 86_400_000).toISOString().slice(0, 10);
}

/** Synthetic items are dated in the {@link SPAN_DAYS} days before the base date. */
const SPAN_DAYS = 300;

/**
 * Options of the synthetic clue, complaint and joint-task generators.
 *
 * @example
 * const o: SyntheticDataOptions = { baseDate: '2025-11-01' };
 */
export interface SyntheticDataOptions {
  /**
   * Items are dated in the 300 days before this civil date ('YYYY-MM-DD'): from `baseDate` − 300 days to
   * `baseDate` − 1 day. Default: today in China.
   */
  readonly baseDate?: string;
  /**
   * The civil date of item `index`, overriding the 300-day window (the sandbox dates items released over time on
   * the day they arrive).
   */
  readonly dateOf?: (index: number) => string;
}

/** Epoch ms (UTC midnight) of the first day of the window. */
function windowStart(options: SyntheticDataOptions): number {
  const base = options.baseDate ?? chinaToday();
  if (typeof base !== 'string' || !isCivilDate(base)) {
    throw new ClientOptionsError(
      { zh: 'baseDate 须为 YYYY-MM-DD 日期', en: 'baseDate must be a civil date YYYY-MM-DD' },
      { baseDate: describeValue(base) },
    );
  }
  return Date.parse(`${base}T00:00:00Z`) - SPAN_DAYS * 86_400_000;
}

/**
 * The synthetic risk-warning clues of a seed (风险预警线索), in delivery order, dated in the 300 days before
 * `baseDate`.
 *
 * @example
 * syntheticClues('demo', 10, { baseDate: '2025-11-01' })[0]?.warningId; // 'FXYJ00000001'
 */
export function syntheticClues(
  seed: string,
  count: number,
  options: SyntheticDataOptions = {},
): Record<string, unknown>[] {
  syntheticArgs(seed, count, options);
  if (options?.dateOf !== undefined) functionArg(options.dateOf, ['options', 'dateOf']);
  const start = windowStart(options);
  const rng = seedrandom(`${seed}:clues`);
  return Array.from({ length: count }, (_, i) => {
    const drawn = day(rng, start, SPAN_DAYS);
    const d = options.dateOf?.(i) ?? drawn;
    return {
      warningId: `FXYJ${String(i + 1).padStart(8, '0')}`,
      domain: pick(rng, DOMAINS),
      title: pick(rng, TITLES),
      level: String(1 + Math.floor(rng() * 3)),
      riskObject: pick(rng, NAMES),
      areaCode: pick(rng, AREAS),
      createdAt: `${d}T0${Math.floor(rng() * 9)}:00:00+08:00`,
      source: '01',
      ruleId: `R${1 + Math.floor(rng() * 40)}`,
    };
  });
}

/**
 * The synthetic complaint work orders of a seed (投诉举报工单), received in the 300 days before `baseDate`.
 *
 * @example
 * syntheticComplaints('demo', 5, { baseDate: '2025-11-01' }).length; // 5
 */
export function syntheticComplaints(
  seed: string,
  count: number,
  options: SyntheticDataOptions = {},
): Record<string, unknown>[] {
  syntheticArgs(seed, count, options);
  if (options?.dateOf !== undefined) functionArg(options.dateOf, ['options', 'dateOf']);
  const start = windowStart(options);
  const rng = seedrandom(`${seed}:complaints`);
  return Array.from({ length: count }, (_, i) => {
    const category = rng() < 0.7 ? '投诉' : '举报';
    const complaintObject = pick(rng, NAMES);
    const complaintType = String(1 + Math.floor(rng() * 15)).padStart(2, '0');
    const complaintTerritory = pick(rng, AREAS);
    const drawn = day(rng, start, SPAN_DAYS);
    return {
      complaintId: `TS${String(i + 1).padStart(8, '0')}`,
      category,
      complaintObject,
      complaintType,
      complaintTerritory,
      receivedDate: options.dateOf?.(i) ?? drawn,
      complaintDetail: `${pick(rng, TITLES)}，请核查处理`,
      status: '1',
    };
  });
}

/**
 * The synthetic joint-supervision tasks of a seed (联合监管任务), with their base64 XML, starting in the 300
 * days before `baseDate`.
 *
 * @example
 * decodeSuperviseData(syntheticJointTasks('demo', 1, { baseDate: '2025-11-01' })[0]!.superviseData).taskInfo.taskNo; // 'lhjg000001'
 */
export function syntheticJointTasks(
  seed: string,
  count: number,
  options: SyntheticDataOptions = {},
): { taskNo: string; status: string; superviseData: string }[] {
  syntheticArgs(seed, count, options);
  if (options?.dateOf !== undefined) functionArg(options.dateOf, ['options', 'dateOf']);
  const start = windowStart(options);
  const rng = seedrandom(`${seed}:tasks`);
  const dated = (drawn: string, i: number) => options.dateOf?.(i) ?? drawn;
  return Array.from({ length: count }, (_, i) => {
    const taskNo = `lhjg${String(i + 1).padStart(6, '0')}`;
    const objectName = pick(rng, NAMES);
    return {
      taskNo,
      status: '分发',
      superviseData: encodeSuperviseData({
        taskInfo: {
          taskNo,
          taskName: `${pick(rng, TITLES)}联合检查`,
          taskStartTime: `${dated(day(rng, start, SPAN_DAYS), i)} 09:00:00`,
          status: '分发',
          initiateUnitNo: '330000000000',
          initiateUnitName: '省市场监督管理局',
          initiateUnitType: 'dept',
          unionRegionNo: pick(rng, AREAS),
          supervisionMatterCode: String(10_000_000_000_000 + Math.floor(rng() * 89_999_999_999_999)),
          inspectContent: '现场检查经营情况',
          superviseObjects: [
            {
              superviseObjectType: '1',
              superviseObjectName: objectName,
              credentialsType: '001',
              basisData: {
                riskWarning: {
                  riskObject: objectName,
                  fxyjId: `FXYJ${String(i + 1).padStart(8, '0')}`,
                  domain: pick(rng, DOMAINS),
                  level: '2',
                },
              },
            },
          ],
        },
      }),
    };
  });
}

const DEPARTMENTS = ['县卫生健康局', '县教育局', '县住房和城乡建设局', '县应急管理局', '县文化广电旅游局'];
const LICENSE_ITEMS = [
  '食品经营许可',
  '公共场所卫生许可',
  '民办培训机构办学许可',
  '建筑业企业资质',
  '危险化学品经营许可',
];
const SCOPES = ['餐饮服务', '住宿服务', '教育培训', '建筑工程施工', '化工产品销售'];

/** A date `days` calendar days after `date`. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The synthetic 双告知 items of a seed (登记推送的后置审批事项), in delivery order: most routed automatically to
 * an approving department, some manually, about one in ten failed (no department: the item starts 待分配).
 *
 * @example
 * syntheticDoubleNotifications('demo', 3, { baseDate: '2025-11-01' })[0]?.itemId; // 'SGZ00000001'
 */
export function syntheticDoubleNotifications(
  seed: string,
  count: number,
  options: SyntheticDataOptions = {},
): Record<string, unknown>[] {
  syntheticArgs(seed, count, options);
  if (options?.dateOf !== undefined) functionArg(options.dateOf, ['options', 'dateOf']);
  const start = windowStart(options);
  const rng = seedrandom(`${seed}:double-notifications`);
  return Array.from({ length: count }, (_, i) => {
    const drawn = day(rng, start, SPAN_DAYS);
    const d = options.dateOf?.(i) ?? drawn;
    const kind = Math.floor(rng() * LICENSE_ITEMS.length);
    const r = rng();
    const routing = r < 0.8 ? 'auto' : r < 0.9 ? 'manual' : 'failed';
    return {
      itemId: `SGZ${String(i + 1).padStart(8, '0')}`,
      entityName: pick(rng, NAMES),
      uscc: makeUscc(pick(rng, AREAS), String(10_000_000 + Math.floor(rng() * 89_999_999))),
      registrationAuthority: '县市场监督管理局',
      establishedAt: plusDays(d, -1),
      businessScope: SCOPES[kind]!,
      licenseItem: LICENSE_ITEMS[kind]!,
      routing,
      ...(routing === 'failed' ? {} : { department: DEPARTMENTS[kind]! }),
      pushedAt: `${d}T09:00:00+08:00`,
    };
  });
}

/**
 * The synthetic 告知承诺 commitments of a seed to verify (待核查的告知承诺), in delivery order: made a few days
 * before they are pushed, due 20–60 days after.
 *
 * @example
 * syntheticCommitments('demo', 2, { baseDate: '2025-11-01' })[0]?.type; // 'notify_commit'
 */
export function syntheticCommitments(
  seed: string,
  count: number,
  options: SyntheticDataOptions = {},
): Record<string, unknown>[] {
  syntheticArgs(seed, count, options);
  if (options?.dateOf !== undefined) functionArg(options.dateOf, ['options', 'dateOf']);
  const start = windowStart(options);
  const rng = seedrandom(`${seed}:commitments`);
  return Array.from({ length: count }, (_, i) => {
    const drawn = day(rng, start, SPAN_DAYS);
    const d = options.dateOf?.(i) ?? drawn;
    const kind = Math.floor(rng() * LICENSE_ITEMS.length);
    return {
      id: `CN${String(i + 1).padStart(8, '0')}`,
      entityId: makeUscc(pick(rng, AREAS), String(10_000_000 + Math.floor(rng() * 89_999_999))),
      entityName: pick(rng, NAMES),
      type: 'notify_commit',
      item: LICENSE_ITEMS[kind]!,
      content: `承诺在期限内具备${LICENSE_ITEMS[kind]!}所需条件`,
      madeAt: plusDays(d, -(1 + Math.floor(rng() * 5))),
      deadline: plusDays(d, 20 + Math.floor(rng() * 41)),
      verificationStandard: '现场核查经营条件与承诺内容一致',
      responsibleUnit: '县市场监督管理局',
      pushedAt: `${d}T09:00:00+08:00`,
    };
  });
}
