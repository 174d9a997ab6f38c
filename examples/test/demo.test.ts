import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkBatch, sampleBatchFiles } from '../src/steps/check-batch.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', 'data');
const root = join(here, '..', '..');

/** The rows of the markdown table that follows `heading` in examples/data/README.md. */
function tableAfter(heading: string): Record<string, string>[] {
  const text = readFileSync(join(dataDir, 'README.md'), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" section`);
  const lines = text
    .slice(start)
    .split('\n')
    .filter((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > 1 && !l.startsWith('|'));
  const table = end < 0 ? lines : lines.slice(0, end);
  const cells = (l: string) =>
    l
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  const head = cells(table[0]!);
  const rows: Record<string, string>[] = [];
  for (const line of table.slice(2)) {
    const c = cells(line);
    if (c.length !== head.length) break; // the next table
    rows.push(Object.fromEntries(head.map((h, i) => [h, c[i]!])));
  }
  return rows;
}

describe('sample batch (demo v1)', async () => {
  const check = await checkBatch(sampleBatchFiles(dataDir), { today: '2024-06-30', checkLinks: true });
  const expected = tableAfter('## Deliberate errors');
  const reported = check.result.issues.map((i) => {
    const src = check.sources[i.index]!;
    return {
      file: src.file,
      line: String(src.line),
      record: i.recordId ?? '',
      field: i.field,
      'check type': i.checkType,
      rule: i.rule,
      severity: i.severity,
    };
  });

  it('the README documents at least one error of every check type 01–10', () => {
    expect(new Set(expected.map((e) => e['check type']))).toEqual(
      new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']),
    );
  });

  it.each(expected.map((e) => [`${e.file}:${e.line} ${e.field} ${e.rule}`, e] as const))(
    'reports %s',
    (_label, e) => {
      const { 'the error': _text, ...want } = e;
      expect(reported).toContainEqual(want);
    },
  );

  it('reports nothing that is not documented', () => {
    const documented = expected.map(({ 'the error': _t, ...rest }) => rest);
    expect(reported).toEqual(documented);
  });

  it('reads the GBK CSV with Chinese headers and keeps line numbers', () => {
    expect(check.files).toEqual([
      { file: 'inspections-gbk.csv', encoding: 'gb18030', records: 10 },
      { file: 'penalties.json', encoding: 'utf-8', records: 5 },
      { file: 'behaviours.jsonl', encoding: 'utf-8', records: 5 },
    ]);
    const first = check.records[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      kind: 'inspection',
      adminCounterpartName: '阿里巴巴（中国）有限公司',
      checkDate: '2024-03-05',
      checkPersonnel: ['张三', '李四'],
    });
  });

  it('reports unreadable lines with their line numbers', () => {
    const documented = tableAfter('## Unreadable lines');
    expect(check.readProblems.map((p) => ({ file: p.file, line: String(p.line), code: p.code }))).toEqual(
      documented.map(({ file, line, code }) => ({ file, line, code })),
    );
  });

  it('counts: 20 records, 3 clean, the rest fail (the warning alone would not fail a record)', () => {
    expect(check.result).toMatchObject({ total: 20, passed: 3, failed: 17 });
  });

  it('npm run demo prints the report', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@jianguan/source', '--import', 'tsx', 'examples/src/demo.ts'],
      { cwd: root },
    );
    expect(stdout).toContain('质检报告 Quality check report');
    expect(stdout).toContain('通过率 pass rate: 15.0%');
    for (const e of expected) expect(stdout).toContain(`[${e['check type']} ${e.rule}] ${e.field}`);
    expect(stdout).toContain('behaviours.jsonl:4  [invalid_json]');
  });
});
