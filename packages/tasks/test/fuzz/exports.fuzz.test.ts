import { describe, expect, it } from 'vitest';
import { SEED } from '../../../core/test/fuzz/harness.js';
import { type SweepOptions, sweepExports, sweepFailures } from '../../../core/test/fuzz/sweep.js';
import * as api from '../../src/index.js';

/** Per entry: see SweepOptions (`pending`: found by the sweep, not fixed yet — issue #11 item 5). */
const options: Record<string, SweepOptions> = {
  '@jianguan/tasks': {
    pending: {
      commitmentEvents: 'untyped TypeError: records is not iterable',
      commitmentTaskId: 'untyped TypeError: Cannot convert object to primitive value',
      applyFixFacts: "untyped TypeError: Cannot read properties of undefined (reading 'map')",
      clueEvents: 'untyped TypeError: records is not iterable',
      clueTaskId: 'untyped TypeError: Cannot convert object to primitive value',
      complaintEvents: 'untyped TypeError: records is not iterable',
      complaintTaskId: 'untyped TypeError: Cannot convert object to primitive value',
      createFileTaskStore: 'untyped TypeError: Cannot convert object to primitive value',
      createLifecycleRegistry: 'untyped TypeError: lifecycles is not iterable',
      createMemoryTaskStore: 'untyped TypeError: initial is not iterable',
      crossDepartmentLibrary: 'untyped TypeError: listings is not iterable',
      deriveLifecycle: "untyped TypeError: Cannot read properties of undefined (reading 'deadlines')",
      diffLifecycles: "untyped TypeError: Cannot read properties of undefined (reading 'transitions')",
      doubleNotificationEvents: 'untyped TypeError: records is not iterable',
      doubleNotificationTaskId: 'untyped TypeError: Cannot convert object to primitive value',
      dueList: "untyped TypeError: Cannot read properties of undefined (reading 'asOf')",
      evaluateRiskRules: "untyped TypeError: Cannot read properties of undefined (reading 'asOf')",
      eventDate: 'untyped TypeError: Cannot convert object to primitive value',
      feedbackToProvince: "untyped TypeError: Cannot read properties of undefined (reading 'tasks')",
      fixTaskId: "untyped TypeError: Cannot read properties of undefined (reading 'key')",
      fixTasksFromRejections: 'untyped TypeError: entries is not iterable',
      hashEvent: "untyped TypeError: Cannot destructure property 'hash' of 'event' as it is undefined.",
      jointTaskEvent: "untyped TypeError: Cannot read properties of undefined (reading 'taskId')",
      jointTaskEvents: 'untyped TypeError: records is not iterable',
      jointTaskId: 'untyped TypeError: Cannot convert object to primitive value',
      kpiFactsFromTasks: 'untyped TypeError: tasks is not iterable',
      openTaskBook: "untyped TypeError: Cannot read properties of null (reading 'store')",
      proposeJointTasks: 'untyped TypeError: work is not iterable',
      rebuildStore: "untyped TypeError: Cannot read properties of undefined (reading 'length')",
      reduceTask: "untyped TypeError: Cannot read properties of undefined (reading 'at')",
      replayTasks: 'untyped TypeError: events is not iterable',
      signalsToClueTasks: 'untyped TypeError: signals is not iterable',
      summarizeDue: 'untyped TypeError: items is not iterable',
      syncFromProvince: "untyped TypeError: Cannot read properties of undefined (reading 'clues')",
      timeliness: "untyped TypeError: Cannot read properties of undefined (reading 'asOf')",
      verifyLog: "untyped TypeError: Cannot read properties of undefined (reading 'length')",
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
