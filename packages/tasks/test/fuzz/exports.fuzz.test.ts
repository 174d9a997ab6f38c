import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  '@jianguan/tasks': {
    samples: {
      clueEvents: [
        [{ warningId: 'w1', createdAt: '2025-09-30 10:00', title: '预警' }],
        { department: 'scjg' },
      ],
      jointTaskEvents: [
        [
          {
            taskNo: 'J1',
            superviseData: {
              taskInfo: {
                taskNo: 'J1',
                taskStartTime: '2025-09-30',
                superviseObjects: [{ superviseObjectName: '某公司', credentialsValue: '91350100M000100Y' }],
              },
            },
          },
        ],
      ],
      fixTasksFromRejections: [
        [{ key: 'k1', recordId: 'r1', batchNo: '2025093000001', status: 'rejected' }],
        { rejectedOn: '2025-09-30', department: 'scjg', actor: { id: 'outbox' } },
      ],
      proposeJointTasks: [
        [
          { id: 'a', kind: 'clue', department: 'SAMR', uscc: '91350100M000100Y' },
          { id: 'b', kind: 'clue', department: 'EPB', uscc: '91350100M000100Y', due: '2025-10-10' },
        ],
      ],
      verifyLog: [[]],
    },
  },
};

describe('fuzz: every export of @jianguan/tasks throws only typed errors on junk', () => {
  for (const [entry, ns] of [['@jianguan/tasks', api]] as const)
    it(entry, { timeout: 600_000 }, async () => {
      const tallies = await sweepExports(entry, ns as Record<string, unknown>, options[entry]);
      expect({ seed: SEED, failures: sweepFailures(tallies) }).toEqual({ seed: SEED, failures: [] });
    });
});
