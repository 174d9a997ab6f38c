/**
 * Optional layers on top of the national schedule (叠加层): regional holidays and organisation closures.
 */

import type { z } from 'zod';
import { loadZod } from '#zod';
import { describeValue } from '../errors/describe.js';
import { lazySchema, materialise } from '../internal/lazy.js';
import { type CivilDate, isCivilDate } from './civil-date.js';
import { CalendarDataError } from './errors.js';
import type { HolidayArrangement, ResolvedDay } from './schedule.js';
import {
  holidayArrangementSchema,
  isTrustedData,
  resolveArrangements,
  trustData,
  zodToDataError,
} from './schedule.js';

/**
 * An optional calendar layer (叠加层): a region's own holidays (地方性节假日, e.g. 广西“三月三”) or an
 * organisation's closures. Its days override the national schedule; layers apply in the order given.
 * Dates must be written in full (`'YYYY-MM-DD'` or ranges).
 *
 * @example
 * const layer: CalendarOverlay = {
 *   id: 'office-move-2026', scope: 'organisation', name: 'Office move', nameZh: '搬迁闭馆',
 *   status: 'verified', source: 'internal notice 2026-03',
 *   arrangements: [{ key: 'office_move', name: 'Office move', nameZh: '搬迁闭馆', off: ['2026-03-16..2026-03-17'] }],
 * };
 */
export interface CalendarOverlay {
  /** Stable id, e.g. `cn-gx-sanyuesan`. */
  readonly id: string;
  /** `regional` (a province's holidays) or `organisation` (closures of one office). */
  readonly scope: 'regional' | 'organisation';
  /** Region code (GB/T 2260, 6 digits) for regional layers, e.g. `450000` for Guangxi. */
  readonly region?: string;
  readonly name: string;
  readonly nameZh: string;
  /**
   * `verified`: dates checked against the issuing notice; `illustrative`: an example of the mechanism,
   * dates from secondary sources — check the regional notice before relying on it.
   */
  readonly status: 'verified' | 'illustrative';
  /** The instrument / notices the layer comes from. */
  readonly source: string;
  readonly arrangements: readonly HolidayArrangement[];
}

function buildCalendarOverlaySchema() {
  const z = loadZod();
  return z.strictObject({
    id: z.string().min(1),
    scope: z.enum(['regional', 'organisation']),
    region: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    name: z.string().min(1),
    nameZh: z.string().min(1),
    status: z.enum(['verified', 'illustrative']),
    source: z.string().min(1),
    arrangements: z.array(materialise(holidayArrangementSchema)).min(1),
  });
}

/**
 * zod schema of a {@link CalendarOverlay}. Built on first use (zod is not loaded by importing the calendar).
 *
 * @example
 * calendarOverlaySchema.safeParse({ id: 'x' }).success; // false
 */
export const calendarOverlaySchema: ReturnType<typeof buildCalendarOverlaySchema> =
  lazySchema(buildCalendarOverlaySchema);

/**
 * Validates and resolves an overlay's days; throws {@link CalendarDataError}. The bundled layers
 * ({@link REGIONAL_OVERLAYS}) skip the zod step.
 */
export function resolveOverlay(input: unknown, path: readonly (string | number)[] = []): ResolvedDay[] {
  let overlay: z.infer<typeof calendarOverlaySchema>;
  if (isTrustedData(input)) overlay = input as z.infer<typeof calendarOverlaySchema>;
  else {
    const parsed = materialise(calendarOverlaySchema).safeParse(input);
    if (!parsed.success) throw zodToDataError(parsed.error, 'overlay', path);
    overlay = parsed.data;
  }
  return resolveArrangements(overlay.arrangements, undefined, [...path, 'arrangements'], 1);
}

/** Freezes a bundled layer (it is shared by every calendar) and marks it as validated by the tests. */
function builtIn(overlay: CalendarOverlay): CalendarOverlay {
  for (const a of overlay.arrangements) {
    Object.freeze(a.off);
    if (a.work !== undefined) Object.freeze(a.work);
    Object.freeze(a);
  }
  Object.freeze(overlay.arrangements);
  return trustData(Object.freeze(overlay));
}

/**
 * Builds an organisation-closure layer (单位自定闭馆/停止办公日): the given days are rest days for that
 * organisation only.
 *
 * @example
 * const closure = organisationClosures({ id: 'bureau-x', name: 'Server migration', nameZh: '系统迁移停办', dates: ['2026-03-16', '2026-03-17'] });
 * createCalendar({ overlays: [closure] }).isWorkday('2026-03-16'); // false
 */
export function organisationClosures(options: {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly dates: readonly CivilDate[];
  readonly source?: string;
}): CalendarOverlay {
  checkClosureOptions(options);
  if (options.dates.length === 0) {
    throw new CalendarDataError('a closure layer needs at least one date', '闭馆日列表不能为空', ['dates']);
  }
  const key =
    options.id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'closure';
  return {
    id: options.id,
    scope: 'organisation',
    name: options.name,
    nameZh: options.nameZh,
    status: 'verified',
    source: options.source ?? 'organisation notice',
    arrangements: [
      {
        key: /^[a-z]/.test(key) ? key : `closure_${key}`,
        name: options.name,
        nameZh: options.nameZh,
        off: [...options.dates],
      },
    ],
  };
}

/** The shape of {@link organisationClosures}' options, for untyped callers: a typed error, never a TypeError. */
function checkClosureOptions(options: unknown): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new CalendarDataError(
      `closure options must be an object, not ${describeValue(options)}`,
      `闭馆日选项应为对象，实际为 ${describeValue(options)}`,
      [],
    );
  const o = options as Record<string, unknown>;
  for (const field of ['id', 'name', 'nameZh'] as const)
    if (typeof o[field] !== 'string')
      throw new CalendarDataError(
        `${field} must be a string, not ${describeValue(o[field])}`,
        `${field} 应为字符串，实际为 ${describeValue(o[field])}`,
        [field],
      );
  if (o.source !== undefined && typeof o.source !== 'string')
    throw new CalendarDataError(
      `source must be a string, not ${describeValue(o.source)}`,
      `source 应为字符串，实际为 ${describeValue(o.source)}`,
      ['source'],
    );
  if (!Array.isArray(o.dates))
    throw new CalendarDataError(
      `dates must be an array of dates YYYY-MM-DD, not ${describeValue(o.dates)}`,
      `dates 应为 YYYY-MM-DD 日期数组，实际为 ${describeValue(o.dates)}`,
      ['dates'],
    );
  o.dates.forEach((d, i) => {
    if (!isCivilDate(d))
      throw new CalendarDataError(
        `dates[${i}] must be a date YYYY-MM-DD, not ${describeValue(d)}`,
        `dates[${i}] 应为 YYYY-MM-DD 日期，实际为 ${describeValue(d)}`,
        ['dates', i],
      );
  });
}

const SECONDARY =
  'dates as compiled from the regional notices by a secondary source; not checked against the notices here — verify before use';

/**
 * 广西壮族自治区“壮族三月三” (Guangxi, 2 days for every citizen of the region under 广西壮族自治区少数民族习惯节日
 * 放假办法, 令第98号, in force 2014-03-01; the dates are announced each year). Illustrative: 2024 and 2026 only.
 *
 * @example
 * createCalendar({ overlays: [GUANGXI_SANYUESAN] }).isWorkday('2024-04-11'); // false
 */
export const GUANGXI_SANYUESAN: CalendarOverlay = builtIn({
  id: 'cn-gx-sanyuesan',
  scope: 'regional',
  region: '450000',
  name: 'Zhuang Sanyuesan (Guangxi)',
  nameZh: '壮族三月三（广西）',
  status: 'illustrative',
  source: `广西壮族自治区少数民族习惯节日放假办法（令第98号）; ${SECONDARY}`,
  arrangements: [
    { key: 'sanyuesan', name: 'Zhuang Sanyuesan', nameZh: '壮族三月三', off: ['2024-04-11..2024-04-12'] },
    { key: 'sanyuesan', name: 'Zhuang Sanyuesan', nameZh: '壮族三月三', off: ['2026-04-17..2026-04-20'] },
  ],
});

/**
 * 新疆维吾尔自治区 肉孜节 (Eid al-Fitr, 1 day) and 古尔邦节 (Eid al-Adha, 3 days) with the region's 调休,
 * under the region's 少数民族习惯节日放假办法 (amended by 令第174号, 2011). Illustrative: 2024–2026.
 *
 * @example
 * createCalendar({ overlays: [XINJIANG_FESTIVALS] }).isWorkday('2025-06-09'); // false
 */
export const XINJIANG_FESTIVALS: CalendarOverlay = builtIn({
  id: 'cn-xj-festivals',
  scope: 'regional',
  region: '650000',
  name: 'Eid al-Fitr and Eid al-Adha (Xinjiang)',
  nameZh: '肉孜节、古尔邦节（新疆）',
  status: 'illustrative',
  source: `新疆维吾尔自治区少数民族习惯节日放假办法（令第174号修正）and the yearly 自治区 notices; ${SECONDARY}`,
  arrangements: [
    { key: 'eid_al_fitr', name: 'Eid al-Fitr', nameZh: '肉孜节', off: ['2024-04-10'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2024-06-17..2024-06-19'] },
    { key: 'eid_al_fitr', name: 'Eid al-Fitr', nameZh: '肉孜节', off: ['2025-03-29..2025-03-31'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2025-06-06..2025-06-10'] },
    { key: 'eid_al_fitr', name: 'Eid al-Fitr', nameZh: '肉孜节', off: ['2026-03-20..2026-03-22'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2026-05-27..2026-05-31'] },
  ],
});

/**
 * 宁夏回族自治区 开斋节 / 古尔邦节 days as set by the yearly 自治区人民政府办公厅 notices. Illustrative: 2024–2026.
 *
 * @example
 * createCalendar({ overlays: [NINGXIA_FESTIVALS] }).isWorkday('2024-06-17'); // false
 */
export const NINGXIA_FESTIVALS: CalendarOverlay = builtIn({
  id: 'cn-nx-festivals',
  scope: 'regional',
  region: '640000',
  name: 'Eid al-Fitr and Eid al-Adha (Ningxia)',
  nameZh: '开斋节、古尔邦节（宁夏）',
  status: 'illustrative',
  source: `宁夏回族自治区人民政府办公厅 yearly holiday notices; ${SECONDARY}`,
  arrangements: [
    { key: 'eid_al_fitr', name: 'Eid al-Fitr', nameZh: '开斋节', off: ['2024-04-10..2024-04-11'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2024-06-17..2024-06-18'] },
    { key: 'eid_al_fitr', name: 'Eid al-Fitr', nameZh: '开斋节', off: ['2025-03-31..2025-04-01'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2025-06-06'] },
    { key: 'eid_al_adha', name: 'Eid al-Adha', nameZh: '古尔邦节', off: ['2026-05-27..2026-05-28'] },
  ],
});

/**
 * 西藏自治区 藏历新年 (Losar). Illustrative only: a single day on the first day of the Tibetan year
 * (2025-02-28, 2026-02-18) to show the mechanism; the region and its cities publish the real days
 * (usually several, with 调休) each year — replace with the notice's days before use.
 *
 * @example
 * createCalendar({ overlays: [TIBET_LOSAR] }).isWorkday('2025-02-28'); // false
 */
export const TIBET_LOSAR: CalendarOverlay = builtIn({
  id: 'cn-xz-losar',
  scope: 'regional',
  region: '540000',
  name: 'Losar, Tibetan New Year (Tibet)',
  nameZh: '藏历新年（西藏）',
  status: 'illustrative',
  source:
    'placeholder: first day of the Tibetan year only; the regional/city notices (拉萨市 etc.) set the actual days',
  arrangements: [
    { key: 'losar', name: 'Losar', nameZh: '藏历新年', off: ['2025-02-28'] },
    { key: 'losar', name: 'Losar', nameZh: '藏历新年', off: ['2026-02-18'] },
  ],
});

/**
 * The bundled regional layers, by id. All are `illustrative` (see each one's `source`).
 *
 * @example
 * Object.keys(REGIONAL_OVERLAYS); // ['cn-gx-sanyuesan', 'cn-xj-festivals', 'cn-nx-festivals', 'cn-xz-losar']
 */
export const REGIONAL_OVERLAYS: Readonly<Record<string, CalendarOverlay>> = {
  [GUANGXI_SANYUESAN.id]: GUANGXI_SANYUESAN,
  [XINJIANG_FESTIVALS.id]: XINJIANG_FESTIVALS,
  [NINGXIA_FESTIVALS.id]: NINGXIA_FESTIVALS,
  [TIBET_LOSAR.id]: TIBET_LOSAR,
};
