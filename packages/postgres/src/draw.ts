import type {
  DirectoryEntity,
  DrawPick,
  DrawRecord,
  PopulationCommitment,
  SamplingRules,
  SpotCheckTask,
  Supersedes,
} from '@jianguan/sampling';
import {
  canonicalJson,
  commitPopulationStream,
  DEFAULT_SAMPLING_RULES,
  DRAW_ALGORITHM,
  exclusionReason,
  sampleSizeFor,
  stratumOf,
  ticket,
  trimTicket,
} from '@jianguan/sampling';
import { requireOptions } from './boundary.js';
import { checkClient, type SqlClient, withTransaction } from './db.js';
import { PostgresError } from './errors.js';
import { sha256Hex } from './hash.js';

/** Significant digits of a ticket in a draw record (Arlo's), as `drawTask` writes them. */
const RECORD_DIGITS = 18;

/**
 * One row of `jianguan.draw`: the stratum, the 1-based rank in it, the id and its full ticket.
 *
 * @example
 * const row: DatabasePick = { stratum: 'A', rank: 1, id: '913301000000000003', ticket: '0.2584784760247413…' };
 */
export interface DatabasePick {
  readonly stratum: string;
  readonly rank: number;
  readonly id: string;
  readonly ticket: string;
}

/**
 * The ticket (抽签号) of `id` under `seed` computed by the database (`jianguan.ticket`), full precision —
 * byte-identical to `@jianguan/sampling`'s `ticket(seed, id)`.
 *
 * @example
 * await ticketInDatabase(db, '01382438112797316654', 'AB-130');
 * // '0.26299714122838008416507544297546663599715395525154425586041245287750224561854'
 */
export async function ticketInDatabase(db: SqlClient, seed: string, id: string): Promise<string> {
  checkClient(db);
  const { rows } = await db.query('select jianguan.ticket($1, $2) as t', [seed, id]);
  return String(rows[0]?.t);
}

/**
 * Runs `jianguan.draw(seed, frame, sizes)`: in each stratum of the relation `frame` (columns `id`, `stratum`), the
 * `sizes[stratum]` ids with the smallest tickets, ranked as `sampleIds` ranks them (ticket, then id in code-point
 * order).
 *
 * @example
 * const picks = await drawFrameInDatabase(db, '20237331128159211123', 'directory_frame', { A: 2, D: 4 });
 */
export async function drawFrameInDatabase(
  db: SqlClient,
  seed: string,
  frame: string,
  sizes: Readonly<Record<string, number>>,
): Promise<DatabasePick[]> {
  checkClient(db);
  for (const [key, n] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new PostgresError(
        'invalid_size',
        {
          zh: `分层 ${key} 的抽取数量必须是非负整数`,
          en: `the sample size of stratum ${key} must be a non-negative integer`,
        },
        { path: ['sizes', key], details: { size: n } },
      );
    }
  }
  const { rows } = await db.query(
    'select stratum, rank, id, ticket from jianguan.draw($1, $2::regclass, $3::jsonb)',
    [seed, frame, JSON.stringify(sizes)],
  );
  return rows.map((r) => ({
    stratum: String(r.stratum),
    rank: Number(r.rank),
    id: String(r.id),
    ticket: String(r.ticket),
  }));
}

/**
 * Options of {@link drawInDatabase}.
 *
 * @example
 * const o: DrawInDatabaseOptions = { task, directory: 'jianguan_directory', seed: '20237331128159211123', commitment };
 */
export interface DrawInDatabaseOptions {
  readonly task: SpotCheckTask;
  /**
   * The directory relation (名录表 or view): one row per entity, column `id` plus any of `DirectoryEntity`'s fields
   * in snake_case or camelCase (`grade`, `industry`, `area_code`, `risk_level`, `status`, `tags text[]`,
   * `attributes jsonb`, `inspections jsonb`, `name`).
   */
  readonly directory: string;
  readonly seed: string;
  /** The commitment published before the seed; the draw fails if the frame no longer matches it. */
  readonly commitment?: PopulationCommitment;
  readonly rules?: SamplingRules;
  readonly createdAt?: string;
  readonly supersedes?: Supersedes;
  /** Rows per page when streaming the directory in code-point order. Default 5000. */
  readonly pageSize?: number;
}

const camel = (k: string): string => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function entityOf(row: Record<string, unknown>): DirectoryEntity {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[camel(k)] = v;
  return out as unknown as DirectoryEntity;
}

/**
 * Draws a task inside the database (库内抽取) and returns the usual draw record, which `verifyDraw` and
 * `jianguan verify` accept. In one REPEATABLE READ transaction: streams the directory in code-point order
 * (`order by id collate "C"`, keyset pages) to commit the population digests exactly as `commitPopulation` does,
 * writes each stratum's eligible ids to a temporary frame, runs `jianguan.draw` there, re-checks every pick with
 * `ticket()`, and builds the record.
 *
 * @example
 * const record = await drawInDatabase(pool, { task, directory: 'directory', seed: '20237331128159211123' });
 * verifyDraw(record, entities).ok; // true
 */
export async function drawInDatabase(db: SqlClient, options: DrawInDatabaseOptions): Promise<DrawRecord> {
  checkClient(db);
  requireOptions(options, true);
  const { task } = options;
  const rules = options.rules ?? DEFAULT_SAMPLING_RULES;
  const pageSize = options.pageSize ?? 5000;
  if (typeof options.seed !== 'string') {
    throw new PostgresError(
      'invalid_seed',
      { zh: '随机种子必须是字符串', en: 'the seed must be a string' },
      { path: ['seed'] },
    );
  }
  return withTransaction(
    db,
    async (tx) => {
      const rel = (await tx.query('select $1::regclass::text as r', [options.directory])).rows[0]
        ?.r as string;
      await tx.query(
        'create temporary table jg_draw_frame (id text not null, stratum text not null) on commit drop',
      );
      async function* pages(): AsyncGenerator<DirectoryEntity[]> {
        let last: string | undefined;
        for (;;) {
          const { rows } = await tx.query(
            `select to_jsonb(d) as e from ${rel} as d ${last === undefined ? '' : 'where d.id::text collate "C" > $2'}
             order by d.id::text collate "C" limit $1`,
            last === undefined ? [pageSize] : [pageSize, last],
          );
          if (rows.length === 0) return;
          const entities = rows.map((r) => entityOf(r.e as Record<string, unknown>));
          const ids: string[] = [];
          const strata: string[] = [];
          for (const e of entities) {
            const spec = typeof e.id === 'string' ? stratumOf(task, e) : undefined;
            if (spec && exclusionReason(task, spec, e, rules) === undefined) {
              ids.push(e.id);
              strata.push(spec.key);
            }
          }
          if (ids.length > 0) {
            await tx.query(
              'insert into jg_draw_frame (id, stratum) select * from unnest($1::text[], $2::text[])',
              [ids, strata],
            );
          }
          yield entities;
          last = String(entities.at(-1)?.id);
          if (rows.length < pageSize) return;
        }
      }
      const commitment = await commitPopulationStream(task, pages(), rules);
      if (
        options.commitment !== undefined &&
        options.commitment.commitmentDigest !== commitment.commitmentDigest
      ) {
        throw new PostgresError(
          'commitment_mismatch',
          {
            zh: '名录与抽签前公示的承诺不一致',
            en: 'the population does not match the commitment published before the seed',
          },
          { details: { expected: options.commitment.commitmentDigest, actual: commitment.commitmentDigest } },
        );
      }
      const sizes: Record<string, number> = {};
      for (const spec of task.strata) {
        const c = commitment.strata.find((s) => s.key === spec.key);
        sizes[spec.key] = sampleSizeFor(spec, c?.populationSize ?? 0, rules);
      }
      const rows = await drawFrameInDatabase(tx, options.seed, 'pg_temp.jg_draw_frame', sizes);
      const picks = new Map<string, DrawPick[]>();
      for (const r of rows) {
        const expected = ticket(options.seed, r.id);
        if (expected !== r.ticket) {
          throw new PostgresError(
            'ticket_mismatch',
            {
              zh: `数据库计算的抽签号与 ticket() 不一致：${r.id}`,
              en: `the database ticket of ${r.id} differs from ticket()`,
            },
            { details: { id: r.id, database: r.ticket, expected } },
          );
        }
        const list = picks.get(r.stratum) ?? [];
        list.push({ id: r.id, ticket: trimTicket(r.ticket, RECORD_DIGITS), rank: r.rank });
        picks.set(r.stratum, list);
      }
      return buildRecord(task, rules, commitment, options, picks);
    },
    { isolation: 'repeatable read' },
  );
}

function buildRecord(
  task: SpotCheckTask,
  rules: SamplingRules,
  commitment: PopulationCommitment,
  options: DrawInDatabaseOptions,
  picks: Map<string, DrawPick[]>,
): DrawRecord {
  if (options.supersedes !== undefined && options.supersedes.reason.trim() === '') {
    throw new PostgresError(
      'redraw_without_reason',
      { zh: '重新抽取必须说明理由', en: 'a redraw needs a reason' },
      { path: ['supersedes', 'reason'] },
    );
  }
  const body = {
    format: 'jianguan.draw-record/1' as const,
    algorithm: DRAW_ALGORITHM,
    rules,
    task,
    commitment,
    seed: options.seed,
    strata: commitment.strata.map((c) => {
      const p = picks.get(c.key) ?? [];
      return { key: c.key, populationSize: c.populationSize, sampleSize: p.length, picks: p };
    }),
    ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }),
    ...(options.supersedes === undefined ? {} : { supersedes: options.supersedes }),
  };
  return { ...body, recordDigest: sha256Hex(canonicalJson(body)) };
}

/**
 * Stores a draw record in `jianguan.draw_records` (append-only; storing the same record again is a no-op).
 * Returns whether it was new.
 *
 * @example
 * await saveDrawRecord(pool, record); // true
 */
export async function saveDrawRecord(db: SqlClient, record: DrawRecord): Promise<boolean> {
  checkClient(db);
  const { rows } = await db.query(
    `insert into jianguan.draw_records (record_digest, task_id, seed, record) values ($1, $2, $3, $4::jsonb)
     on conflict (record_digest) do nothing returning record_digest`,
    [record.recordDigest, record.task.id, record.seed, JSON.stringify(record)],
  );
  return rows.length === 1;
}
