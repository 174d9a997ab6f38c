/**
 * `@jianguan/postgres` — jianguan's state in PostgreSQL (or the embedded PGlite): versioned migrations with topic
 * tables generated from core's record schemas, a transactional outbox for the provincial client with any number
 * of `SKIP LOCKED` flushing workers and durable batch numbers, and the consistent-sampler draw run inside the
 * database, byte-identical to `@jianguan/sampling`.
 *
 * @packageDocumentation
 */

export type { SqlClient, TransactionOptions } from './db.js';
export { withTransaction } from './db.js';
export type { DatabasePick, DrawInDatabaseOptions } from './draw.js';
export { drawFrameInDatabase, drawInDatabase, saveDrawRecord, ticketInDatabase } from './draw.js';
export { PostgresError } from './errors.js';
export type { ExchangeFeedback, ExchangeRow } from './exchange.js';
export {
  advanceHarvestCursor,
  createExchangeTransport,
  exchangeTable,
  harvestExchange,
  readExchangeFeedback,
  readHarvestCursor,
  writeExchangeFeedback,
} from './exchange.js';
export type {
  BehaviourKpiCounts,
  ScoreInDatabaseOptions,
  TimelinessCounts,
} from './kpi.js';
export { kpiFactsInDatabase, saveKpiFacts, scoreInDatabase } from './kpi.js';
export type {
  CoverageKpiCounts,
  FeedKpiCounts,
  KpiFeed,
  KpiFeeds,
  PublicationKpiCounts,
  ScoreFeedInDatabaseOptions,
} from './kpi-feeds.js';
export {
  countPublicationsInDatabase,
  coverageInDatabase,
  saveKpiFeeds,
  scoreFeedInDatabase,
} from './kpi-feeds.js';
export type { MigrateResult, Migration } from './migrate.js';
export { MIGRATION_LOCK_KEY, MIGRATIONS, migrate } from './migrate.js';
export type { DrainOutboxOptions, PostgresOutboxStore, PostgresOutboxStoreOptions } from './outbox.js';
export {
  createPostgresOutboxStore,
  drainOutbox,
  enqueueInTransaction,
  reserveBatchSequence,
} from './outbox.js';
export type { ColumnSpec, TopicTable } from './schema.js';
export { columnName, columnsOf, columnType, schemaFields, TOPIC_TABLES, topicTableSql } from './schema.js';
export type { DigestFunction } from './sql-draw.js';
export type { MigrationStatus } from './status.js';
export { migrationStatus } from './status.js';
export type { PostgresTaskStoreOptions } from './task-store.js';
export { createPostgresTaskStore } from './task-store.js';
export { syncWorkdays } from './workdays.js';
