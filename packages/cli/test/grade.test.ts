import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population } from './fixtures.js';
import { run, tempDir } from './helpers.js';

const tmp = tempDir();
const [clean, fined, listed] = population(3).map((e) => e.id) as [string, string, string];

beforeAll(() => {
  // One profile per line, and one fact per line (grouped by entityId) — both accepted.
  tmp.write(
    'facts.jsonl',
    [
      { entityId: clean, facts: [] },
      {
        entityId: fined,
        facts: [
          {
            kind: 'penalty',
            id: 'P-1',
            decisionDate: '2025-03-01',
            penaltyKinds: ['02', '05'],
            fineAmount: 500000,
          },
        ],
      },
      { entityId: listed, kind: 'abnormal_list', id: 'AB-1', reason: '1', listedAt: '2025-05-01' },
      { entityId: listed, kind: 'complaint', id: 'T-1', receivedAt: '2025-06-01', substantiated: true },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n'),
  );
  tmp.write(
    'bad.jsonl',
    `${JSON.stringify({ entityId: clean, facts: [] })}\n${JSON.stringify({ entityId: fined, facts: [{ kind: 'penalty', id: 'P', decisionDate: '2025-03-01', penaltyKinds: ['fine'] }] })}\n`,
  );
});
afterAll(() => tmp.cleanup());

const grade = (args: string[]) => run(['grade', ...args], { cwd: tmp.dir });

describe('jianguan grade', () => {
  it('grades each entity with the default rule set and shows the evidence', async () => {
    const r = await grade(['facts.jsonl', '--as-of', '2025-12-31', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      ruleSetId: string;
      asOf: string;
      counts: Record<string, number>;
      results: { entityId: string; grade: string; firedRules: { ruleId: string; evidence: string[] }[] }[];
    };
    expect(body).toMatchObject({ ruleSetId: 'samr-baseline', asOf: '2025-12-31' });
    const byId = new Map(body.results.map((x) => [x.entityId, x]));
    expect(byId.get(clean)?.firedRules).toEqual([]);
    expect(byId.get(fined)?.firedRules.flatMap((f) => f.evidence)).toContain('P-1');
    expect(byId.get(listed)?.firedRules.flatMap((f) => f.evidence)).toContain('AB-1');
    // worse records, worse grade
    const rank = (g: string | undefined) => ['A', 'B', 'C', 'D'].indexOf(g ?? '');
    expect(rank(byId.get(fined)?.grade)).toBeGreaterThan(rank(byId.get(clean)?.grade));
    expect(rank(byId.get(listed)?.grade)).toBeGreaterThan(rank(byId.get(clean)?.grade));
    expect(Object.values(body.counts).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('prints a table and the internal-use notice', async () => {
    const r = await grade(['facts.jsonl', '--as-of', '2025-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('samr-baseline@');
    expect(r.stdout).toContain(fined);
    expect(r.stdout).toContain('P-1');
    expect(r.stdout).toContain('内部掌握');
  });

  it('writes grades as CSV that `draw --by grade` reads', async () => {
    const r = await grade([
      'facts.jsonl',
      '--as-of',
      '2025-12-31',
      '--rule-set',
      'sd-five-class',
      '--out',
      'grades.csv',
    ]);
    expect(r.code).toBe(0);
    const csv = readFileSync(tmp.path('grades.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('entityId,grade,firedRules');
    expect(csv).toHaveLength(4);
    const grades = new Map(
      csv
        .slice(1)
        .map((l) => l.split(',') as [string, string, string])
        .map(([id, g]) => [id, g]),
    );
    const worst = grades.get(fined) ?? '';
    const d = await run(
      [
        'draw',
        'grades.csv',
        '--seed',
        '20237331128159211123',
        '--by',
        'grade',
        '--ratio',
        `${worst}=100%`,
        '--as-of',
        '2026-01-05',
        '--out',
        '-',
      ],
      { cwd: tmp.dir },
    );
    expect(d.code).toBe(0);
    const record = JSON.parse(d.stdout) as { strata: { picks: { id: string }[] }[] };
    expect(record.strata[0]?.picks.map((p) => p.id)).toContain(fined);
  });

  it('documents every input field in --help', async () => {
    const r = await grade(['--help']);
    expect(r.code).toBe(0);
    for (const kind of [
      'penalty',
      'abnormal_list',
      'serious_list',
      'spot_check',
      'complaint',
      'commitment_breach',
      'court_dishonesty',
      'external_grade',
    ])
      expect(r.stdout).toContain(kind);
    for (const field of [
      'entityId',
      'facts',
      'decisionDate',
      'penaltyKinds',
      'listedAt',
      'resultCodes',
      'substantiated',
      'outcome',
      'issuedAt',
    ])
      expect(r.stdout).toContain(field);
  });

  it('reports a malformed fact in plain Chinese and plain English (no raw zod text)', async () => {
    tmp.write(
      'bad-facts.jsonl',
      '{"entityId":"E1","facts":[{"kind":"penalty","id":"P1","penaltyKinds":["01"]}]}\n',
    );
    const r = await grade(['bad-facts.jsonl', '--as-of', '2025-12-31']);
    expect(r.code).toBe(3);
    const zh = r.stderr.split('\n').find((l) => l.startsWith('jianguan: 错误：')) ?? '';
    expect(zh).toContain('facts.0.decisionDate');
    expect(zh).toContain('缺少必填项');
    expect(zh.replace(/^jianguan: |[\w.-]+\.jsonl|facts\.0\.decisionDate|E1/g, '')).not.toMatch(
      /[A-Za-z]{3,}/,
    );
    expect(r.stderr).toContain('bad credit data: facts.0.decisionDate: required');
  });

  it('calls a value of the wrong type a type error, not a missing field', async () => {
    tmp.write(
      'wrong-type.jsonl',
      '{"entityId":"E1","facts":[{"kind":"penalty","id":"P1","decisionDate":"2025-03-01","penaltyKinds":"01"}]}\n',
    );
    const r = await grade(['wrong-type.jsonl', '--as-of', '2025-12-31']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('facts.0.penaltyKinds：类型错误，应为数组');
    expect(r.stderr).toContain('facts.0.penaltyKinds: expected array');
    expect(r.stderr).not.toContain('缺少必填项');
  });

  it('grades an entity once on all its rows, profile and single facts together (as the guide shows)', async () => {
    tmp.write(
      'mixed.jsonl',
      [
        '{"entityId":"E1","facts":[{"kind":"penalty","id":"P1","decisionDate":"2025-03-01","penaltyKinds":["01"]}]}',
        '{"entityId":"E2","kind":"penalty","id":"P2","decisionDate":"2025-03-01","penaltyKinds":["01"]}',
        '{"entityId":"E1","kind":"abnormal_list","id":"AB1","reason":"1","listedAt":"2025-07-01"}',
        '{"entityId":"E2","registeredAt":"2020-01-01","facts":[]}',
      ].join('\n'),
    );
    const r = await grade(['mixed.jsonl', '--as-of', '2025-12-31', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      entities: number;
      results: { entityId: string; grade: string; firedRules: { ruleId: string }[] }[];
    };
    expect(out.entities).toBe(2);
    expect(out.results.map((x) => x.entityId)).toEqual(['E1', 'E2']);
    expect(out.results[0]!.grade).toBe('C');
    expect(out.results[0]!.firedRules.map((f) => f.ruleId)).toContain('abnormal-list');
  });

  it('refuses two profiles of one entity with different registration dates', async () => {
    tmp.write(
      'conflict.jsonl',
      '{"entityId":"E1","registeredAt":"2020-01-01","facts":[]}\n{"entityId":"E1","registeredAt":"2021-01-01","facts":[]}\n',
    );
    const r = await grade(['conflict.jsonl', '--as-of', '2025-12-31']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('conflict.jsonl line 2 (E1): registeredAt differs from line 1');
  });

  it('lists the shipped rule sets with their measures', async () => {
    const r = await grade(['--list-rule-sets', '--json']);
    expect(r.code).toBe(0);
    const sets = JSON.parse(r.stdout) as {
      id: string;
      measures: { grade: string; samplingRatio: { default: number } }[];
    }[];
    expect(sets.map((s) => s.id)).toEqual(expect.arrayContaining(['samr-baseline', 'sd-five-class']));
    for (const set of sets)
      for (const m of set.measures) expect(m.samplingRatio.default).toBeGreaterThanOrEqual(0);
    const text = await grade(['--list-rule-sets']);
    expect(text.stdout).toContain('samr-baseline@');
  });

  it('names the file, line and entity of bad credit data (exit 3)', async () => {
    const r = await grade(['bad.jsonl', '--as-of', '2025-12-31']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad.jsonl line 2');
    expect(r.stderr).toContain(fined);
  });

  it.each([
    [['facts.jsonl', '--rule-set', 'nope'], 2],
    [['facts.jsonl', '--as-of', '31/12/2025'], 2],
    [[], 2],
    [['missing.jsonl'], 3],
  ])('grade %j exits %i', async (argv, code) => {
    expect((await grade(argv)).code).toBe(code);
  });
});
