import { JianguanError } from '@jianguan/core';

/**
 * A credit grade as the grader returns it (内部信用等级): a string at run time, branded in the type system
 * so that it cannot slip into anything built for publication. Shandong's rule "不公开" and SAMR's internal use
 * of the class both mean: never publish it by accident. Read it freely (`grade === 'D'`); to publish it,
 * go through {@link declassifyGrade} or {@link toPublicRecord} with `includeGrade: true`.
 *
 * @example
 * const g: InternalGrade = result.grade;
 * if (g === 'D') { ... }
 */
export type InternalGrade<G extends string = string> = G & { readonly __jianguanInternalGrade: true };

/**
 * Recursively forbids {@link InternalGrade} anywhere in `T`: such properties become `never`, so a value
 * holding a grade does not type-check where `T & NoInternalGrade<T>` is required.
 *
 * @example
 * type Ok = NoInternalGrade<{ name: string }>; // { name: string }
 * type Bad = NoInternalGrade<{ grade: InternalGrade }>; // { grade: never }
 */
export type NoInternalGrade<T> = T extends { readonly __jianguanInternalGrade: true }
  ? never
  : T extends (...args: never[]) => unknown
    ? T
    : T extends object
      ? { [K in keyof T]: NoInternalGrade<T[K]> }
      : T;

/**
 * Why a grade is being made public — required, so that publication is always a recorded decision.
 *
 * @example
 * const opt: DeclassifyOptions = { reason: 'published under 地方规定 §12' };
 */
export interface DeclassifyOptions {
  readonly reason: string;
}

/**
 * Turns an internal grade into a plain string for publication. The explicit opt-in (给出公开理由).
 * Throws a `TypeError`-free {@link GradeDeclassificationError} if no reason is given.
 *
 * @example
 * const publicGrade: string = declassifyGrade(result.grade, { reason: '本省规定公开 A 级' });
 */
export function declassifyGrade(grade: InternalGrade, options: DeclassifyOptions): string {
  if (typeof options?.reason !== 'string' || options.reason.trim() === '') {
    throw new GradeDeclassificationError();
  }
  return String(grade);
}

/**
 * The identity of a value checked to hold no internal grade, for building publication payloads
 * (公示数据). Compile-time only: passing an object that contains an {@link InternalGrade} is a type error.
 *
 * @example
 * const payload = forPublication({ entityId: r.entityId, checkedOn: '2026-11-21' }); // ok
 * // forPublication({ grade: r.grade }); // type error
 */
export function forPublication<T>(value: T & NoInternalGrade<T>): T {
  return value;
}

/**
 * Thrown when a grade is declassified without a reason.
 *
 * @example
 * try { declassifyGrade(g, { reason: '' }); } catch (e) { console.log((e as GradeDeclassificationError).code); } // 'missing_reason'
 */
export class GradeDeclassificationError extends JianguanError {
  override readonly name = 'GradeDeclassificationError' as const;
  constructor() {
    super(
      'missing_reason',
      { zh: '公开信用等级须说明理由', en: 'publishing a credit grade needs a reason' },
      { path: ['reason'] },
    );
  }
}
