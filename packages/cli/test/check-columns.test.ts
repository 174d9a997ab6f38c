// Issue 18, item 3: `check` infers the record type per file, takes a per-file type, reports unknown and
// missing columns, and fails on empty input. Run through the real executable.

import { toExchangeRow } from '@jianguan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeCsv, inspection } from './fixtures.js';
import { encodeGbk, run, runBin, tempDir } from './helpers.js';

const tmp = tempDir();
const clean = [inspection(1), inspection(2)];
beforeAll(() => {
  const csv = exchangeCsv(clean);
  tmp.write('检查.csv', encodeGbk(csv));
  tmp.write('misspelt.csv', csv.replace('检查时间', '检查时问').replace('检查形式', '检察形式'));
  tmp.write('header-only.csv', `${csv.split('\r\n')[0]}\r\n`);
  tmp.write('empty.csv', '');
  tmp.write('empty.jsonl', '\n');
  tmp.write('other.csv', '甲,乙\n1,2\n');
  const rows = clean.map((r) => toExchangeRow('inspection', r));
  tmp.write('检查.json', JSON.stringify(rows));
  tmp.write('检查.jsonl', rows.map((r) => JSON.stringify(r)).join('\n'));
  tmp.write('camel.json', JSON.stringify(clean));
});
afterAll(() => tmp.cleanup());

const check = (args: string[]) => runBin(['check', '--today', '2024-06-30', ...args], { cwd: tmp.dir });
// The same checks in-process, where the child process adds nothing (keeps the suite fast).
const checkHere = (args: string[]) => run(['check', '--today', '2024-06-30', ...args], { cwd: tmp.dir });

describe('jianguan check: record types and columns (real binary)', () => {
  it('infers the type of a GBK Chinese-header CSV without --type and passes it', async () => {
    const r = await check(['检查.csv']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('record type: inspection (inferred from the headers');
    expect(r.stdout).toContain('记录类型：inspection（按表头判断');
    expect(r.code).toBe(0);
  });

  it('reads JSON and JSONL keyed by the Chinese headers as it reads the CSV (and camelCase JSON as before)', async () => {
    for (const file of ['检查.json', '检查.jsonl', 'camel.json']) {
      const r = await checkHere([file, '--json']);
      const report = JSON.parse(r.stdout) as {
        files: { recordType: string; passed: number; failed: number }[];
      };
      expect(report.files[0], file).toMatchObject({ passed: 2, failed: 0 });
      if (file !== 'camel.json') expect(report.files[0]?.recordType, file).toBe('inspection');
      expect(r.code, file).toBe(0);
    }
  });

  it('takes a type per file (--type file=type and file:type)', async () => {
    const wrong = await check(['检查.csv', '--type', '检查.csv=penalty', '--json']);
    expect(wrong.code).toBe(1);
    const report = JSON.parse(wrong.stdout) as {
      files: { recordType: string; recordTypeSource: string; missingColumns: { field: string }[] }[];
    };
    expect(report.files[0]).toMatchObject({ recordType: 'penalty', recordTypeSource: 'option' });
    expect(report.files[0]?.missingColumns.map((m) => m.field)).toContain('punishActionCode');
    const colon = await checkHere(['检查.csv:inspection', '--json']);
    expect(colon.code).toBe(0);
    expect(JSON.parse(colon.stdout)).toMatchObject({
      files: [{ recordType: 'inspection', recordTypeSource: 'option' }],
    });
  });

  it('reports a misspelt header with "did you mean" and the required column it leaves missing', async () => {
    const r = await check(['misspelt.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('warning: unknown column "检查时问" is ignored (did you mean "检查时间"?)');
    expect(r.stdout).toContain('警告：未知的列“检查时问”，已忽略（是否想写“检查时间”？）');
    expect(r.stdout).toContain('did you mean "检查形式"?');
    expect(r.stdout).toMatch(/missing required columns: .*checkDate/);
  });

  it.each(['header-only.csv', 'empty.csv', 'empty.jsonl'])(
    'fails on %s: no records (exit 1)',
    async (file) => {
      const r = await check([file]);
      expect(r.stdout).toContain(
        `error: ${file} has no records (the file is empty or has a header row only)`,
      );
      expect(r.stdout).toContain(`错误：${file} 没有任何数据记录`);
      expect(r.code).toBe(1);
    },
  );

  it.each([
    [['检查.csv', '--type', 'ghost.csv=inspection'], 'unknown_file'],
    [['检查.csv', '--type', 'inspecton'], 'unknown_record_type'],
    [['other.csv'], 'unknown_record_type'],
  ])('usage problem %j exits 2 (%s)', async (argv, code) => {
    const r = await (code === 'unknown_file' ? check : checkHere)([...argv, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe(code);
  });

  it('prints every message line in one language', async () => {
    const r = await checkHere(['misspelt.csv', '--type', 'inspecton']);
    expect(r.code).toBe(2);
    for (const line of r.stderr.split('\n').filter((l) => l.trim() !== '')) {
      const zh = /[\u4e00-\u9fff]/.test(line.replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, ''));
      const en = /\b(the|is|of|a|to|run|did|you|mean|unknown|record|type)\b/i.test(
        line.replace(/`[^`]*`/g, ''),
      );
      expect(zh && en, line).toBe(false);
    }
    expect(r.stderr).toContain('did you mean inspection?');
  });
});
