/**
 * @internal The GB/T 2260 table for Node.js (also Deno and Bun: any runtime with the `node` export condition),
 * imported statically so region lookups are synchronous from the first call. `@jianguan/core` maps
 * `#region-source` here for the `node` condition and to `region-source-deferred.ts` otherwise (browsers),
 * so that a browser bundle of `uscc` or `residentId` does not carry the ~100 KB table unless it asks for it.
 */
import { COMPLETE_PREFECTURES, REGION_DATA, REGION_FORMER_DATA } from './data/gb2260.js';
import type { RegionSourceData } from './region-source-types.js';

const DATA: RegionSourceData = {
  current: REGION_DATA,
  former: REGION_FORMER_DATA,
  completePrefectures: COMPLETE_PREFECTURES,
};

/** The table: always loaded here. */
export function regionSource(): RegionSourceData | undefined {
  return DATA;
}

/** Resolves to the table (already loaded). */
export async function loadRegionSource(): Promise<RegionSourceData> {
  return DATA;
}
