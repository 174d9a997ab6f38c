import type { CommandSpec } from '../runtime/args.js';
import { catalogCommand } from './catalog/command.js';
import { checkCommand } from './check.js';
import { dbCommand } from './db.js';
import { drawCommand } from './draw.js';
import { gradeCommand } from './grade.js';
import { kpiCommand } from './kpi.js';
import { sandboxCommand } from './sandbox.js';
import { tasksCommand } from './tasks.js';
import { verifyCommand } from './verify.js';
import { workdayCommand } from './workday.js';

/** The subcommands of `jianguan`, in help order. */
export const commands: readonly CommandSpec[] = [
  checkCommand,
  workdayCommand,
  gradeCommand,
  drawCommand,
  verifyCommand,
  kpiCommand,
  sandboxCommand,
  catalogCommand,
  tasksCommand,
  dbCommand,
];
