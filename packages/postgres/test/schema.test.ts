import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as coreRecords from '../../core/src/schemas/records.js';
import {
  columnName,
  columnsOf,
  columnType,
  PostgresError,
  schemaFields,
  TOPIC_TABLES,
  topicTableSql,
} from '../src/index.js';
import { describeOnMigratedBackends } from './support/backends.js';

/** Core record schemas that are not topic tables, and why. */
const NOT_TOPICS: Record<string, string> = {
  exchangeEnvelopeSchema: 'the exchange envelope: the outbox and the cd_* columns carry it',
};

const exported: Record<string, unknown> = { ...coreRecords };

const SQL_TYPES: Record<string, string> = {
  text: 'text',
  numeric: 'numeric',
  boolean: 'boolean',
  'text[]': 'ARRAY',
};

describe('topic tables generated from core schemas (drift)', () => {
  it('every field of every topic schema has a column of the mapped type', () => {
    for (const t of TOPIC_TABLES) {
      const fields = Object.keys(schemaFields(t.schema));
      expect(fields.length).toBeGreaterThan(0);
      expect(t.columns.map((c) => c.field)).toEqual(fields);
      expect(new Set(t.columns.map((c) => c.column)).size).toBe(fields.length);
      expect(t.schema).toBe(exported[t.schemaName]);
    }
  });

  it('every core record schema is a topic table, a variant of one, or listed with a reason', () => {
    const topicSchemas = new Set<unknown>(TOPIC_TABLES.map((t) => t.schema));
    for (const [name, schema] of Object.entries(coreRecords)) {
      if (!name.endsWith('Schema')) continue;
      if (topicSchemas.has(schema) || name in NOT_TOPICS) continue;
      const fields = Object.keys(schemaFields(schema as z.ZodType));
      const home = TOPIC_TABLES.find((t) => fields.every((f) => t.columns.some((c) => c.field === f)));
      expect(home, `${name} has no topic table holding all its fields`).toBeDefined();
    }
  });

  it('maps zod types to columns and refuses unknown ones', () => {
    expect(columnType(z.string().optional())).toBe('text');
    expect(columnType(z.number())).toBe('numeric');
    expect(columnType(z.boolean().nullable())).toBe('boolean');
    expect(columnType(z.array(z.string()))).toBe('text[]');
    expect(columnType(z.enum(['I', 'U']))).toBe('text');
    expect(() => columnType(z.date(), ['when'])).toThrow(PostgresError);
    expect(() => columnType(z.array(z.number()), ['xs'])).toThrowError(/xs/);
    expect(() => columnType(z.object({ a: z.string() }), ['o'])).toThrow(PostgresError);
    expect(columnName('unifiedSocialCreditCode')).toBe('unified_social_credit_code');
  });

  it('junk arguments throw PostgresError invalid_argument with the field path', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof PostgresError ? [error.code, error.path] : error;
      }
      return 'no throw';
    };
    expect(code(() => columnName(null as never))).toEqual(['invalid_input', ['field']]);
    expect(code(() => columnType({ toString: 1 } as never))).toEqual(['invalid_input', ['type']]);
    expect(code(() => columnType(z.string(), 'x' as never))).toEqual(['invalid_input', ['path']]);
    expect(code(() => schemaFields(undefined as never))).toEqual(['invalid_input', ['schema']]);
    expect(code(() => columnsOf([] as never))).toEqual(['invalid_input', ['schema']]);
    const table = TOPIC_TABLES[0]!;
    expect(code(() => topicTableSql(null as never))).toEqual(['invalid_input', ['table']]);
    expect(
      code(() => topicTableSql({ ...table, columns: [{ column: 'a', type: 'json' }] } as never)),
    ).toEqual(['invalid_input', ['table', 'columns', 0, 'type']]);
  });

  it('a field added to a schema becomes a column (and a new DDL digest)', () => {
    const base = z.object({ recordId: z.string() });
    const grown = base.extend({ newField: z.number().optional() });
    const before = topicTableSql({ table: 't', schemaName: 'x', schema: base, columns: columnsOf(base) });
    const after = topicTableSql({ table: 't', schemaName: 'x', schema: grown, columns: columnsOf(grown) });
    expect(before).not.toContain('new_field');
    expect(after).toContain('add column if not exists "new_field" numeric');
  });
});

describeOnMigratedBackends('installed topic tables', (db) => {
  it('have a column of the right type for every schema field', async () => {
    const { rows } = await db.query(
      "select table_name, column_name, data_type from information_schema.columns where table_schema = 'jianguan'",
    );
    const installed = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, String(r.data_type)]));
    const missing: string[] = [];
    for (const t of TOPIC_TABLES) {
      for (const c of t.columns) {
        const type = installed.get(`${t.table}.${c.column}`);
        if (type !== SQL_TYPES[c.type])
          missing.push(`${t.table}.${c.column} (${c.field}): ${type ?? 'absent'}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
