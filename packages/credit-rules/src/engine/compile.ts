import type { CivilDate } from '@jianguan/core';
import { requireObject } from '../boundary.js';
import type { CalendarDuration } from '../dates/civil-date.js';
import { latestElapsedStart } from '../dates/civil-date.js';
import type { CreditFact, CreditFactKind, EntityCreditProfile } from '../facts/credit-fact.js';
import { CREDIT_FACT_KINDS } from '../facts/credit-fact.js';
import type { InternalGrade } from '../privacy/internal-grade.js';
import { effectiveEndsAt, seriousListAutoExitOn, seriousListEnd } from '../publicity/list-terms.js';
import type { PublicityRegimes } from '../publicity/regimes.js';
import { defaultPublicityRegimes, requireRegimes } from '../publicity/regimes.js';
import { validatedRuleSet } from '../rule-set/parse.js';
import type { CreditRuleSet, FactFilter, Predicate, RuleEffect } from '../rule-set/types.js';

/**
 * A rule that fired, with the ids of the records that made it fire (证据记录).
 *
 * @example
 * const f: FiredRule = { ruleId: 'serious-list', effect: { type: 'worst' }, evidence: ['S1'] };
 */
export interface FiredRule {
  readonly ruleId: string;
  readonly effect: RuleEffect;
  readonly evidence: readonly string[];
}

/**
 * The outcome of grading one entity as of a date. The grade is an {@link InternalGrade}.
 *
 * @example
 * const r: GradingResult = gradeEntity(profile, { ruleSet: samrBaselineRuleSet, asOf: '2026-11-21' });
 * r.grade; r.firedRules; r.ruleSetId; r.ruleSetVersion;
 */
export interface GradingResult {
  readonly entityId: string;
  readonly asOf: CivilDate;
  readonly grade: InternalGrade;
  /** 0 = best class; higher is worse. */
  readonly gradeRank: number;
  /** Every rule that fired, in rule order. */
  readonly firedRules: readonly FiredRule[];
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
}

/**
 * A rule set compiled once into closures (no `eval`); reuse it for millions of entities.
 *
 * @example
 * const compiled = compileRuleSet(samrBaselineRuleSet);
 * const r = compiled.grade(profile, '2026-11-21');
 */
export interface CompiledRuleSet {
  readonly ruleSet: CreditRuleSet;
  /** Grades a trusted, already-validated profile. Use {@link gradeEntity} for untrusted input. */
  grade(profile: EntityCreditProfile, asOf: CivilDate): GradingResult;
}

interface Ctx {
  /** Facts known on asOf (not revoked), bucketed by kind index; bucket k holds `counts[k]` facts. */
  byKind: CreditFact[][];
  counts: Int32Array;
  asOf: CivilDate;
  registeredAt: CivilDate | undefined;
  /** The end of a fact by record and by rule (removal, automatic exit, validity end). */
  endOf: (fact: CreditFact) => CivilDate | undefined;
  /** Window boundary dates per duration index, for the current asOf: the latest start day whose period is complete. */
  bounds: CivilDate[];
}

/** An evidence collector: ids[0..n) are the current evidence (no array resizing on the hot path). */
interface Ev {
  ids: string[];
  n: number;
}
type Pred = (ctx: Ctx, evidence: Ev | null) => boolean;
type Match = (fact: CreditFact, ctx: Ctx) => boolean;

const KINDS: readonly CreditFactKind[] = CREDIT_FACT_KINDS;
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));
const EXTERNAL = KINDS.indexOf('external_grade');

type DateOf = (fact: CreditFact) => CivilDate;
const DATE_OF: Record<CreditFactKind, DateOf> = {
  penalty: (f) => (f as { decisionDate: CivilDate }).decisionDate,
  abnormal_list: (f) => (f as { listedAt: CivilDate }).listedAt,
  serious_list: (f) => (f as { listedAt: CivilDate }).listedAt,
  court_dishonesty: (f) => (f as { listedAt: CivilDate }).listedAt,
  spot_check: (f) => (f as { date: CivilDate }).date,
  commitment_breach: (f) => (f as { date: CivilDate }).date,
  complaint: (f) => (f as { receivedAt: CivilDate }).receivedAt,
  external_grade: (f) => (f as { issuedAt: CivilDate }).issuedAt,
};

/**
 * Options of {@link compileRuleSet}.
 *
 * @example
 * const options: CompileOptions = { publicityRegimes: myProvinceRegimes };
 */
export interface CompileOptions {
  /**
   * The regimes that give a serious-list entry its automatic exit day (default
   * {@link defaultPublicityRegimes}): an entry is no longer `inForce` from that day even without a
   * recorded removal.
   */
  readonly publicityRegimes?: PublicityRegimes;
}

/** Sorts the facts known on `asOf` into per-kind buckets (reused arrays), dropping revoked penalties. */
function bucket(
  facts: readonly CreditFact[],
  asOf: CivilDate,
  byKind: CreditFact[][],
  counts: Int32Array,
): void {
  counts.fill(0);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    // Known as of the date: its own date and its recording date are not after asOf.
    if (DATE_OF[f.kind](f) > asOf) continue;
    if (f.recordedAt !== undefined && f.recordedAt > asOf) continue;
    // A revoked penalty no longer exists from its revocation day.
    if (f.kind === 'penalty' && f.revokedAt !== undefined && f.revokedAt <= asOf) continue;
    const k = KIND_INDEX.get(f.kind)!;
    byKind[k]![counts[k]!++] = f;
  }
}

class Compiler {
  readonly durations: CalendarDuration[] = [];
  private readonly keys = new Map<string, number>();

  duration(d: CalendarDuration): number {
    const key = `${d.years ?? 0}y${d.months ?? 0}m${d.days ?? 0}d`;
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.durations.length;
      this.durations.push(d);
      this.keys.set(key, i);
    }
    return i;
  }

  filter(w: FactFilter): Match {
    const kind = w.kind;
    const dateOf = DATE_OF[kind];
    const checks: Match[] = [];
    if (w.within) {
      const i = this.duration(w.within);
      checks.push((f, ctx) => dateOf(f) > ctx.bounds[i]!);
    }
    if (w.olderThan) {
      const i = this.duration(w.olderThan);
      checks.push((f, ctx) => dateOf(f) <= ctx.bounds[i]!);
    }
    if (w.inForce) {
      checks.push((f, ctx) => {
        const end = ctx.endOf(f);
        return end === undefined || ctx.asOf < end;
      });
    }
    if (w.penaltyKinds) {
      const set = new Set<string>(w.penaltyKinds);
      checks.push((f) => (f as { penaltyKinds: readonly string[] }).penaltyKinds.some((k) => set.has(k)));
    }
    if (w.minFine !== undefined) {
      const min = w.minFine;
      checks.push((f) => ((f as { fineAmount?: number }).fineAmount ?? 0) >= min);
    }
    if (w.procedure !== undefined) {
      const proc = w.procedure;
      checks.push((f) => (f as { procedure?: string }).procedure === proc);
    }
    if (w.resultCodes) {
      const set = new Set<string>(w.resultCodes);
      checks.push((f) => (f as { resultCodes: readonly string[] }).resultCodes.some((k) => set.has(k)));
    }
    if (w.reasons) {
      const set = new Set<string>(w.reasons);
      checks.push((f) => set.has((f as { reason: string }).reason));
    }
    if (w.outcome !== undefined) {
      const outcome = w.outcome;
      checks.push((f) => (f as { outcome: string }).outcome === outcome);
    }
    if (w.substantiated !== undefined) {
      const s = w.substantiated;
      checks.push((f) => (f as { substantiated: boolean }).substantiated === s);
    }
    const n = checks.length;
    const c0 = checks[0];
    const c1 = checks[1];
    // Kind and "known on asOf" are settled when the facts are bucketed (see `bucket`).
    if (n === 0) return () => true;
    if (n === 1) return c0!;
    if (n === 2) return (f, ctx) => c0!(f, ctx) && c1!(f, ctx);
    return (f, ctx) => {
      for (let i = 0; i < n; i++) if (!checks[i]!(f, ctx)) return false;
      return true;
    };
  }

  predicate(p: Predicate): Pred {
    switch (p.op) {
      case 'always':
        return () => true;
      case 'all': {
        const parts = p.of.map((q) => this.predicate(q));
        return (ctx, ev) => {
          const mark = ev ? ev.n : 0;
          for (const part of parts) {
            if (!part(ctx, ev)) {
              if (ev) ev.n = mark;
              return false;
            }
          }
          return true;
        };
      }
      case 'any': {
        const parts = p.of.map((q) => this.predicate(q));
        return (ctx, ev) => {
          // Without evidence to collect (under `not`) the first true part settles it.
          if (ev === null) {
            for (const part of parts) if (part(ctx, null)) return true;
            return false;
          }
          let any = false;
          for (const part of parts) if (part(ctx, ev)) any = true;
          return any;
        };
      }
      case 'not': {
        const inner = this.predicate(p.of);
        return (ctx) => !inner(ctx, null);
      }
      case 'count': {
        const match = this.filter(p.where);
        const kind = KIND_INDEX.get(p.where.kind)!;
        const atLeast = p.atLeast ?? 1;
        const atMost = p.atMost ?? Number.POSITIVE_INFINITY;
        return (ctx, ev) => {
          let count = 0;
          const n = ctx.counts[kind]!;
          if (n < atLeast) return false;
          const facts = ctx.byKind[kind]!;
          const mark = ev ? ev.n : 0;
          for (let i = 0; i < n; i++) {
            const f = facts[i]!;
            if (match(f, ctx)) {
              count++;
              if (ev) ev.ids[ev.n++] = f.id;
              else if (count >= atLeast && atMost === Number.POSITIVE_INFINITY) return true;
            }
          }
          const ok = count >= atLeast && count <= atMost;
          if (!ok && ev) ev.n = mark;
          return ok;
        };
      }
      case 'sum': {
        const match = this.filter(p.where);
        const kind = KIND_INDEX.get(p.where.kind)!;
        const atLeast = p.atLeast;
        return (ctx, ev) => {
          let sum = 0;
          const mark = ev ? ev.n : 0;
          const n = ctx.counts[kind]!;
          const facts = ctx.byKind[kind]!;
          for (let i = 0; i < n; i++) {
            const f = facts[i]!;
            if (match(f, ctx)) {
              sum += (f as { fineAmount?: number }).fineAmount ?? 0;
              if (ev) ev.ids[ev.n++] = f.id;
            }
          }
          const ok = sum >= atLeast;
          if (!ok && ev) ev.n = mark;
          return ok;
        };
      }
      case 'externalGrade': {
        const source = p.source;
        const allowed = new Set(p.in);
        return (ctx, ev) => {
          let latest: (CreditFact & { kind: 'external_grade' }) | undefined;
          const n = ctx.counts[EXTERNAL]!;
          const facts = ctx.byKind[EXTERNAL]!;
          for (let i = 0; i < n; i++) {
            const f = facts[i] as CreditFact & { kind: 'external_grade' };
            if (f.source !== source) continue;
            if (f.validUntil !== undefined && f.validUntil <= ctx.asOf) continue;
            if (
              latest === undefined ||
              f.issuedAt > latest.issuedAt ||
              (f.issuedAt === latest.issuedAt && f.id > latest.id)
            )
              latest = f;
          }
          if (latest === undefined || !allowed.has(latest.grade)) return false;
          if (ev) ev.ids[ev.n++] = latest.id;
          return true;
        };
      }
      case 'registered': {
        const min = p.atLeast ? this.duration(p.atLeast) : -1;
        const max = p.lessThan ? this.duration(p.lessThan) : -1;
        return (ctx) => {
          const r = ctx.registeredAt;
          if (r === undefined || r > ctx.asOf) return false;
          if (min >= 0 && r > ctx.bounds[min]!) return false;
          if (max >= 0 && r <= ctx.bounds[max]!) return false;
          return true;
        };
      }
    }
  }
}

/** Sorted, without duplicates: evidence must not depend on the order of the facts. */
function normalise(ids: string[]): string[] {
  if (ids.length < 2) return ids;
  ids.sort();
  let w = 1;
  for (let r = 1; r < ids.length; r++) if (ids[r] !== ids[w - 1]) ids[w++] = ids[r]!;
  ids.length = w;
  return ids;
}

/**
 * Compiles a validated rule set into closures, once. Grading as of any date ignores facts not yet known
 * on that date, penalties revoked by then, and (with `inForce`) list entries removed by then or past
 * their automatic exit (a serious-list entry after its maximum term).
 *
 * Windows: a fact dated `d` is `olderThan: D` on `asOf` when the period of `D` from `d` is complete
 * ({@link hasElapsed}: `anniversary(d, D) ≤ asOf`, the anniversary of 29 February being 28 February), and
 * `within: D` otherwise — the same rule as the publicity dates.
 *
 * @example
 * const compiled = compileRuleSet(parseRuleSet(data));
 * compiled.grade({ entityId: 'X', registeredAt: '2020-01-01', facts: [] }, '2026-11-21').grade; // 'A'
 */
export function compileRuleSet(
  ruleSet: CreditRuleSet | CompiledRuleSet,
  options: CompileOptions = {},
): CompiledRuleSet {
  // Compiled from the frozen validated rule set (the argument itself when deeply frozen, else a frozen copy),
  // so the closures never see a later edit of the caller's object.
  const set = validatedRuleSet(ruleSet);
  requireObject(options, ['options']);
  const regimes =
    options.publicityRegimes === undefined
      ? defaultPublicityRegimes
      : requireRegimes(options.publicityRegimes, ['options', 'publicityRegimes']);
  // The automatic exit of a serious-list entry depends only on its listing day (regimes are frozen): memoised
  // by that day, a string, so an edited fact object can never be answered from a stale entry.
  const autoExitByListing = new Map<CivilDate, CivilDate | null>();
  const endOf = (f: CreditFact): CivilDate | undefined => {
    if (f.kind !== 'serious_list') return effectiveEndsAt(f, regimes);
    let auto = autoExitByListing.get(f.listedAt);
    if (auto === undefined) {
      if (autoExitByListing.size >= 4096) autoExitByListing.clear();
      auto = seriousListAutoExitOn(f, regimes) ?? null;
      autoExitByListing.set(f.listedAt, auto);
    }
    return seriousListEnd(f.removedAt, auto ?? undefined);
  };
  const compiler = new Compiler();
  const rules = set.rules.map((r) => ({ id: r.id, effect: r.effect, pred: compiler.predicate(r.when) }));
  const codes = set.grades.map((g) => g.code as InternalGrade);
  const rankOf = new Map(codes.map((c, i) => [c as string, i]));
  const worst = codes.length - 1;
  const defaultRank = rankOf.get(set.defaultGrade) ?? 0;
  const effects = rules.map((r) =>
    r.effect.type === 'assign'
      ? { kind: 0, value: rankOf.get(r.effect.grade) ?? worst }
      : r.effect.type === 'downgrade'
        ? { kind: 1, value: r.effect.steps }
        : r.effect.type === 'upgrade'
          ? { kind: 1, value: -r.effect.steps }
          : { kind: 2, value: worst },
  );
  const durations = compiler.durations;
  let cachedAsOf = '';
  let cachedBounds: CivilDate[] = [];
  const boundsFor = (asOf: CivilDate): CivilDate[] => {
    if (asOf !== cachedAsOf) {
      cachedBounds = durations.map((d) => latestElapsedStart(asOf, d));
      cachedAsOf = asOf;
    }
    return cachedBounds;
  };
  const { id: ruleSetId, version: ruleSetVersion } = set;
  // Scratch space reused across calls: grading is synchronous, so one entity at a time.
  const scratch: CreditFact[][] = KINDS.map(() => []);
  const counts = new Int32Array(KINDS.length);
  const evidence: Ev = { ids: [], n: 0 };

  return {
    ruleSet: set,
    grade(profile, asOf) {
      bucket(profile.facts, asOf, scratch, counts);
      const ctx: Ctx = {
        byKind: scratch,
        counts,
        asOf,
        registeredAt: profile.registeredAt,
        endOf,
        bounds: boundsFor(asOf),
      };
      const fired: FiredRule[] = [];
      let assigned = -1;
      let steps = 0;
      let rank = -1;
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        evidence.n = 0;
        if (!rule.pred(ctx, evidence)) continue;
        fired.push({
          ruleId: rule.id,
          effect: rule.effect,
          evidence: normalise(evidence.ids.slice(0, evidence.n)),
        });
        const e = effects[i]!;
        if (e.kind === 2) {
          rank = worst;
          break;
        }
        if (e.kind === 0) {
          if (e.value > assigned) assigned = e.value;
        } else steps += e.value;
      }
      if (rank < 0) rank = Math.max(0, Math.min(worst, (assigned < 0 ? defaultRank : assigned) + steps));
      return {
        entityId: profile.entityId,
        asOf,
        grade: codes[rank]!,
        gradeRank: rank,
        firedRules: fired,
        ruleSetId,
        ruleSetVersion,
      };
    },
  };
}
