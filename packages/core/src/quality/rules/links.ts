/*
 * Link rules (关联性检查): `link_missing` (a reference such as a penalty's inspection code has no target
 * record in the batch) and `follow_up_missing` (an inspection whose result calls for a penalty or compulsion
 * has none linked to it). The batch engine (`../batch.ts`) collects the references and the targets; this
 * module plans the links and reports what is missing.
 */
import { fieldDictionary, type RecordType } from '../../schemas/dictionary.js';
import { type ActiveRule, emit, type Sink } from '../issue-sink.js';
import { KeyHasher } from '../key-index.js';
import type { QualityRuleSet } from '../rule-set.js';

/** Per record type: the links it must satisfy and the targets it provides. */
export interface LinkPlan {
  /** `fromField` values of this type must exist among `key` targets. */
  readonly from: { field: string; key: string; seed: number; toLabel: string }[];
  /** This type provides targets `key` from `field`. */
  readonly to: { field: string; key: string; seed: number }[];
}

/** A link target: which field of which record types a link key points at. */
export interface LinkTarget {
  readonly toField: string;
  readonly toTypes: ReadonlySet<string>;
}

/** A reference waiting for the end of the batch (`link_missing`). */
export interface PendingLink {
  index: number;
  recordId: string | undefined;
  type: RecordType;
  field: string;
  value: string;
  key: string;
  seed: number;
  toLabel: string;
  /** Whether the record had already failed when it was added. */
  failed: boolean;
}

/** An inspection waiting for its follow-up record (`follow_up_missing`). */
export interface PendingFollowUp {
  index: number;
  recordId: string | undefined;
  code: string;
  expect: string;
  result: string;
  failed: boolean;
}

/** The key of a link: its target types and field. */
function linkKey(link: QualityRuleSet['params']['links'][number]): string {
  return `${link.toTypes.join('+')}.${link.toField}`;
}

/** The link plans of the record types (empty when the link rule is off). */
export function planLinks(links: QualityRuleSet['params']['links'], on: boolean): Map<string, LinkPlan> {
  const plans = new Map<string, LinkPlan>();
  if (!on) return plans;
  const plan = (type: string): LinkPlan => {
    let p = plans.get(type);
    if (!p) {
      p = { from: [], to: [] };
      plans.set(type, p);
    }
    return p;
  };
  for (const link of links) {
    const key = linkKey(link);
    const seed = KeyHasher.seedOf(key);
    plan(link.fromType).from.push({ field: link.fromField, key, seed, toLabel: link.toTypes.join('/') });
    for (const t of link.toTypes) {
      const to = plan(t).to;
      if (!to.some((x) => x.key === key)) to.push({ field: link.toField, key, seed });
    }
  }
  return plans;
}

/** The target of every link, by link key. */
export function linkTargets(links: QualityRuleSet['params']['links']): Map<string, LinkTarget> {
  const byKey = new Map<string, LinkTarget>();
  for (const link of links)
    byKey.set(linkKey(link), { toField: link.toField, toTypes: new Set(link.toTypes) });
  return byKey;
}

/** `link_missing`: the reference `p` has no target record in the batch. */
export function reportLinkMissing(sink: Sink, rule: ActiveRule, p: PendingLink): void {
  const spec = (fieldDictionary[p.type] as Record<string, { zh: string; en: string }>)[p.field];
  emit(sink, rule, 'link_missing', p.field, p.value, {
    zh: `${spec?.zh ?? p.field}“${p.value}”在本批次中找不到对应的记录（${p.toLabel}）`,
    en: `${spec?.en ?? p.field} "${p.value}" has no matching ${p.toLabel} record in the batch`,
  });
}

/** `follow_up_missing`: no penalty or compulsion in the batch links to the inspection `p`. */
export function reportFollowUpMissing(sink: Sink, rule: ActiveRule, p: PendingFollowUp): void {
  emit(sink, rule, 'follow_up_missing', 'checkResult', p.result, {
    zh: `检查结果为${p.result}，但本批次中没有关联检查行为编号“${p.code}”的${p.expect === 'penalty' ? '行政处罚' : '行政强制'}记录`,
    en: `inspection result ${p.result} but no ${p.expect} record in the batch links to inspection "${p.code}"`,
  });
}
