/**
 * @internal The GB/T 2260 table outside Node.js (browser builds): loaded only by
 * `await regionCode.loadTable()`, through a dynamic import that a bundler puts in a chunk of its own. Until
 * then region lookups report the table as not loaded (see `region-code.ts`). Same API as `region-source.ts`.
 */
import type { RegionSourceData } from './region-source-types.js';

let data: RegionSourceData | undefined;

/** The table once {@link loadRegionSource} has resolved, otherwise `undefined`. */
export function regionSource(): RegionSourceData | undefined {
  return data;
}

/** Loads the table (once). */
export async function loadRegionSource(): Promise<RegionSourceData> {
  if (data === undefined) {
    const m = await import('./data/gb2260.js');
    data = {
      current: m.REGION_DATA,
      former: m.REGION_FORMER_DATA,
      completePrefectures: m.COMPLETE_PREFECTURES,
    };
  }
  return data;
}
