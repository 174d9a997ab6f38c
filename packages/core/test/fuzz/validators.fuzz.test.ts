import { describe, it } from 'vitest';
import {
  addWorkdays,
  behaviourActDate,
  canonicalJson,
  civilDateOf,
  civilDateOfDayNumber,
  createCalendar,
  dayInfo,
  dayNumberOf,
  defaultQualityRuleSet,
  defineCodeTable,
  defineQualityRuleSet,
  fieldDictionary,
  fromExchangeRow,
  getCodeTable,
  isCivilDate,
  isCode,
  isDateTime,
  isWorkday,
  linkByEntity,
  lookupCode,
  nextWorkday,
  parseSchedule,
  qualityCheck,
  qualityCheckRecord,
  resolveExchangeHeaders,
  scheduleFromHolidayCn,
  toCivilDate,
  toExchangeRow,
  tryBehaviourActDate,
  tryDayNumberOf,
  workdayLateness,
  workdaysBetween,
} from '../../src/index.js';
import { parseCsvRows } from '../../src/io/index.js';
import { editArb, expectClean, fc, fuzz, fuzzAsync, jsonish, runs, target } from './harness.js';

const RECORD_TYPES = Object.keys(fieldDictionary);
const dateish = fc.oneof(
  jsonish,
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    '2026-02-17',
    '2026-13-01',
    '2025-02-29',
    '2024-02-29',
    '0000-01-01',
    '9999-12-31',
    '2026-1-1',
    '',
  ),
  fc.integer(),
  fc.double(),
);

/** A record shaped like the SDK's records, with junk in some fields. */
const recordish = fc.oneof(
  jsonish,
  fc.record(
    {
      kind: fc.constantFrom('inspection', 'penalty', 'compulsion', 'other', 'x'),
      recordId: fc.oneof(fc.string(), jsonish),
      setDate: dateish,
      checkDate: dateish,
      adminCounterpartCertNo: fc.oneof(fc.constantFrom('91330100799655058B', '34052419800101001X'), jsonish),
      adminCounterpartCertType: fc.oneof(fc.constantFrom('001', '111', '01'), jsonish),
      adminCounterpartName: jsonish,
      submittedAt: dateish,
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: core validators and utilities', () => {
  it('civil dates and the workday calendar: typed errors only; try/is functions never throw', () => {
    const t = target('core calendar (junk dates)');
    fuzz(
      t,
      fc.tuple(dateish, dateish, fc.oneof(fc.integer({ min: -400, max: 400 }), jsonish)),
      runs(300, 60_000),
      'typed',
      ([a, b, n]) => {
        tryDayNumberOf(a);
        const civil = isCivilDate(a);
        const day = tryDayNumberOf(a);
        if (civil && day === undefined) return 'isCivilDate but no day number';
        if (typeof a === 'string' && day !== undefined && civilDateOfDayNumber(day) !== a)
          return 'day number round trip';
        const calls = [
          () => toCivilDate(a as never),
          () => dayNumberOf(a as never),
          () => isWorkday(a as never),
          () => dayInfo(a as never),
          () => addWorkdays(a as never, n as never),
          () => nextWorkday(a as never),
          () => workdaysBetween(a as never, b as never),
          () => workdayLateness(a as never, b as never, n as never),
          () => civilDateOfDayNumber(n as never),
        ];
        let error: unknown;
        for (const call of calls) {
          try {
            call();
          } catch (e) {
            if (!(e as { code?: unknown }).code || !(e as { messages?: unknown }).messages) throw e;
            error ??= e;
          }
        }
        if (error) throw error;
        return undefined;
      },
    );
    expectClean(t);
  });

  it('schedules, holiday-cn files and calendar options: typed errors only', () => {
    const t = target('core schedules (junk)');
    const schedule = fc.record(
      {
        year: fc.oneof(fc.integer({ min: 2000, max: 2100 }), jsonish),
        holidays: fc.oneof(
          jsonish,
          fc.array(fc.record({ name: jsonish, from: dateish, to: dateish, dates: jsonish })),
        ),
        makeupWorkdays: fc.oneof(jsonish, fc.array(dateish)),
        days: jsonish,
      },
      { requiredKeys: [] },
    );
    fuzz(t, fc.tuple(fc.oneof(jsonish, schedule), jsonish), runs(50, 10_000), 'typed', ([input, options]) => {
      for (const call of [
        () => parseSchedule(input),
        () => scheduleFromHolidayCn(input),
        () => createCalendar(options as never),
      ]) {
        try {
          call();
        } catch (e) {
          if (!(e as { code?: unknown }).code || !(e as { messages?: unknown }).messages) throw e;
        }
      }
      return undefined;
    });
    expectClean(t);
  });

  it('act dates (never throw for try/is), behaviourActDate typed', () => {
    const t = target('core act dates (junk records)');
    fuzz(t, recordish, runs(300, 60_000), 'typed', (record) => {
      const tried = tryBehaviourActDate(record);
      civilDateOf(record);
      isDateTime(record);
      if (tried !== undefined && !isCivilDate(tried)) return `act date ${tried} is not a civil date`;
      const got = behaviourActDate(record);
      if (got !== tried) return 'behaviourActDate disagrees with tryBehaviourActDate';
      return undefined;
    });
    expectClean(t);
  });

  it('quality check never throws on any record; linkByEntity never throws', () => {
    const t = target('core qualityCheckRecord/linkByEntity (junk)');
    fuzz(
      t,
      fc.tuple(recordish, fc.constantFrom(undefined, ...RECORD_TYPES)),
      runs(100, 40_000),
      'never',
      ([record, recordType]) => {
        const result = qualityCheckRecord(record, {
          today: '2026-12-02',
          ...(recordType ? { recordType: recordType as never } : {}),
        });
        if (typeof result !== 'object' || result === null) return 'no result';
        qualityCheck([record, record], { today: '2026-12-02' });
        const linked = linkByEntity([record, record] as never);
        if (!Array.isArray(linked.entities) || !Array.isArray(linked.unlinked)) return 'linkByEntity result';
        linkByEntity(record as never);
        return undefined;
      },
    );
    expectClean(t);
  });

  it('code tables, exchange rows and canonical JSON: typed errors only', () => {
    const t = target('core code tables/exchange/canonicalJson (junk)');
    fuzz(
      t,
      fc.tuple(
        fc.oneof(fc.constantFrom(...RECORD_TYPES, 'checkType', 'spotCheckResult'), jsonish),
        jsonish,
        jsonish,
      ),
      runs(300, 60_000),
      'typed',
      ([id, value, options]) => {
        lookupCode(id as never, value);
        isCode(id as never, value);
        canonicalJson(value);
        for (const call of [
          () => getCodeTable(id as never),
          () => lookupCode(id as never, value, options as never),
          () => fromExchangeRow(id as never, value as never),
          () => toExchangeRow(id as never, value as never),
          () => resolveExchangeHeaders(id as never, value as never),
        ]) {
          try {
            call();
          } catch (e) {
            if (!(e as { code?: unknown }).code || !(e as { messages?: unknown }).messages) throw e;
          }
        }
        return undefined;
      },
    );
    expectClean(t);
  });

  it('defineQualityRuleSet and defineCodeTable: typed errors only', () => {
    const t = target('core defineQualityRuleSet/defineCodeTable (junk)');
    const rules = JSON.parse(JSON.stringify(defaultQualityRuleSet)) as unknown;
    const table = {
      id: 'fuzzTable',
      name: '测试',
      nameEn: 'test',
      version: '1',
      source: 'fuzz',
      entries: [
        { code: '01', label: '甲' },
        { code: '02', label: '乙' },
      ],
    };
    fuzz(
      t,
      fc.oneof(
        jsonish,
        editArb(rules).map((e) => e.edited),
        editArb(table).map((e) => e.edited),
      ),
      runs(150, 20_000),
      'typed',
      (input) => {
        for (const call of [
          () => defineQualityRuleSet(input as never),
          () => defineCodeTable(input as never),
        ]) {
          try {
            call();
          } catch (e) {
            if (!(e as { code?: unknown }).code || !(e as { messages?: unknown }).messages) throw e;
          }
        }
        return undefined;
      },
    );
    expectClean(t);
  });

  it('parseCsvRows on any text chunks and delimiter: InputFileError only', async () => {
    const t = target('core parseCsvRows (junk)');
    await fuzzAsync(
      t,
      fc.tuple(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 5 }), jsonish),
      runs(100, 40_000),
      'typed',
      async ([chunks, delimiter]) => {
        const rows: unknown[] = [];
        for await (const row of parseCsvRows(chunks, { delimiter: delimiter as never })) rows.push(row);
        const whole: unknown[] = [];
        for await (const row of parseCsvRows([chunks.join('')], { delimiter: delimiter as never }))
          whole.push(row);
        if (JSON.stringify(rows) !== JSON.stringify(whole)) return 'string chunks differ from the whole text';
        return undefined;
      },
    );
    expectClean(t);
  });
});
