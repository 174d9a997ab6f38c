import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { baselineIndicatorSet, hubeiLikeIndicatorSet } from '@jianguan/kpi';
import { expect, it } from 'vitest';

it('docs/guides/sources-ledger.md (KPI section) is generated from the current indicator sets', () => {
  const script = fileURLToPath(new URL('../scripts/gen-sources-ledger.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--conditions=@jianguan/source', '--import', 'tsx', script, '--check'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('up to date');
});

it('every number of every shipped indicator has a source', () => {
  for (const set of [baselineIndicatorSet, hubeiLikeIndicatorSet]) {
    for (const ind of set.indicators) {
      const i = ind as unknown as Record<string, unknown>;
      const fields = [
        'points',
        'target',
        'above',
        'threshold',
        'perShortfall',
        'perRecord',
        'perWorkdayLate',
        'perPercentAbove',
        'perUnitAbove',
      ].filter((k) => i[k] !== undefined);
      if ('allowedWorkdays' in ind.metric) fields.push('metric.allowedWorkdays');
      if ((i.scoring as { points?: number } | undefined)?.points !== undefined) fields.push('scoring.points');
      for (const f of fields) {
        const ok =
          ind.source.some((s) => s.covers?.includes(f)) || ind.source.some((s) => s.covers === undefined);
        expect(ok, `${set.id} ${ind.id}.${f}`).toBe(true);
      }
    }
    for (const k of Object.keys(set.conventions)) {
      expect(
        set.sources.some((s) => s.covers?.includes(`conventions.${k}`)),
        `${set.id} conventions.${k}`,
      ).toBe(true);
    }
  }
});

it('the bonus part is 30 points, as the inspection indicators of 国办秘函〔2019〕19号 say', () => {
  for (const set of [baselineIndicatorSet, hubeiLikeIndicatorSet]) {
    expect(set.conventions.bonusPoints).toBe(30);
    const src = set.sources.find((s) => s.covers?.includes('conventions.bonusPoints'));
    expect(src?.ref).toMatch(/政府网站与政务新媒体检查指标/);
    expect(src?.ref).toMatch(/加分指标分值为30分/);
  }
});
