import type { ExchangeFeedback, ExchangeRow, SqlClient } from '@jianguan/postgres';
import type { UploadKind } from '@jianguan/provincial-client';
import { UPLOAD_KIND_NAMES } from '@jianguan/provincial-client/contract';
import { invalid, objectArg, sandboxArg, stringArg } from '../arguments.js';
import type { Sandbox } from '../types.js';

/**
 * Options of {@link createExchangeHarvester}.
 *
 * @example
 * const o: ExchangeHarvesterOptions = { kinds: ['behaviours'], afterBatch: { behaviours: '2026120200007' } };
 */
export interface ExchangeHarvesterOptions {
  /** Upload kinds to harvest. Default: every kind. */
  readonly kinds?: readonly UploadKind[];
  /**
   * Per kind, the last batch already harvested (rows of later batches are read). Default: from the start, or
   * from the cursor stored in the exchange database (the later of the two wins).
   */
  readonly afterBatch?: Readonly<Partial<Record<UploadKind, string>>>;
  /**
   * Name of the cursor kept in the exchange database's `jianguan.cd_harvest_cursor` (one per harvesting
   * province or sandbox). Default `'sandbox'`.
   */
  readonly cursorName?: string;
  /**
   * Keep the cursor in the exchange database, so a restarted harvester resumes after the last batch it
   * harvested instead of reading everything again. Default true; false keeps it in memory only.
   */
  readonly persistCursor?: boolean;
}

/**
 * What one harvest round did (归集结果).
 *
 * @example
 * const r: HarvestResult = { rows: 5, stored: 4, duplicates: 0, rejected: 1, feedback: 1, unreadable: 0 };
 */
export interface HarvestResult {
  /** Exchange rows read. */
  readonly rows: number;
  /** Writes the sandbox stored (new entries of its ledger). */
  readonly stored: number;
  /** Writes the ledger already had (the same `record_unique_identity` harvested again). */
  readonly duplicates: number;
  /** Writes refused by the province's checks. */
  readonly rejected: number;
  /** Feedback rows written back into the exchange database (rejected writes, and stored ones with warnings). */
  readonly feedback: number;
  /** Rows of batches whose body the upload schema refuses (no `cd_batch` of 13 digits, …). */
  readonly unreadable: number;
}

/**
 * The province harvesting a department's 前置库 (省级归集前置库): reads the exchange rows of each kind whose
 * `cd_batch` is after the last one harvested, applies each batch to the sandbox exactly as an upload over HTTP
 * (schema, 质检, dedup by the write's `record_unique_identity`, the exactly-once ledger in
 * `sandbox.state.writes`), and writes the quality feedback back into the exchange database's feedback table,
 * where the department reads it (`readExchangeFeedback`).
 *
 * The cursor is the batch number: the 前置库 transport takes a day's batch numbers from one row of
 * `jianguan.batch_sequences` in the transaction that writes the rows, so a day's batches commit in number order
 * and none is skipped. It is kept in the exchange database (`jianguan.cd_harvest_cursor`, per `cursorName` and
 * kind), advanced in the transaction that writes the round's feedback, and read back by the first round of a new
 * harvester: a restarted harvester reads only the batches written since. Keep the sandbox's own state too
 * (`persistPath`), or its ledger starts empty while the cursor says those batches are done. Harvesting a row
 * again (another harvester, a crash between the ledger and the cursor, `persistCursor: false`) is harmless: the
 * ledger answers `duplicate`, and feedback is rewritten with the same content.
 *
 * @example
 * const sandbox = await startSandbox();
 * const harvester = createExchangeHarvester(sandbox, exchangeDb);
 * const result = await harvester.harvest(); // { rows, stored, duplicates, rejected, feedback, unreadable }
 * const stop = harvester.start({ intervalMs: 1000 }); // or poll
 */
export interface ExchangeHarvester {
  /** One round over every kind. */
  harvest(): Promise<HarvestResult>;
  /** Polls every `intervalMs` (default 1000) until the returned function is called (it resolves after the round in flight). */
  start(options?: {
    readonly intervalMs?: number;
    readonly onRound?: (result: HarvestResult) => void;
    readonly onError?: (error: unknown) => void;
  }): () => Promise<void>;
  /** Per kind, the last batch harvested (as stored in the exchange database once a round has run). */
  cursor(): Readonly<Partial<Record<UploadKind, string>>>;
}

/**
 * Creates an {@link ExchangeHarvester} feeding `sandbox` from the exchange tables of `db` (a `pg` Pool or
 * Client, or PGlite, migrated by `@jianguan/postgres`'s `migrate`).
 *
 * @example
 * const harvester = createExchangeHarvester(sandbox, new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * await harvester.harvest();
 */
export function createExchangeHarvester(
  sandbox: Sandbox,
  db: SqlClient,
  options: ExchangeHarvesterOptions = {},
): ExchangeHarvester {
  sandboxArg(sandbox, ['sandbox']);
  const client = objectArg(db, ['db']);
  if (typeof client.query !== 'function') {
    throw invalid(
      ['db'],
      { zh: 'SQL 客户端（pg Pool/Client 或 PGlite）', en: 'a SQL client (pg Pool/Client or PGlite)' },
      db,
    );
  }
  const o = objectArg(options, ['options'], true) as ExchangeHarvesterOptions;
  if (o.kinds !== undefined && !Array.isArray(o.kinds)) {
    throw invalid(['options', 'kinds'], { zh: '上报类型数组', en: 'an array of upload kinds' }, o.kinds);
  }
  const afterBatch = objectArg(o.afterBatch, ['options', 'afterBatch'], true);
  for (const [kind, batchNo] of Object.entries(afterBatch))
    stringArg(batchNo, ['options', 'afterBatch', kind]);
  const kinds: readonly UploadKind[] = o.kinds ?? UPLOAD_KIND_NAMES;
  kinds.forEach((kind, i) => {
    if (!(UPLOAD_KIND_NAMES as readonly unknown[]).includes(kind)) {
      throw invalid(
        ['options', 'kinds', i],
        {
          zh: `上报类型（${UPLOAD_KIND_NAMES.join('、')}）`,
          en: `an upload kind (${UPLOAD_KIND_NAMES.join(', ')})`,
        },
        kind,
      );
    }
  });
  const cursor: Partial<Record<UploadKind, string>> = {
    ...(afterBatch as Partial<Record<UploadKind, string>>),
  };
  const cursorName = o.cursorName ?? 'sandbox';
  if (typeof cursorName !== 'string' || cursorName === '') {
    throw invalid(['options', 'cursorName'], { zh: '非空字符串', en: 'a non-empty string' }, cursorName);
  }
  const persist = o.persistCursor ?? true;
  if (typeof persist !== 'boolean') {
    throw invalid(['options', 'persistCursor'], { zh: '布尔值', en: 'a boolean' }, persist);
  }
  let loaded = !persist;
  let running: Promise<HarvestResult> | undefined;

  const round = async (): Promise<HarvestResult> => {
    // Loaded on first use, so importing the sandbox does not load the database package.
    const {
      advanceHarvestCursor,
      harvestExchange,
      readHarvestCursor,
      withTransaction,
      writeExchangeFeedback,
    } = await import('@jianguan/postgres');
    if (!loaded) {
      const stored = await readHarvestCursor(db, cursorName);
      for (const kind of kinds) {
        const at = stored[kind];
        const given = cursor[kind];
        if (at !== undefined && (given === undefined || at > given)) cursor[kind] = at;
      }
      loaded = true;
    }
    const totals = { rows: 0, stored: 0, duplicates: 0, rejected: 0, feedback: 0, unreadable: 0 };
    for (const kind of kinds) {
      const after = cursor[kind];
      const rows = await harvestExchange(db, kind, after === undefined ? {} : { afterBatch: after });
      totals.rows += rows.length;
      const feedback: ExchangeFeedback[] = [];
      for (const batch of batchesOf(rows)) {
        const result = sandbox.ingest(kind, {
          batchNo: batch[0]!.cdBatch,
          source: batch[0]!.cdSource,
          items: batch.map((r) => ({
            recordId: r.cdId,
            operation: r.cdOperation.toUpperCase(),
            idempotencyKey: r.recordUniqueIdentity,
            ...(r.record === null ? {} : { record: r.record }),
          })),
        });
        if (result === undefined) {
          totals.unreadable += batch.length;
          continue;
        }
        totals.stored += result.accepted;
        totals.duplicates += result.duplicates;
        totals.rejected += result.rejected;
        for (const item of result.results) {
          if (item.status === 'duplicate' || !item.issues || item.issues.length === 0) continue;
          feedback.push({ kind, cdBatch: result.batchNo, cdId: item.recordId, issues: item.issues });
        }
      }
      // Advance only with the feedback written: a failed round is read again.
      const last = rows.at(-1)?.cdBatch;
      if (persist && last !== undefined) {
        await withTransaction(db, async (tx) => {
          await writeExchangeFeedback(tx, feedback);
          await advanceHarvestCursor(tx, cursorName, kind, last);
        });
      } else {
        await writeExchangeFeedback(db, feedback);
      }
      totals.feedback += feedback.length;
      if (last !== undefined) cursor[kind] = last;
    }
    return totals;
  };

  // One round at a time: a poll and an explicit call never apply the same rows concurrently.
  const harvest = (): Promise<HarvestResult> => {
    const next = (running ?? Promise.resolve()).catch(() => undefined).then(round);
    running = next;
    return next;
  };

  return {
    harvest,
    start(startOptions = {}) {
      const intervalMs = startOptions.intervalMs ?? 1000;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let inFlight: Promise<unknown> = Promise.resolve();
      const tick = () => {
        inFlight = harvest()
          .then((r) => startOptions.onRound?.(r), startOptions.onError ?? (() => undefined))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
      return async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        await inFlight;
      };
    },
    cursor: () => ({ ...cursor }),
  };
}

/** Rows (sorted by batch) split by `cd_batch`, in chunks the upload schema accepts (≤ 5000 items). */
function* batchesOf(rows: readonly ExchangeRow[]): Generator<ExchangeRow[]> {
  let current: ExchangeRow[] = [];
  for (const row of rows) {
    if (current.length > 0 && (current[0]!.cdBatch !== row.cdBatch || current.length === 5000)) {
      yield current;
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) yield current;
}
