import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  baselineIndicatorSet,
  compareUnits,
  hubeiLikeIndicatorSet,
  renderScorecardHtml,
  scoreIndicators,
  scoreTrend,
} from '@jianguan/kpi';
import { afterAll, describe, expect, it } from 'vitest';
import { smallData } from './fixtures.js';
import { decodePng, pixelStats } from './png.js';

const card = scoreIndicators(baselineIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' });
const comparison = compareUnits(baselineIndicatorSet, smallData, { period: '2023-Q2' });
const trend = scoreTrend(baselineIndicatorSet, smallData, {
  unit: 'scjg',
  periods: ['2023-Q1', '2023-Q2', '2023-Q3'],
});
const html = renderScorecardHtml(card, { comparison, trend });

describe('HTML scorecard (static checks)', () => {
  it('is self-contained: no scripts, no external resources, a CSP that forbids them', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    // the only URLs are SVG namespace identifiers, which are never fetched
    expect(html.match(/https?:\/\/[^"\s]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain(`default-src 'none'`);
  });
  it('escapes data', () => {
    const evil = scoreIndicators(
      baselineIndicatorSet,
      { catalogItems: [{ itemCode: '<script>alert(1)</script>', department: 'd&d', claimed: false }] },
      { period: '2023-Q2', unit: 'd&d' },
    );
    const out = renderScorecardHtml(evil);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('speaks to a department: public citations, Chinese reason labels, no research notes', () => {
    for (const out of [
      html,
      renderScorecardHtml(
        scoreIndicators(hubeiLikeIndicatorSet, smallData, { period: '2023-Q2', unit: 'scjg' }),
      ),
    ]) {
      expect(out).not.toMatch(/seed \d{3}/);
      expect(out).not.toMatch(/\.md\b|§\d/);
      expect(out).not.toMatch(/\[(inferred|confirmed)\]/);
      expect(out).not.toContain('种子文件');
    }
    expect(html).toContain('《郧西县“互联网+监管”工作推进方案》（西政办发〔2021〕16号）第 12 项任务');
    expect(html).toContain('《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）');
    expect(html).toContain('分值为可配置的默认值（未见公开的评分细则）');
    // reason codes are shown as labels, Chinese first
    const codes = [
      'late_report',
      'uncovered',
      'unclaimed',
      'shortfall',
      'inactive',
      'unregistered',
      'late_fix',
    ];
    const cells = [...html.matchAll(/<td>([a-z_]+)<\/td>/g)].map((m) => m[1]);
    expect(cells.filter((c) => codes.includes(c ?? ''))).toEqual([]);
    expect(html).toMatch(/超期报送<br><span class="en">reported late<\/span>|无监管行为数据|未认领/);
  });

  it('renders a Hubei-like card with a veto', () => {
    const vetoed = scoreIndicators(hubeiLikeIndicatorSet, smallData, { period: '2023-Q2', unit: 'hbj' });
    expect(renderScorecardHtml(vetoed)).toContain('单项否决 vetoed');
  });
});

function findChromium(): string | undefined {
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const chromium = findChromium();
// In CI (.ci/run installs it with scripts/ensure-chromium.sh) a missing browser is a failure, not a skip.
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!chromium && !inCi) {
  console.warn(
    'kpi html test: no chromium binary on PATH — skipping the browser test (run scripts/ensure-chromium.sh)',
  );
}

it.runIf(inCi)('has a chromium binary in CI (scripts/ensure-chromium.sh installs it)', () => {
  expect(chromium, 'no chromium on PATH in CI: .ci/run must run scripts/ensure-chromium.sh').toBeDefined();
});

describe.skipIf(!chromium)('HTML scorecard in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianguan-kpi-'));
  const file = join(dir, 'scorecard.html');
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const common = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`,
  ];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a non-blank screenshot of the requested size', () => {
    const png = join(dir, 'shot.png');
    const run = spawnSync(
      chromium as string,
      [...common, `--screenshot=${png}`, '--window-size=1200,1600', url],
      {
        timeout: 90_000,
        encoding: 'utf8',
      },
    );
    expect(existsSync(png), `chromium produced no screenshot: ${run.stderr}`).toBe(true);
    const decoded = decodePng(readFileSync(png));
    expect([decoded.width, decoded.height]).toEqual([1200, 1600]);
    const stats = pixelStats(decoded);
    // a blank page has variance 0 and one colour; tables, bars and text give many
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.colours).toBeGreaterThan(20);
  }, 120_000);

  it('the rendered DOM carries the expected scores', () => {
    const dom = execFileSync(chromium as string, [...common, '--dump-dom', url], {
      timeout: 90_000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(dom).toContain('id="total" data-total="64.48"');
    expect(dom).toContain('data-indicator="behaviour-coverage" data-score="11.25"');
    expect(dom).toContain('data-indicator="behaviour-report-timeliness" data-score="14.8"');
    expect(dom).toMatch(/<tr data-unit="scjg" data-total="64\.48">/);
    expect(dom).toMatch(/<tr data-period="2023-Q2" data-total="64\.48">/);
    for (const id of ['chart-dimensions', 'chart-indicators', 'chart-ranking', 'chart-trend']) {
      expect(dom).toContain(`<svg xmlns="http://www.w3.org/2000/svg" id="${id}"`);
    }
  }, 120_000);
});
