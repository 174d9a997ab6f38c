import { describeValue } from '@jianguan/core';
import seedrandom from 'seedrandom';
import { SamplingInputError } from '../errors.js';
import type { DirectoryOfficer } from '../officers/types.js';
import type { DirectoryEntity } from '../plan/types.js';

/**
 * Options of {@link syntheticEntities}.
 *
 * @example
 * const o: SyntheticDirectoryOptions = { count: 1000, seed: 'demo', grades: { A: 0.6, B: 0.3, C: 0.08, D: 0.02 } };
 */
export interface SyntheticDirectoryOptions {
  readonly count: number;
  /** seedrandom seed: synthetic data is reproducible, but never part of an audited draw. */
  readonly seed: string;
  /** Grade shares (default A 60 %, B 30 %, C 8 %, D 2 %). */
  readonly grades?: Readonly<Record<string, number>>;
  readonly industries?: readonly string[];
  readonly areaCodes?: readonly string[];
}

/** The options of the synthetic generators from an untyped caller; typed errors at `options.*`. */
function checkOptions(options: unknown, arrays: readonly string[], required: readonly string[] = []): void {
  const fail = (field: string | undefined, en: string, zh: string, value: unknown): never => {
    throw new SamplingInputError(
      'invalid_options',
      {
        zh: `选项 ${field ?? 'options'} 应为${zh}，实际为 ${describeValue(value)}`,
        en: `${field === undefined ? 'options' : `options.${field}`} must be ${en}, not ${describeValue(value)}`,
      },
      { path: field === undefined ? ['options'] : ['options', field] },
    );
  };
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    fail(undefined, 'an object', '对象', options);
  const o = options as Record<string, unknown>;
  if (!Number.isSafeInteger(o.count) || (o.count as number) < 0)
    fail('count', 'a whole number ≥ 0', '非负整数', o.count);
  if (typeof o.seed !== 'string') fail('seed', 'a string', '字符串', o.seed);
  for (const key of arrays) {
    const v = o[key];
    if (v === undefined && !required.includes(key)) continue;
    if (
      !Array.isArray(v) ||
      v.some((x) => typeof x !== 'string') ||
      (required.includes(key) && v.length === 0)
    )
      fail(key, 'an array of strings', '字符串数组', v);
  }
  if (o.grades !== undefined) {
    const g = o.grades;
    if (
      g === null ||
      typeof g !== 'object' ||
      Array.isArray(g) ||
      Object.values(g).some((w) => typeof w !== 'number')
    )
      fail('grades', 'an object of grade shares', '等级占比对象', g);
  }
}

function pick<T>(rng: () => number, shares: readonly (readonly [T, number])[]): T {
  const total = shares.reduce((s, [, w]) => s + w, 0);
  let u = rng() * total;
  for (const [v, w] of shares) {
    u -= w;
    if (u < 0) return v;
  }
  return shares[shares.length - 1]![0];
}

/**
 * A reproducible synthetic entity directory (模拟名录) for tests, demos and benchmarks, yielded in id
 * (code-point) order so it can feed the streaming draw. Uses seedrandom, not tickets.
 *
 * @example
 * for (const e of syntheticEntities({ count: 3, seed: 'x' })) console.log(e.id, e.grade);
 */
export function* syntheticEntities(options: SyntheticDirectoryOptions): Generator<DirectoryEntity> {
  checkOptions(options, ['industries', 'areaCodes']);
  const rng = seedrandom(options.seed);
  const grades = Object.entries(options.grades ?? { A: 0.6, B: 0.3, C: 0.08, D: 0.02 });
  const industries = options.industries ?? ['food', 'retail', 'manufacturing', 'services'];
  const areas = options.areaCodes ?? ['330102', '330105', '330106', '330108'];
  for (let i = 0; i < options.count; i++) {
    yield {
      id: `E${String(i).padStart(10, '0')}`,
      grade: pick(rng, grades),
      industry: industries[Math.floor(rng() * industries.length)]!,
      areaCode: areas[Math.floor(rng() * areas.length)]!,
    };
  }
}

/**
 * A reproducible synthetic officer directory, some with expired certificates, some auxiliaries, some with
 * declared conflicts.
 *
 * @example
 * const officers = syntheticOfficers({ count: 20, seed: 'x', departments: ['SAMR', 'EPB'], entityIds: ['E1'] });
 */
export function syntheticOfficers(options: {
  readonly count: number;
  readonly seed: string;
  readonly departments: readonly string[];
  readonly expertise?: readonly string[];
  readonly entityIds?: readonly string[];
}): DirectoryOfficer[] {
  checkOptions(options, ['departments', 'expertise', 'entityIds'], ['departments']);
  const rng = seedrandom(options.seed);
  const expertise = options.expertise ?? ['food', 'drugs', 'equipment'];
  const out: DirectoryOfficer[] = [];
  for (let i = 0; i < options.count; i++) {
    const r = rng();
    const conflicts =
      options.entityIds !== undefined && options.entityIds.length > 0 && rng() < 0.3
        ? [options.entityIds[Math.floor(rng() * options.entityIds.length)]!]
        : [];
    out.push({
      id: `O${String(i).padStart(4, '0')}`,
      department: options.departments[Math.floor(rng() * options.departments.length)]!,
      ...(r < 0.1 ? { kind: 'auxiliary' } : {}),
      ...(r < 0.15 && r >= 0.1
        ? {}
        : {
            certificate: {
              number: `C${i}`,
              validFrom: '2024-01-01',
              validUntil: rng() < 0.15 ? '2025-12-31' : '2029-12-31',
            },
          }),
      expertise: expertise.filter(() => rng() < 0.4),
      conflicts,
    });
  }
  return out;
}
