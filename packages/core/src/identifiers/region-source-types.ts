/**
 * @internal The raw GB/T 2260 table as `region-code.ts` reads it, whichever way it was loaded (see
 * `region-source.ts` and `region-source-deferred.ts`, chosen by the `#region-source` import map).
 */
export interface RegionSourceData {
  /** Current codes, one `<code> <name>` per line. */
  readonly current: string;
  /** Former codes (no longer in force), same format. */
  readonly former: string;
  /** Prefectures whose counties are listed completely. */
  readonly completePrefectures: readonly string[];
}
