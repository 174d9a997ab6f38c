/*
 * What a checker works out once: the record type of a record, each type's compiled field rules and what
 * the batch-wide rules need of it (business key, link plan, hash seed).
 */
import { type BehaviourKind, fieldDictionary, type RecordType } from '../schemas/dictionary.js';
import type { ActiveRule, ResolvedRules } from './issue-sink.js';
import { KeyHasher } from './key-index.js';
import { invalidOption } from './options.js';
import { OPTIONAL_KEY_PARTS } from './rules/duplicates.js';
import { type CompiledType, compileType } from './rules/field.js';
import { type LinkPlan, type LinkTarget, linkTargets, planLinks } from './rules/links.js';

const BEHAVIOUR_KINDS = new Set<string>(['inspection', 'penalty', 'compulsion', 'other']);
const ENTITY_CLASSES = new Set<string>([
  'enterprise',
  'individualBusiness',
  'otherOrganisation',
  'naturalPerson',
]);

/** Per record type, what the batch-wide rules need (computed once per checker). */
export interface BatchPlan {
  readonly compiled: CompiledType;
  /** Business-key fields, or undefined when the type has none. */
  readonly keyFields: readonly string[] | undefined;
  /** Per key field: may it be empty. */
  readonly keyOptional: readonly boolean[];
  /** Hash seed of the record type (keys of different types never meet). */
  readonly seed: number;
  readonly link: LinkPlan | undefined;
}

/** The record-level and batch-wide rules of a checker, `undefined` when off. */
export interface BatchRules {
  readonly notObject: ActiveRule | undefined;
  readonly unknownType: ActiveRule | undefined;
  readonly unreadable: ActiveRule | undefined;
  readonly dupId: ActiveRule | undefined;
  readonly dupKey: ActiveRule | undefined;
  readonly linkRule: ActiveRule | undefined;
  readonly followRule: ActiveRule | undefined;
}

/** A checker's plan: how it types records and what it compiled for each type. */
export interface CheckPlan {
  readonly rules: ResolvedRules;
  readonly batchRules: BatchRules;
  readonly params: ResolvedRules['ruleSet']['params'];
  /** The record type of a record (the fixed `recordType`, else by `kind` / `entityClass`). */
  typeOf(rec: Readonly<Record<string, unknown>>): RecordType | undefined;
  compiledFor(type: RecordType): CompiledType;
  batchPlanFor(type: RecordType): BatchPlan;
  readonly linkByKey: ReadonlyMap<string, LinkTarget>;
}

/** Plans a checker; throws `invalid_option` for an unknown fixed `recordType`. */
export function createCheckPlan(
  rules: ResolvedRules,
  recordType: RecordType | 'auto' | undefined,
  checkLinks: boolean,
  checkDuplicates: boolean,
): CheckPlan {
  const fixedType = recordType !== undefined && recordType !== 'auto' ? recordType : undefined;
  if (
    fixedType !== undefined &&
    (typeof fixedType !== 'string' || !Object.hasOwn(fieldDictionary, fixedType))
  )
    throw invalidOption('recordType', fixedType);
  const params = rules.ruleSet.params;
  const batchRules: BatchRules = {
    notObject: rules.get('record_not_object'),
    unknownType: rules.get('unknown_record_type'),
    unreadable: rules.get('unreadable_record'),
    dupId: checkDuplicates ? rules.get('duplicate_record_id') : undefined,
    dupKey: checkDuplicates ? rules.get('duplicate_key') : undefined,
    linkRule: checkLinks ? rules.get('link_missing') : undefined,
    followRule: checkLinks ? rules.get('follow_up_missing') : undefined,
  };
  const linkPlans = planLinks(params.links, batchRules.linkRule !== undefined);

  const compiled = new Map<RecordType, CompiledType>();
  const compiledFor = (type: RecordType): CompiledType => {
    let c = compiled.get(type);
    if (!c) {
      c = compileType(type, rules);
      compiled.set(type, c);
    }
    return c;
  };

  const batchPlans = new Map<RecordType, BatchPlan>();
  const batchPlanFor = (type: RecordType): BatchPlan => {
    let b = batchPlans.get(type);
    if (!b) {
      const keyFields = params.businessKeys[type];
      b = {
        compiled: compiledFor(type),
        keyFields,
        keyOptional: (keyFields ?? []).map((f) => OPTIONAL_KEY_PARTS.has(f)),
        seed: KeyHasher.seedOf(type),
        link: linkPlans.get(type),
      };
      batchPlans.set(type, b);
    }
    return b;
  };

  const typeOf = (rec: Readonly<Record<string, unknown>>): RecordType | undefined => {
    if (fixedType !== undefined) return fixedType;
    const kind = rec.kind;
    if (typeof kind === 'string' && BEHAVIOUR_KINDS.has(kind)) return kind as BehaviourKind;
    const cls = rec.entityClass;
    if (typeof cls === 'string' && ENTITY_CLASSES.has(cls)) return cls as RecordType;
    return undefined;
  };

  return {
    rules,
    batchRules,
    params,
    typeOf,
    compiledFor,
    batchPlanFor,
    linkByKey: linkTargets(params.links),
  };
}
