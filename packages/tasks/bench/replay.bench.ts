/**
 * Benchmark: replay 1 M task events (risk clues and 双告知 items across 50 departments, five events a task on
 * average) into task states, verify the hash chain, and compute the due list as of a day — next to a named
 * peer, a hand-written `switch` state machine over the same events that computes the same states and due
 * dates with core's calendar (results checked equal). Prints wall and CPU time (median of ROUNDS=3 alternating
 * rounds after a warm-up), events per CPU-second and the ratio.
 *
 *   npm run bench -w packages/tasks            (EVENTS=200000 to shrink)
 */
import { addWorkdaysToDayNumber, civilDateOfDayNumber, dayNumberOf } from '@jianguan/core';
import type { TaskEvent, TaskEventInput } from '@jianguan/tasks';
import {
  BUILT_IN_LIFECYCLES,
  createLifecycleRegistry,
  dueList,
  replayTasks,
  sealEvent,
  verifyLog,
} from '@jianguan/tasks';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const DEPARTMENTS = 50;
let seed = 0x9e3779b9;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
};

// Scripts per kind: the happy path with optional 回退; every task follows one of them.
const CLUE = ['claim', 'start_verification', 'feedback', 'close'];
const NOTICE = ['claim', 'start_handling', 'feedback', 'close'];
const start = dayNumberOf('2025-01-02');
const inputs: TaskEventInput[] = [];
let taskNo = 0;
while (inputs.length < EVENTS) {
  const id = `T${taskNo++}`;
  const clue = rand() < 0.5;
  const day = start + Math.floor(rand() * 330);
  const department = `D${Math.floor(rand() * DEPARTMENTS)}`;
  inputs.push({
    taskId: id,
    action: 'create',
    at: civilDateOfDayNumber(day),
    actor: { id: 'p' },
    task: { lifecycle: clue ? 'risk_clue' : 'double_notification', department },
  });
  const steps = Math.floor(rand() * 5);
  let d = day;
  if (rand() < 0.05) {
    inputs.push({
      taskId: id,
      action: 'return',
      at: civilDateOfDayNumber(d + 1),
      actor: { id: 'u' },
      reason: { code: '01' },
    });
    continue;
  }
  for (let s = 0; s < steps && inputs.length < EVENTS; s++) {
    d += Math.floor(rand() * 4);
    const action = (clue ? CLUE : NOTICE)[s] as string;
    inputs.push({
      taskId: id,
      action,
      at: civilDateOfDayNumber(d),
      actor: { id: 'u' },
      ...(action === 'feedback' ? { note: 'ok' } : {}),
    });
  }
}
inputs.length = EVENTS;
// Seal once (the log as a store would return it).
const events: TaskEvent[] = new Array(EVENTS);
let prev: TaskEvent | undefined;
for (let i = 0; i < EVENTS; i++) {
  prev = sealEvent(prev, inputs[i] as never);
  events[i] = prev;
}
const lifecycles = createLifecycleRegistry(BUILT_IN_LIFECYCLES);
const asOf = '2025-11-20';

function measure<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, result };
}

/** The peer: a hand-written switch over (state, action) with the deadlines coded in. */
function peer() {
  const state = new Map<
    string,
    { s: string; dept: string; dueDay: number; met: boolean; cancelled: boolean; clue: boolean }
  >();
  for (const e of events) {
    if (e.action === 'create') {
      const clue = e.task?.lifecycle === 'risk_clue';
      const day = dayNumberOf(e.at);
      state.set(e.taskId, {
        s: 'dispatched',
        dept: e.task?.department as string,
        dueDay: addWorkdaysToDayNumber(day, clue ? 10 : 5),
        met: false,
        cancelled: false,
        clue,
      });
      continue;
    }
    const t = state.get(e.taskId);
    if (!t) throw new Error('unknown');
    switch (t.s) {
      case 'dispatched':
        if (e.action === 'claim') {
          t.s = 'claimed';
          if (!t.clue) t.met = true;
        } else if (e.action === 'return') {
          t.s = 'returned';
          t.cancelled = true;
        } else throw new Error('illegal');
        break;
      case 'claimed':
        if (e.action === 'start_verification' && t.clue) t.s = 'verifying';
        else if (e.action === 'start_handling' && !t.clue) t.s = 'handling';
        else throw new Error('illegal');
        break;
      case 'verifying':
      case 'handling':
        if (e.action === 'feedback') {
          t.s = 'fed_back';
          if (t.clue) t.met = true;
        } else throw new Error('illegal');
        break;
      case 'fed_back':
        if (e.action === 'close') t.s = 'closed';
        else throw new Error('illegal');
        break;
      default:
        throw new Error('illegal');
    }
  }
  const today = dayNumberOf(asOf);
  let overdue = 0;
  let open = 0;
  for (const t of state.values()) {
    if (t.met || t.cancelled || t.s === 'closed') continue;
    open++;
    if (today > t.dueDay) overdue++;
  }
  return { tasks: state.size, open, overdue };
}

function ours() {
  const tasks = replayTasks(events, { lifecycles });
  const due = dueList(tasks.values(), lifecycles, { asOf });
  return { tasks: tasks.size, open: due.length, overdue: due.filter((d) => d.status === 'overdue').length };
}

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const runs = { peer: [] as { ms: number; cpuMs: number }[], ours: [] as { ms: number; cpuMs: number }[] };
let p = measure(peer);
let o = measure(ours);
for (let r = 0; r < ROUNDS; r++) {
  // Alternate so that both see the same machine load; the median of the rounds is reported.
  p = measure(peer);
  o = measure(ours);
  runs.peer.push(p);
  runs.ours.push(o);
}
if (JSON.stringify(p.result) !== JSON.stringify(o.result)) {
  console.error('MISMATCH', p.result, o.result);
  process.exit(1);
}
const pm = { ms: median(runs.peer.map((x) => x.ms)), cpuMs: median(runs.peer.map((x) => x.cpuMs)) };
const om = { ms: median(runs.ours.map((x) => x.ms)), cpuMs: median(runs.ours.map((x) => x.cpuMs)) };
const v = measure(() => verifyLog(events));
if (!v.result.ok) process.exit(1);
const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString('en-US');
const line = (label: string, m: { ms: number; cpuMs: number }) =>
  console.log(
    `${label}: ${m.ms.toFixed(0)} ms wall, ${m.cpuMs.toFixed(0)} ms CPU, ${rate(m.cpuMs)} events/CPU-s`,
  );
console.log(
  `${EVENTS.toLocaleString('en-US')} events, ${o.result.tasks.toLocaleString('en-US')} tasks, ${o.result.open} open deadlines (${o.result.overdue} overdue) as of ${asOf}; median of ${ROUNDS} alternating rounds after a warm-up`,
);
line('@jianguan/tasks replay + due list ', om);
line('peer: hand-written switch loop    ', pm);
console.log(
  `ratio (tasks / peer)              : ${(om.ms / pm.ms).toFixed(2)}x wall, ${(om.cpuMs / pm.cpuMs).toFixed(2)}x CPU`,
);
line('hash-chain verification (SHA-256) ', v);
