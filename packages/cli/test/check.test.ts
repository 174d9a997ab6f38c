import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_USCC, exchangeCsv, inspection } from './fixtures.js';
import { encodeGbk, run, tempDir } from './helpers.js';

const records = [inspection(1), inspection(2, { adminCounterpartCertNo: BAD_USCC }), inspection(3)];

const tmp = tempDir();
beforeAll(() => {
  tmp.write('batch.jsonl', `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  tmp.write('batch.json', JSON.stringify(records, null, 2));
  tmp.write('batch.csv', exchangeCsv(records));
  tmp.write('batch-gbk.csv', encodeGbk(exchangeCsv(records)));
  tmp.write('good.jsonl', `${[inspection(7), inspection(8)].map((r) => JSON.stringify(r)).join('\n')}\n`);
  tmp.write('broken.jsonl', `${JSON.stringify(inspection(9))}\n{"kind": "inspection",\n`);
  tmp.write('records.dat', '');
});
afterAll(() => tmp.cleanup());

interface Report {
  ok: boolean;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  files: {
    file: string;
    encoding: string;
    total: number;
    passed: number;
    failed: number;
    issues: {
      line: number;
      rule: string;
      checkType: string;
      recordId?: string;
      field: string;
      message: { zh: string };
    }[];
  }[];
}

const check = async (args: string[]) => run(['check', '--today', '2024-06-30', ...args], { cwd: tmp.dir });
const checkJson = async (args: string[]) => {
  const r = await check([...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};

describe('jianguan check', () => {
  it('passes a clean batch (exit 0)', async () => {
    const r = await check(['good.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 records — 2 passed, 0 failed (100.0%)');
  });

  it('reports a bad USCC with its line, record, check type and field (exit 1)', async () => {
    const r = await check(['batch.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 records — 2 passed, 1 failed');
    expect(r.stdout).toMatch(
      /L2 {2}JC-2 {2}error\/06\/\S*uscc\S* {2}adminCounterpartCertNo="91330100799655058A"/,
    );
    const { report } = await checkJson(['batch.jsonl']);
    expect(report).toMatchObject({ ok: false, total: 3, passed: 2, failed: 1 });
    const issue = report.files[0]?.issues[0];
    expect(issue).toMatchObject({
      line: 2,
      recordId: 'JC-2',
      checkType: '06',
      field: 'adminCounterpartCertNo',
    });
    expect(issue?.message.zh).toContain('统一社会信用代码');
  });

  it('reads Chinese-header CSV exports, in UTF-8 and GBK, with the same findings as JSON', async () => {
    const jsonl = (await checkJson(['batch.jsonl'])).report.files[0];
    const json = (await checkJson(['batch.json'])).report.files[0];
    const utf8 = (await checkJson(['batch.csv', '--type', 'inspection'])).report.files[0];
    const gbk = (await checkJson(['batch-gbk.csv', '--type', 'inspection'])).report.files[0];
    expect(gbk?.encoding).toBe('gb18030');
    expect(utf8?.encoding).toBe('utf-8');
    const shape = (f: Report['files'][number] | undefined) => ({
      total: f?.total,
      passed: f?.passed,
      issues: f?.issues.map((i) => [i.recordId, i.rule, i.field]),
    });
    expect(shape(json)).toEqual(shape(jsonl));
    expect(shape(utf8)).toEqual(shape(jsonl));
    expect(shape(gbk)).toEqual(shape(jsonl));
    expect(gbk?.issues[0]?.line).toBe(3); // the header is line 1
  });

  it('totals several files', async () => {
    const r = await check(['good.jsonl', 'batch.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Total: 5 records in 2 files — 4 passed, 1 failed');
    expect(r.stdout).toContain('合计：2 个文件共 5 条，通过 4，未通过 1');
  });

  it('applies --today (a later date is in the future) and --disable', async () => {
    const future = await checkJson(['good.jsonl', '--today', '2024-01-01']);
    expect(future.code).toBe(1);
    expect(future.report.files[0]?.issues.some((i) => i.field === 'checkDate')).toBe(true);
    const rule = (await checkJson(['batch.jsonl'])).report.files[0]?.issues[0]?.rule ?? '';
    const disabled = await checkJson(['batch.jsonl', '--disable', rule]);
    expect(disabled.code).toBe(0);
    expect(disabled.report.passed).toBe(3);
  });

  it('infers the record type of a CSV without a record-type column from its headers', async () => {
    tmp.write('untyped.csv', 'recordId,checkDate\nX1,2024-03-05\n');
    const r = await check(['untyped.csv']);
    expect(r.code).toBe(1); // required fields are missing
    expect(r.stdout).toContain('record type: inspection (inferred from the headers');
    expect(r.stdout).toContain('--type untyped.csv=<type>');
  });

  it('counts a record that cannot be read as failed, with its line', async () => {
    const { code, report } = await checkJson(['broken.jsonl']);
    expect(code).toBe(1);
    expect(report.files[0]).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(report.files[0]?.issues[0]).toMatchObject({ rule: 'unreadable_record', line: 2 });
  });

  it.each([
    [[], 2, 'missing_argument'],
    [['batch.jsonl', '--type', 'nonsense'], 2, 'unknown_record_type'],
    [['batch.csv', '--encoding', 'latin1'], 2, 'unknown_encoding'],
    [['batch.jsonl', '--today', 'yesterday'], 2, 'bad_date'],
    [['missing.csv'], 3, 'file_not_found'],
    [['records.dat'], 3, 'unknown_format'],
    [['batch.csv', '--format', 'xml'], 2, 'unknown_format'],
  ])('check %j exits %i (%s)', async (argv, code, errorCode) => {
    const r = await run(['check', ...argv, '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(code);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe(errorCode);
  });
});
