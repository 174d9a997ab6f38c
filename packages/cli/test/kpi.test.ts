import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const tmp = tempDir();
beforeAll(() => {
  tmp.write(
    'data.json',
    JSON.stringify({
      behaviours: [
        // reported 2 working days after the act: on time; the second one is late
        {
          recordId: 'JC-1',
          itemCode: '33010000100001',
          department: 'scjg',
          actDate: '2025-04-03',
          reportedDate: '2025-04-08',
        },
        {
          recordId: 'JC-2',
          itemCode: '33010000100001',
          department: 'scjg',
          actDate: '2025-04-10',
          reportedDate: '2025-04-24',
        },
      ],
      catalogItems: [
        {
          itemCode: '33010000100001',
          department: 'scjg',
          claimed: true,
          hasInspectionList: true,
          mandatoryElements: 10,
          filledElements: 10,
        },
        { itemCode: '33010000100002', department: 'scjg', claimed: false },
        { itemCode: '33020000100001', department: 'hbj', claimed: true, hasInspectionList: true },
      ],
      officers: [
        {
          officerId: 'ZF-1',
          department: 'scjg',
          certified: true,
          registered: true,
          activity: [{ month: '2025-04', logins: 3, onlineDays: 16 }],
        },
      ],
    }),
  );
  tmp.write('not-object.json', '[1,2]');
});
afterAll(() => tmp.cleanup());

const kpi = (args: string[]) => run(['kpi', ...args], { cwd: tmp.dir });

describe('jianguan kpi', () => {
  it('scores a department and writes a self-contained HTML scorecard', async () => {
    const r = await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2', '--out', 'card.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jianguan-baseline@');
    expect(r.stdout).toMatch(/总分 [\d.]+ \/ 100，(合格|不合格|单项否决)\ntotal [\d.]+ \/ 100 — /);
    expect(r.stdout).toContain('catalog-claim-rate');
    const html = readFileSync(tmp.path('card.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('id="total"');
    expect(html).toContain('JC-2'); // the late record is listed as evidence
  });

  it('prints the whole scorecard as JSON, consistent with the text output', async () => {
    const text = await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2']);
    const json = await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2', '--json']);
    const card = JSON.parse(json.stdout) as {
      total: number;
      setId: string;
      indicators: { id: string; deducted: number }[];
    };
    expect(card.setId).toBe('jianguan-baseline');
    expect(text.stdout).toContain(`total ${card.total} /`);
    const claim = card.indicators.find((i) => i.id === 'catalog-claim-rate');
    expect(claim?.deducted).toBeGreaterThan(0);
  });

  it('writes CSV by extension and scores a pooled region with another shipped set', async () => {
    const r = await kpi([
      'data.json',
      '--unit',
      '420322',
      '--departments',
      'scjg,hbj',
      '--name',
      '郧西县',
      '--period',
      '2025-Q2',
      '--indicator-set',
      'hubei-like',
      '--out',
      'card.csv',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { setId: string; unit: { id: string; departments: string[] } };
    expect(body.setId).toBe('hubei-like');
    expect([...body.unit.departments].sort()).toEqual(['hbj', 'scjg']);
    expect(readFileSync(tmp.path('card.csv'), 'utf8').split('\n')[0]).toContain('unit');
  });

  it('exits 1 below --fail-under', async () => {
    const json = await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2', '--json']);
    const total = (JSON.parse(json.stdout) as { total: number }).total;
    expect(
      (await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2', '--fail-under', String(total + 1)]))
        .code,
    ).toBe(1);
    expect(
      (await kpi(['data.json', '--unit', 'scjg', '--period', '2025-Q2', '--fail-under', String(total)])).code,
    ).toBe(0);
  });

  it('lists the shipped indicator sets', async () => {
    const r = await kpi(['--list-indicator-sets', '--json']);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id)).toEqual([
      'jianguan-baseline',
      'hubei-like',
    ]);
  });

  it('names the indicator set to a department without research-note wording', async () => {
    for (const argv of [['data.json', '--unit', 'scjg', '--period', '2025-Q2'], ['--list-indicator-sets']]) {
      const r = await kpi(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('互联网+监管 基准考核指标');
      expect(r.stdout).toContain('Internet+Regulation baseline');
      expect(r.stdout).not.toMatch(/种子|seeds?\b/i);
    }
  });

  it.each([
    [['data.json', '--unit', 'scjg', '--period', '2025-Q5'], 2, 'bad_period'],
    [['data.json', '--period', '2025-Q2'], 2, 'missing_option'],
    [
      ['data.json', '--unit', 'scjg', '--period', '2025', '--indicator-set', 'nope'],
      2,
      'unknown_indicator_set',
    ],
    [['missing.json', '--unit', 'scjg', '--period', '2025'], 3, 'file_not_found'],
    [['not-object.json', '--unit', 'scjg', '--period', '2025'], 3, 'invalid_kpi_data'],
  ])('kpi %j exits %i (%s)', async (argv, code, errorCode) => {
    const r = await kpi([...argv, '--json']);
    expect(r.code).toBe(code);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe(errorCode);
  });
});

describe('kpi --help documents data.json', () => {
  it('names every list and its fields', async () => {
    const r = await run(['kpi', '--help']);
    expect(r.code).toBe(0);
    for (const text of [
      'behaviours',
      'reportedDate',
      'catalogItems',
      'claimed',
      'officers',
      'onlineDays',
      'publications',
      'channel: annual_plan|work_news|exposure',
      'clues',
      'feedbackDate',
      'doubleNotifications',
      'pushedDate',
      'assessments',
    ])
      expect(r.stdout).toContain(text);
  });
});

describe('kpi --indicator-set <file> with a malformed set', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  it('names the field in plain Chinese and plain English', async () => {
    dir.write('set.json', '{"id":"x"}');
    dir.write('data.json', '{}');
    const r = await run(
      ['kpi', 'data.json', '--unit', 'a', '--period', '2025', '--indicator-set', './set.json'],
      {
        cwd: dir.dir,
      },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('./set.json is not a valid indicator set: version: required');
    expect(r.stderr).toContain('./set.json 不是有效的考核指标集：version：缺少必填项');
    expect(r.stderr).not.toMatch(/Invalid input/);
  });
});
