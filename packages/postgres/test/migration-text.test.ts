import { PUBLICATION_CHANNELS } from '@jianguan/core';
import { describe, expect, it } from 'vitest';
import { KPI_FEEDS_SQL } from '../src/kpi-feeds.js';

describe('applied migrations are fixed text', () => {
  it("migration 7's publication channel check lists exactly core's channels", () => {
    const m = /channel in \(([^)]*)\)/.exec(KPI_FEEDS_SQL);
    expect(m).not.toBeNull();
    const listed = m![1]!.split(',').map((c) => c.trim().replace(/^'|'$/g, ''));
    expect(listed).toEqual([...PUBLICATION_CHANNELS]);
    expect(KPI_FEEDS_SQL).not.toContain('${');
  });
});
