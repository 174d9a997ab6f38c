/*
 * Record rules (记录级规则): what is checked before a record's fields can be — it is an object, its type
 * can be told, it can be read at all.
 */
import { type ActiveRule, emit, type Sink } from '../issue-sink.js';

/** `record_not_object`: the batch item at `index` is not a plain object. */
export function reportNotObject(sink: Sink, rule: ActiveRule, index: number, record: unknown): void {
  emit(sink, rule, 'record_not_object', '', record, {
    zh: `第${index + 1}条记录不是对象`,
    en: `record ${index + 1} is not an object`,
  });
}

/** `unknown_record_type`: neither `kind` nor `entityClass` names a record type (and none was fixed). */
export function reportUnknownType(sink: Sink, rule: ActiveRule, kind: unknown): void {
  emit(sink, rule, 'unknown_record_type', 'kind', kind, {
    zh: '无法识别记录类型：kind 须为 inspection/penalty/compulsion/other（或指定 recordType）',
    en: 'unknown record type: kind must be inspection/penalty/compulsion/other (or pass recordType)',
  });
}

/** `unreadable_record`: reading a field threw (a getter, a proxy, an iterator that failed). */
export function reportUnreadable(sink: Sink, rule: ActiveRule, error: unknown): void {
  emit(sink, rule, 'unreadable_record', '', undefined, {
    zh: '记录无法读取（读取字段时出错）',
    en: `the record cannot be read (${error instanceof Error ? error.name : 'error'} while reading a field)`,
  });
}
