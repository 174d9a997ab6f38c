import type { CommandSpec } from '../runtime/args.js';
import { COMMAND_SUMMARIES } from './summaries.js';

/**
 * A subcommand as the top level knows it: its name and one-line summary, and how to load it. The command's module
 * (and everything it imports: credit rules, sampling, the sandbox server …) is loaded only when that command runs,
 * so `jianguan --version`, `--help` and `jianguan workday …` do not pay for the others.
 */
export interface CommandEntry {
  readonly name: keyof typeof COMMAND_SUMMARIES;
  readonly summary: (typeof COMMAND_SUMMARIES)[keyof typeof COMMAND_SUMMARIES];
  load(): Promise<CommandSpec>;
}

const entry = (name: keyof typeof COMMAND_SUMMARIES, load: () => Promise<CommandSpec>): CommandEntry => ({
  name,
  summary: COMMAND_SUMMARIES[name],
  load,
});

/** The subcommands of `jianguan`, in help order. */
export const commands: readonly CommandEntry[] = [
  entry('check', async () => (await import('./check.js')).checkCommand),
  entry('workday', async () => (await import('./workday.js')).workdayCommand),
  entry('grade', async () => (await import('./grade.js')).gradeCommand),
  entry('draw', async () => (await import('./draw.js')).drawCommand),
  entry('verify', async () => (await import('./verify.js')).verifyCommand),
  entry('kpi', async () => (await import('./kpi.js')).kpiCommand),
  entry('sandbox', async () => (await import('./sandbox.js')).sandboxCommand),
  entry('catalog', async () => (await import('./catalog/command.js')).catalogCommand),
  entry('tasks', async () => (await import('./tasks.js')).tasksCommand),
  entry('db', async () => (await import('./db.js')).dbCommand),
];
