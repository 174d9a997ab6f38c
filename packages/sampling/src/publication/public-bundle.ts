import { createHash, randomBytes } from 'node:crypto';
import type { LocalizedMessage } from '@jianguan/core';
import { isRecord } from '@jianguan/core';
import { ARRAY, badInput, OBJECT, requireRules } from '../boundary.js';
import { commitPopulation, drawTask, sampleSizeFor } from '../draw/draw-task.js';
import { compareCodePoints } from '../draw/order.js';
import { SamplingInputError } from '../errors.js';
import { compileExclusions, compileStrata } from '../plan/frame.js';
import type { DirectoryEntity, SpotCheckTask, StratumSpec } from '../plan/types.js';
import { digestOf } from '../record/canonical.js';
import type { DerivedFrom, DrawRecord, PopulationCommitment, Supersedes } from '../record/types.js';
import { verifyDraw } from '../record/verify.js';
import { DEFAULT_SAMPLING_RULES, type SamplingRules } from '../rules/sampling-rules.js';

/**
 * Options of {@link publicFrame} and {@link publishDraw}.
 *
 * @example
 * const options: PublishDrawOptions = { salt: auditSalt, secretAttributes: ['grade', 'riskLevel'] };
 */
export interface PublishDrawOptions {
  /**
   * Public label of each internal stratum key. Default `S1`…`Sn` in the order of the strata's population
   * digests (fixed by the frame before the seed, unrelated to the grade order).
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** The entity attribute that carries the public label (default `'stratum'`, under `attributes`). */
  readonly attribute?: string;
  /**
   * Attributes whose values must never appear in the bundle (default `['grade', 'riskLevel']`): their values
   * in the population and in the task's filters, and the keys of strata filtered on them, are refused anywhere.
   */
  readonly secretAttributes?: readonly string[];
  /** Secret for the {@link DerivedFrom} binding; default 16 random bytes (hex). Keep it with the internal record. */
  readonly salt?: string;
  /** A public redraw: the previous public record's digest and a publishable reason. */
  readonly supersedes?: Supersedes;
}

/**
 * The public verification frame of a task (公开核验名录): a neutral task (strata `S1`…`Sn` on the attribute
 * `stratum`, each with an explicit `count`, no exclusions), the eligible entities reduced to
 * `{ id, attributes: { stratum } }` sorted by id, and its commitment — computable, and publishable, before the
 * seed is drawn.
 *
 * @example
 * const frame: PublicFrame = publicFrame(task, directory);
 * publish(frame.commitment); // before the seed ceremony
 */
export interface PublicFrame {
  readonly task: SpotCheckTask;
  readonly population: readonly DirectoryEntity[];
  readonly commitment: PopulationCommitment;
  /** Internal stratum key → public label (keep it internal). */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A public verification bundle (公开核验包): a valid {@link DrawRecord} and population that `verifyDraw` and
 * `jianguan verify` accept unchanged, with no grade anywhere, plus the salt of its {@link DerivedFrom}
 * binding (secret: store it with the internal record, never publish it).
 *
 * @example
 * const { record, population, salt } = publishDraw(internalRecord, directory);
 */
export interface PublicDrawBundle {
  readonly record: DrawRecord;
  readonly population: readonly DirectoryEntity[];
  readonly salt: string;
}

/**
 * One problem found by {@link checkPublicBundle} (公开核验包核对不一致项).
 *
 * @example
 * const m: PublicBundleMismatch = { code: 'binding', path: ['derivedFrom', 'binding'], message: { zh: '…', en: '…' } };
 */
export interface PublicBundleMismatch {
  readonly code: 'internal_record' | 'public_record' | 'binding' | 'correspondence' | 'leak';
  readonly path: readonly (string | number)[];
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly message: LocalizedMessage;
}

/**
 * The outcome of {@link checkPublicBundle}.
 *
 * @example
 * const c: PublicBundleCheck = checkPublicBundle(internalRecord, directory, bundle, salt);
 */
export interface PublicBundleCheck {
  readonly ok: boolean;
  readonly mismatches: readonly PublicBundleMismatch[];
}

const DEFAULT_SECRET_ATTRIBUTES = ['grade', 'riskLevel'] as const;
const DERIVED_SCHEME = 'sha256-salted/1' as const;

function bindingOf(salt: string, recordDigest: string): string {
  return createHash('sha256').update(`${salt}\n${recordDigest}`, 'utf8').digest('hex');
}

function secretValueOf(entity: DirectoryEntity, name: string): string | undefined {
  if (name === 'grade' || name === 'riskLevel' || name === 'industry' || name === 'areaCode') {
    return entity[name];
  }
  if (name === 'status') return entity.status;
  return entity.attributes?.[name];
}

/** Every value the bundle must not contain: secret attribute values and keys of strata filtered on them. */
function forbiddenValues(
  task: SpotCheckTask,
  population: readonly DirectoryEntity[],
  secret: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const e of population) {
    for (const name of secret) {
      const v = e === null || typeof e !== 'object' ? undefined : secretValueOf(e, name);
      if (v !== undefined) out.add(v);
    }
  }
  for (const s of task.strata) {
    let secretStratum = false;
    for (const name of secret) {
      const values = s.where[name];
      if (values === undefined) continue;
      secretStratum = true;
      for (const v of values) out.add(v);
    }
    if (secretStratum) out.add(s.key);
  }
  return out;
}

function ensureArray(population: readonly DirectoryEntity[]): void {
  if (!Array.isArray(population)) {
    throw new SamplingInputError(
      'invalid_population',
      { zh: '名录必须是数组', en: 'the population must be an array' },
      { path: ['population'] },
    );
  }
}

/**
 * Builds the public verification frame of `task` over `population` (公开核验名录): the same eligible ids per
 * stratum as the internal frame (after every exclusion), each stratum relabelled and given its sample size as
 * an explicit `count`. Publish its `commitment` before the seed ceremony; {@link publishDraw} after the draw
 * yields a record with exactly this commitment.
 *
 * @example
 * const frame = publicFrame(task, directory);
 * frame.task.strata; // [{ key: 'S1', where: { stratum: ['S1'] }, count: 12 }, …]
 * frame.population[0]; // { id: '9133…', attributes: { stratum: 'S3' } }
 */
export function publicFrame(
  task: SpotCheckTask,
  population: readonly DirectoryEntity[],
  options: PublishDrawOptions & { readonly rules?: SamplingRules } = {},
): PublicFrame {
  ensureArray(population);
  if (!isRecord(options as unknown)) badInput('invalid_options', ['options'], OBJECT, options);
  if (options.rules !== undefined) requireRules(options.rules, ['options', 'rules']);
  const given = options.labels;
  if (given !== undefined && !isRecord(given))
    badInput('invalid_labels', ['options', 'labels'], OBJECT, given);
  const rules = options.rules ?? DEFAULT_SAMPLING_RULES;
  const internal = commitPopulation(task, population, rules); // validates the task and the ids
  const attribute = options.attribute ?? 'stratum';
  if (typeof attribute !== 'string' || attribute === '' || attribute === 'id') {
    throw new SamplingInputError(
      'invalid_option',
      { zh: '公开分层属性名无效', en: 'invalid public stratum attribute name' },
      { path: ['attribute'] },
    );
  }
  const order = [...internal.strata].sort(
    (a, b) => compareCodePoints(a.populationDigest, b.populationDigest) || compareCodePoints(a.key, b.key),
  );
  const labels: Record<string, string> = {};
  order.forEach((s, i) => {
    labels[s.key] =
      (given !== undefined && Object.hasOwn(given, s.key) ? given[s.key] : undefined) ?? `S${i + 1}`;
  });
  const used = new Set(Object.values(labels));
  if (used.size !== order.length || [...used].some((l) => typeof l !== 'string' || l === '')) {
    throw new SamplingInputError(
      'invalid_labels',
      { zh: '公开分层标签必须非空且互不相同', en: 'public stratum labels must be non-empty and distinct' },
      { path: ['labels'], details: { labels } },
    );
  }
  const specs = new Map(task.strata.map((s) => [s.key, s]));
  const strata: StratumSpec[] = order.map((c) => {
    const label = labels[c.key]!;
    return {
      key: label,
      where: { [attribute]: [label] },
      count: sampleSizeFor(specs.get(c.key)!, c.populationSize, rules),
    };
  });
  const publicTask: SpotCheckTask = {
    id: task.id,
    ...(task.planId === undefined ? {} : { planId: task.planId }),
    department: task.department,
    ...(task.participants === undefined ? {} : { participants: [...task.participants] }),
    items: [...task.items],
    asOf: task.asOf,
    ...(task.inspectionStart === undefined ? {} : { inspectionStart: task.inspectionStart }),
    ...(task.inspectionEnd === undefined ? {} : { inspectionEnd: task.inspectionEnd }),
    strata,
    // Public entities carry no status; only if the rules exclude 'active' must that be switched off.
    ...(rules.excludedStatuses.includes('active') ? { exclusions: { excludedStatuses: [] } } : {}),
  };
  const stratumOf = compileStrata(task);
  const exclusion = compileExclusions(task, rules);
  const entities: DirectoryEntity[] = [];
  for (const e of population) {
    const spec = stratumOf(e);
    if (spec === undefined || exclusion(spec, e) !== undefined) continue;
    entities.push({ id: e.id, attributes: { [attribute]: labels[spec.key]! } });
  }
  entities.sort((a, b) => compareCodePoints(a.id, b.id));
  const commitment = commitPopulation(publicTask, entities, rules);
  return { task: publicTask, population: entities, commitment, labels };
}

/**
 * Makes the public verification bundle of a draw (公开核验包): the internal record (strata by credit grade,
 * exclusions on inspection history) becomes a record over a neutral frame — strata `S1`…`Sn`, explicit
 * sample sizes, the already-eligible entities as `{ id, attributes: { stratum } }` — with the same seed and
 * therefore the same picks, tickets and ranks (tickets depend only on the seed and the id). `verifyDraw` and
 * `jianguan verify` accept it unchanged. Throws if `population` is not the one the record was drawn from, or
 * if any grade value, secret stratum key or non-allow-listed field would appear in the bundle
 * ({@link assertPublicBundle}).
 *
 * @example
 * const { record, population, salt } = publishDraw(internalRecord, directory);
 * verifyDraw(record, population).ok; // true — publish these two; keep internalRecord and salt for auditors
 */
export function publishDraw(
  record: DrawRecord,
  population: readonly DirectoryEntity[],
  options: PublishDrawOptions = {},
): PublicDrawBundle {
  ensureArray(population);
  if (record === null || typeof record !== 'object' || typeof record.recordDigest !== 'string') {
    throw new SamplingInputError(
      'invalid_record',
      { zh: '不是抽查记录', en: 'not a draw record' },
      { path: ['record'] },
    );
  }
  const frame = publicFrame(record.task, population, { ...options, rules: record.rules });
  for (const s of record.commitment.strata) {
    const label = frame.labels[s.key];
    const pub = frame.commitment.strata.find((p) => p.key === label);
    if (pub === undefined || pub.populationDigest !== s.populationDigest) {
      throw new SamplingInputError(
        'record_population_mismatch',
        {
          zh: `名录与抽查记录不一致（分层 ${s.key}）`,
          en: `the population is not the one the record was drawn from (stratum ${s.key})`,
        },
        { path: ['population'] },
      );
    }
  }
  const drawn = drawTask(frame.task, frame.population, {
    seed: record.seed,
    commitment: frame.commitment,
    rules: record.rules,
    ...(record.createdAt === undefined ? {} : { createdAt: record.createdAt }),
    ...(options.supersedes === undefined ? {} : { supersedes: options.supersedes }),
  });
  for (const s of record.strata) {
    const pub = drawn.strata.find((p) => p.key === frame.labels[s.key]);
    const same =
      pub !== undefined &&
      pub.picks.length === s.picks.length &&
      pub.picks.every((p, i) => {
        const q = s.picks[i]!;
        return p.id === q.id && p.ticket === q.ticket && p.rank === q.rank;
      });
    if (!same) {
      throw new SamplingInputError(
        'record_population_mismatch',
        {
          zh: `公开核验包的抽取结果与内部记录不一致（分层 ${s.key}）`,
          en: `the public draw differs from the internal record (stratum ${s.key})`,
        },
        { path: ['record', 'strata'] },
      );
    }
  }
  const salt = options.salt ?? randomBytes(16).toString('hex');
  if (typeof salt !== 'string' || salt.length < 16) {
    throw new SamplingInputError(
      'invalid_option',
      { zh: 'salt 至少 16 个字符', en: 'the salt must have at least 16 characters' },
      { path: ['salt'] },
    );
  }
  const { recordDigest: _drop, ...body } = drawn;
  const derivedFrom: DerivedFrom = { scheme: DERIVED_SCHEME, binding: bindingOf(salt, record.recordDigest) };
  const withLink = { ...body, derivedFrom };
  const publicRecord = { ...withLink, recordDigest: digestOf(withLink) } as DrawRecord;
  const bundle = { record: publicRecord, population: frame.population };
  assertPublicBundle(bundle, {
    forbidden: forbiddenValues(
      record.task,
      population,
      options.secretAttributes ?? DEFAULT_SECRET_ATTRIBUTES,
    ),
    attribute: options.attribute ?? 'stratum',
  });
  return { ...bundle, salt };
}

/** Keys allowed anywhere in a public record (outside `rules.sources`, whose keys are rule names). */
const RECORD_KEYS = new Set([
  'format',
  'algorithm',
  'id',
  'version',
  'reference',
  'rules',
  'minOfficers',
  'publicationWorkdays',
  'defaultRounding',
  'excludedStatuses',
  'forbiddenOfficerKinds',
  'sources',
  'ref',
  'status',
  'task',
  'planId',
  'department',
  'participants',
  'items',
  'asOf',
  'inspectionStart',
  'inspectionEnd',
  'strata',
  'key',
  'where',
  'count',
  'exclusions',
  'commitment',
  'taskId',
  'populationSize',
  'populationDigest',
  'excluded',
  'excludedDigest',
  'unmatched',
  'commitmentDigest',
  'seed',
  'sampleSize',
  'picks',
  'ticket',
  'rank',
  'createdAt',
  'supersedes',
  'recordDigest',
  'reason',
  'derivedFrom',
  'scheme',
  'binding',
]);

/**
 * Options of {@link assertPublicBundle}.
 *
 * @example
 * const options: PublicBundleGuard = { forbidden: new Set(['A', 'B', 'C', 'D']) };
 */
export interface PublicBundleGuard {
  /** String values that must appear nowhere (as a value or a key), e.g. every grade. */
  readonly forbidden: ReadonlySet<string>;
  /** The public stratum attribute (default `'stratum'`). */
  readonly attribute?: string;
}

function leak(path: readonly (string | number)[], what: string): SamplingInputError {
  return new SamplingInputError(
    'internal_field_in_bundle',
    {
      zh: `公开核验包含非公开内容：${path.join('.')}（${what}）`,
      en: `the public bundle contains internal data at ${path.join('.')} (${what})`,
    },
    { path: [...path] },
  );
}

/**
 * The runtime guard of a public bundle (公开核验包检查): every key of the record is on the public allow-list
 * (plus the stratum attribute), every population entity is exactly `{ id, attributes: { <attribute> } }`,
 * and no forbidden value (a grade, a secret stratum key) appears anywhere as a string value or key. Throws
 * `SamplingInputError('internal_field_in_bundle')` naming the path.
 *
 * @example
 * assertPublicBundle({ record, population }, { forbidden: new Set(['A', 'B', 'C', 'D']) });
 */
export function assertPublicBundle(
  bundle: { readonly record: DrawRecord; readonly population: readonly DirectoryEntity[] },
  guard: PublicBundleGuard,
): void {
  if (!isRecord(bundle)) badInput('invalid_bundle', ['bundle'], OBJECT, bundle);
  if (!Array.isArray(bundle.population))
    badInput('invalid_bundle', ['bundle', 'population'], ARRAY, bundle.population);
  if (!isRecord(guard) || !(guard.forbidden instanceof Set))
    badInput(
      'invalid_options',
      ['guard'],
      { en: 'a guard { forbidden: Set }', zh: '防泄漏配置 { forbidden: Set }' },
      guard,
    );
  if (guard.attribute !== undefined && typeof guard.attribute !== 'string')
    badInput('invalid_options', ['guard', 'attribute'], { en: 'a string', zh: '字符串' }, guard.attribute);
  const attribute = guard.attribute ?? 'stratum';
  const walk = (value: unknown, path: (string | number)[], freeKeys: boolean): void => {
    if (typeof value === 'string') {
      if (guard.forbidden.has(value)) throw leak(path, 'a secret value');
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, [...path, i], false);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (guard.forbidden.has(k)) throw leak([...path, k], 'a secret value as a key');
        if (!freeKeys && !RECORD_KEYS.has(k) && k !== attribute)
          throw leak([...path, k], 'a field not allowed');
        const isSources = path.length === 1 && path[0] === 'rules' && k === 'sources';
        walk(v, [...path, k], isSources);
      }
    }
  };
  walk(bundle.record, ['record'], false);
  // `rules.sources` keys are rule names: checked above against the forbidden values, not the allow-list.
  bundle.population.forEach((e, i) => {
    const path = ['population', i];
    const keys = Object.keys(e);
    if (keys.some((k) => k !== 'id' && k !== 'attributes')) {
      throw leak([...path, keys.find((k) => k !== 'id' && k !== 'attributes')!], 'a field not allowed');
    }
    const attrs = Object.keys(e.attributes ?? {});
    if (attrs.some((k) => k !== attribute)) {
      throw leak([...path, 'attributes', attrs.find((k) => k !== attribute)!], 'a field not allowed');
    }
    walk(e.id, [...path, 'id'], false);
    walk(e.attributes?.[attribute], [...path, 'attributes', attribute], false);
  });
}

/**
 * The auditor's check (授权审计核对) that a public bundle corresponds to the internal record: both verify
 * against their populations, the salted {@link DerivedFrom} binding matches the internal record's digest,
 * seed and task agree, and every public stratum is an internal stratum relabelled — same frame digest, size,
 * sample size, picks, tickets and ranks. Also re-runs the leak guard. Never throws on a tampered bundle.
 *
 * @example
 * checkPublicBundle(internalRecord, directory, { record, population }, salt).ok; // true
 */
export function checkPublicBundle(
  internalRecord: DrawRecord,
  internalPopulation: readonly DirectoryEntity[],
  bundle: { readonly record: DrawRecord; readonly population: readonly DirectoryEntity[] },
  salt: string,
  options: Pick<PublishDrawOptions, 'attribute' | 'secretAttributes'> = {},
): PublicBundleCheck {
  const mismatches: PublicBundleMismatch[] = [];
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) {
    mismatches.push({
      code: 'public_record',
      path: [],
      actual: bundle === null ? null : Array.isArray(bundle) ? 'array' : typeof bundle,
      message: {
        zh: '公开包必须是含 record 和 population 的对象',
        en: 'the bundle must be an object with record and population',
      },
    });
    return { ok: false, mismatches };
  }
  if (typeof salt !== 'string') {
    mismatches.push({
      code: 'binding',
      path: ['salt'],
      actual: salt === null ? null : typeof salt,
      message: { zh: '盐值必须是字符串', en: 'the salt must be a string' },
    });
    return { ok: false, mismatches };
  }
  try {
    return checkBundle(internalRecord, internalPopulation, bundle, salt, options ?? {}, mismatches);
  } catch (error) {
    // A last guard: the promise is a structured result for any input.
    mismatches.push({
      code: 'public_record',
      path: [],
      actual: error instanceof Error ? error.message : typeof error,
      message: { zh: '无法核对该公开包', en: 'the bundle could not be checked' },
    });
    return { ok: false, mismatches };
  }
}

function checkBundle(
  internalRecord: DrawRecord,
  internalPopulation: readonly DirectoryEntity[],
  bundle: { readonly record: DrawRecord; readonly population: readonly DirectoryEntity[] },
  salt: string,
  options: Pick<PublishDrawOptions, 'attribute' | 'secretAttributes'>,
  mismatches: PublicBundleMismatch[],
): PublicBundleCheck {
  const internal = verifyDraw(internalRecord, internalPopulation);
  if (!internal.ok) {
    mismatches.push({
      code: 'internal_record',
      path: ['internal'],
      actual: internal.mismatches.map((m) => m.code),
      message: { zh: '内部记录核验未通过', en: 'the internal record does not verify' },
    });
  }
  const pub = verifyDraw(bundle.record, bundle.population as DirectoryEntity[]);
  if (!pub.ok) {
    mismatches.push({
      code: 'public_record',
      path: ['record'],
      actual: pub.mismatches.map((m) => m.code),
      message: { zh: '公开记录核验未通过', en: 'the public record does not verify' },
    });
  }
  const expected = bindingOf(salt, internalRecord?.recordDigest ?? '');
  if (
    bundle.record?.derivedFrom?.binding !== expected ||
    bundle.record.derivedFrom.scheme !== DERIVED_SCHEME
  ) {
    mismatches.push({
      code: 'binding',
      path: ['record', 'derivedFrom'],
      expected,
      actual: bundle.record?.derivedFrom?.binding,
      message: {
        zh: '公开记录未指向该内部记录',
        en: 'the public record is not bound to this internal record',
      },
    });
  }
  if (internal.ok && pub.ok) {
    const same = (field: 'seed' | 'createdAt'): void => {
      if (internalRecord[field] !== bundle.record[field]) {
        mismatches.push({
          code: 'correspondence',
          path: ['record', field],
          expected: internalRecord[field],
          actual: bundle.record[field],
          message: { zh: `${field} 不一致`, en: `${field} differs` },
        });
      }
    };
    same('seed');
    same('createdAt');
    for (const field of ['id', 'department', 'asOf'] as const) {
      if (internalRecord.task[field] !== bundle.record.task[field]) {
        mismatches.push({
          code: 'correspondence',
          path: ['record', 'task', field],
          expected: internalRecord.task[field],
          actual: bundle.record.task[field],
          message: { zh: `任务 ${field} 不一致`, en: `task ${field} differs` },
        });
      }
    }
    // Every internal stratum must match a distinct public stratum with the same frame and picks.
    const signature = (i: number, r: DrawRecord): string =>
      JSON.stringify([
        r.commitment.strata[i]?.populationDigest,
        r.strata[i]?.populationSize,
        r.strata[i]?.sampleSize,
        r.strata[i]?.picks.map((p) => [p.id, p.ticket, p.rank]),
      ]);
    const available = new Map<string, number>();
    bundle.record.strata.forEach((_, i) => {
      const s = signature(i, bundle.record);
      available.set(s, (available.get(s) ?? 0) + 1);
    });
    internalRecord.strata.forEach((st, i) => {
      const s = signature(i, internalRecord);
      const n = available.get(s) ?? 0;
      if (n === 0) {
        mismatches.push({
          code: 'correspondence',
          path: ['internal', 'strata', i],
          message: {
            zh: `内部分层 ${st.key} 在公开记录中没有对应分层`,
            en: `internal stratum ${st.key} has no matching public stratum`,
          },
        });
      } else available.set(s, n - 1);
    });
    if (bundle.record.strata.length !== internalRecord.strata.length) {
      mismatches.push({
        code: 'correspondence',
        path: ['record', 'strata'],
        expected: internalRecord.strata.length,
        actual: bundle.record.strata.length,
        message: { zh: '分层数量不一致', en: 'the number of strata differs' },
      });
    }
  }
  try {
    assertPublicBundle(bundle, {
      forbidden: forbiddenValues(
        internalRecord.task,
        internalPopulation,
        options.secretAttributes ?? DEFAULT_SECRET_ATTRIBUTES,
      ),
      attribute: options.attribute ?? 'stratum',
    });
  } catch (error) {
    mismatches.push({
      code: 'leak',
      path: error instanceof SamplingInputError ? [...(error.path ?? [])] : [],
      message: { zh: '公开核验包含非公开内容', en: 'the public bundle contains internal data' },
    });
  }
  return { ok: mismatches.length === 0, mismatches };
}
