import { afterAll, describe, expect, it } from 'vitest';
import * as calendar from '../../src/calendar/index.js';
import * as core from '../../src/index.js';
import * as io from '../../src/io/index.js';
import { SEED } from './harness.js';
import { sweepExports, sweepFailures } from './sweep.js';

const never = [
  'describeValue',
  'isCivilDate',
  'isDeeplyFrozenData',
  'isJianguanError',
  'linkByEntity',
  'tryBehaviourActDate',
  'tryDayNumberOf',
  'uscc.isValid',
  'uscc.check',
  'orgCode.isValid',
  'orgCode.check',
  'regionCode.isValid',
  'regionCode.check',
  'residentId.isValid',
  'residentId.check',
];

const initial = core.getDefaultCalendar();
afterAll(() => core.setDefaultCalendar(initial));

describe('fuzz: every export of @jianguan/core throws only typed errors on junk', () => {
  for (const [entry, ns] of [
    ['@jianguan/core', core],
    ['@jianguan/core/calendar', calendar],
    ['@jianguan/core/io', io],
  ] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, {
        never,
        ...(entry === '@jianguan/core' && {
          skip: {
            'regionCode.regionWarnings':
              '@internal: takes a code regionCode.check already found structurally valid',
          },
        }),
        samples: {
          codeTableEnum: ['checkType'],
          lookupCode: ['checkType', '01'],
          addWorkdays: ['2025-01-01', 3],
          organisationClosures: [{ dates: ['2025-01-02'] }],
          diffVersionedEntries: [[{ code: '1', name: 'a' }], [{ code: '1', name: 'b' }]],
          isWordingChange: ['市场监督管理', '市场监管管理'],
          suggestSemverBump: [[{ kind: 'added' }]],
        },
      });
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
