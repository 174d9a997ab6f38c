/**
 * Example: working-day deadlines (工作日时限) the way the seeds write them — "within N working days".
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/examples/deadlines.ts
 *
 * China's working days are not Monday–Friday: the State Council's yearly notice moves holidays and adds
 * adjusted working Saturdays and Sundays (调休上班日). `@jianguan/core`'s calendar knows the official
 * schedules; the packages keep each deadline as data with its source. Every date here is a China civil date,
 * whatever the time zone of the machine (try `TZ=America/New_York`).
 */
import {
  addWorkdays,
  chinaToday,
  dayInfo,
  isWorkday,
  nextWorkday,
  workdayLateness,
  workdaysBetween,
} from '@jianguan/core';
import { baselineIndicatorSet, findIndicator } from '@jianguan/kpi';
import { DEFAULT_DEADLINE_RULES } from '@jianguan/provincial-client';
import { DEFAULT_SAMPLING_RULES, publicationDeadline } from '@jianguan/sampling';

// 1. What kind of day is it?
for (const d of ['2025-09-30', '2025-10-01', '2025-10-11', '2026-02-14', '2026-02-16']) {
  const info = dayInfo(d);
  console.log(
    `${d}  ${info.kind.padEnd(16)} ${info.isWorkday ? 'working day' : 'day off'}${info.holiday ? `  ${info.holiday.nameZh} ${info.holiday.name}` : ''}`,
  );
}

// 2. The deadlines, each read from the rule set that owns it (rules are data, with sources).
const reportRule = findIndicator(baselineIndicatorSet, 'behaviour-report-timeliness').metric;
const fixRule = findIndicator(baselineIndicatorSet, 'behaviour-fix-timeliness').metric;
const reportDays = 'allowedWorkdays' in reportRule ? Number(reportRule.allowedWorkdays) : 2;
const fixDays = 'allowedWorkdays' in fixRule ? Number(fixRule.allowedWorkdays) : 5;
const aggregateDays = DEFAULT_DEADLINE_RULES.rules.behaviours!.allowedWorkdays;
console.log('');
console.log(`report a behaviour record within ${reportDays} working days   (kpi baseline: seed 000 task 12)`);
console.log(`fix a rejected record within ${fixDays} working days          (kpi baseline: seed 002 art. 14)`);
console.log(
  `aggregate behaviours within ${aggregateDays} working days        (outbox: ${DEFAULT_DEADLINE_RULES.rules.behaviours!.source})`,
);
console.log(
  `publish spot-check results within ${DEFAULT_SAMPLING_RULES.publicationWorkdays} working days (sampling rules)`,
);

// 3. An inspection on the last day before National Day: the 2-working-day deadline jumps the holiday.
const inspected = '2025-09-30';
console.log('');
console.log(`inspected ${inspected} → report by ${addWorkdays(inspected, reportDays)}`); // 2025-10-10
for (const done of ['2025-10-09', '2025-10-10', '2025-10-13']) {
  const l = workdayLateness(inspected, done, reportDays);
  console.log(
    `  reported ${done}: ${l.onTime ? 'on time' : `late by ${l.workdaysLate} working day(s)`} (deadline ${l.deadline})`,
  );
}

// 4. The province rejected a record on Friday 2026-02-13, just before the Spring Festival.
const rejected = '2026-02-13';
const fixBy = addWorkdays(rejected, fixDays);
console.log('');
console.log(
  `rejected ${rejected} → fix by ${fixBy} (${workdaysBetween(rejected, fixBy)} working days, ${dayInfo('2026-02-14').kind} on 02-14)`,
);

// 5. Spot checks that end on 2026-09-30 must be published within 20 working days: after National Day.
console.log(`inspections end 2026-09-30 → publish by ${publicationDeadline('2026-09-30', { addWorkdays })}`);

// 6. A server clock in another zone: 2025-09-30 23:30 UTC is already 1 October in Shanghai.
const late = new Date('2025-09-30T23:30:00Z');
console.log('');
console.log(
  `${late.toISOString()} is ${chinaToday(late)} in China: ${isWorkday(late) ? 'a working day' : 'a day off'}; next working day ${nextWorkday(chinaToday(late))}`,
);
