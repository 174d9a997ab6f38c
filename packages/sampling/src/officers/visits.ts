import { badInput, requireDrawRecord, requireOptions } from '../boundary.js';
import type { DrawRecord } from '../record/types.js';
import type { InspectionVisit } from './types.js';

/**
 * The visits of one draw record (one per drawn entity), ready for {@link assignOfficers}. The visit date is
 * `date`, else the task's `inspectionStart`, else its `asOf`.
 *
 * @example
 * const visits = visitsFromRecord(record, { date: '2026-04-10' });
 */
export function visitsFromRecord(
  record: DrawRecord,
  options: {
    readonly date?: string;
    readonly entities?: ReadonlyMap<string, InspectionVisit['entity']>;
  } = {},
): InspectionVisit[] {
  requireDrawRecord(record);
  requireOptions(options);
  if (options.date !== undefined && typeof options.date !== 'string')
    badInput('invalid_options', ['options', 'date'], { en: 'a string', zh: '字符串' }, options.date);
  if (options.entities !== undefined && !(options.entities instanceof Map))
    badInput('invalid_options', ['options', 'entities'], { en: 'a Map', zh: 'Map' }, options.entities);
  const task = record.task;
  const date = options.date ?? task.inspectionStart ?? task.asOf;
  const departments = [task.department, ...(task.participants ?? [])];
  return record.strata.flatMap((s) =>
    s.picks.map((p) => {
      const entity = options.entities?.get(p.id);
      const visit: InspectionVisit = {
        visitId: `${task.id}/${p.id}`,
        entityId: p.id,
        departments,
        items: task.items,
        date,
      };
      return entity === undefined ? visit : { ...visit, entity };
    }),
  );
}
