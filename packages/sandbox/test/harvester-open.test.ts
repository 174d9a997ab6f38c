import { readdirSync } from 'node:fs';
import { ClientOptionsError } from '@jianguan/provincial-client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTypedError, SEED } from '../../core/test/fuzz/harness.js';
import { openExchangeDatabase, startExchangeHarvest } from '../src/index.js';

// openExchangeDatabase is left out of the exports sweep (any string is a directory it would create a PGlite
// database in); what it refuses is swept here, without opening anything.
describe('openExchangeDatabase and startExchangeHarvest refuse junk before opening a database', () => {
  const notATarget = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== 'string'),
    fc.constant(undefined),
    fc.constantFrom('', 'a\0b'),
  );

  it('a target that is not a non-empty string without NUL: a typed ClientOptionsError', async () => {
    const before = readdirSync('.');
    await fc.assert(
      fc.asyncProperty(notATarget, async (target) => {
        const error = await openExchangeDatabase(target as string).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ClientOptionsError);
        expect(isTypedError(error)).toBe(true);
      }),
      { numRuns: 100, seed: SEED },
    );
    expect(readdirSync('.')).toEqual(before);
  });

  it('startExchangeHarvest checks the sandbox and the options first (path in the error)', async () => {
    const error = (await startExchangeHarvest({} as never, { target: 'never-created' }).catch(
      (e: unknown) => e,
    )) as ClientOptionsError;
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error.path).toEqual(['sandbox']);
    expect(readdirSync('.')).not.toContain('never-created');
    const bad = (await startExchangeHarvest({ ingest: () => undefined, state: {} } as never, {
      target: 'never-created',
      intervalMs: -1,
    }).catch((e: unknown) => e)) as ClientOptionsError;
    expect(bad.path).toEqual(['options', 'intervalMs']);
    expect(readdirSync('.')).not.toContain('never-created');
  });
});
