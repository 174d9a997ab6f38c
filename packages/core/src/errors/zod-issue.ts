import type { z } from 'zod';
import { describeValue } from './describe.js';
import { InvalidArgumentError } from './invalid-argument.js';
import type { FieldPath, LocalizedMessage } from './jianguan-error.js';

/** `String(value)`, or its {@link describeValue} when that throws (JSON such as `{"toString": 1}`). */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/** A zod issue from an untyped caller: an object with a string `code` and `message` and an array `path`. */
function requireIssue(
  issue: unknown,
  argument: readonly [string, ...(string | number)[]] = ['issue'],
): asserts issue is z.core.$ZodIssue {
  const i = issue as Record<string, unknown> | null;
  if (
    i === null ||
    typeof i !== 'object' ||
    typeof i.code !== 'string' ||
    typeof i.message !== 'string' ||
    !Array.isArray(i.path)
  )
    throw new InvalidArgumentError(
      argument,
      { en: 'a zod issue { code, message, path }', zh: 'zod 校验问题 { code, message, path }' },
      issue,
    );
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A custom zod message written as `English (中文)` is split into its two halves. */
const BILINGUAL = /^(.*) \(([^()]*[\u4e00-\u9fff][^()]*)\)$/s;

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '数组',
  object: '对象',
  date: '日期',
  bigint: '整数',
  null: '空值',
  undefined: '未定义',
  nan: '非数字',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
  file: '文件',
  promise: 'Promise',
  unknown: '任意值',
  never: '不允许的值',
  void: '空值',
  literal: '指定值',
  enum: '指定值之一',
  tuple: '定长数组',
  record: '对象',
  union: '允许的形式之一',
};

function typeZh(expected: unknown): string {
  const key = text(expected);
  return TYPE_ZH[key] ?? '指定类型';
}

/** zod string formats (`invalid_format`) in Chinese; anything else is a "required format". */
const FORMAT_ZH: Readonly<Record<string, string>> = {
  regex: '规定格式',
  email: '电子邮箱地址',
  url: '网址',
  uuid: 'UUID',
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间（ISO 8601）',
  time: '时间',
  duration: '时长（ISO 8601）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  starts_with: '规定开头',
  ends_with: '规定结尾',
  includes: '含规定内容',
  lowercase: '小写',
  uppercase: '大写',
  base64: 'Base64 编码',
  json_string: 'JSON 文本',
};

function formatZh(format: unknown): string {
  return FORMAT_ZH[text(format)] ?? '规定格式';
}

/**
 * The path of a zod issue as a {@link FieldPath} (symbols become strings).
 *
 * @example
 * zodIssuePath({ path: ['rules', 0, 'id'] } as never); // ['rules', 0, 'id']
 */
export function zodIssuePath(issue: Pick<z.core.$ZodIssue, 'path'>): FieldPath {
  if (issue === null || typeof issue !== 'object' || !Array.isArray(issue.path))
    throw new InvalidArgumentError(
      'issue',
      { en: 'a zod issue with a path', zh: '带 path 的 zod 校验问题' },
      issue,
    );
  return issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as FieldPath;
}

/**
 * A zod issue as a message in Chinese and in English (zod 校验问题的中英文说明), so no raw zod English ends up
 * in a Chinese line. The one translator every package uses; custom messages written `English (中文)` keep
 * their two halves.
 *
 * @example
 * const r = z.object({ n: z.number() }).safeParse({ n: 'x' });
 * if (!r.success) localizeZodIssue(r.error.issues[0]!); // { zh: '类型错误，应为数字', en: 'expected number' }
 */
export function localizeZodIssue(issue: z.core.$ZodIssue): LocalizedMessage {
  requireIssue(issue);
  const custom = BILINGUAL.exec(issue.message);
  if (custom) return { en: custom[1]!, zh: custom[2]! };
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports the input only with `reportInput`, so `input` is usually absent even when a value was given:
      // the message ("…, received string") says which.
      const missing =
        'input' in issue && !/received /.test(issue.message)
          ? issue.input === undefined
          : /received undefined/.test(issue.message);
      return missing
        ? {
            zh: `缺少必填项（应为${typeZh(issue.expected)}）`,
            en: `required (expected ${text(issue.expected)})`,
          }
        : { zh: `类型错误，应为${typeZh(issue.expected)}`, en: `expected ${text(issue.expected)}` };
    }
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? {
            zh: `过短，至少 ${text(issue.minimum)} 个${issue.origin === 'string' ? '字符' : '元素'}`,
            en: `too short: at least ${text(issue.minimum)}`,
          }
        : { zh: `过小，最小为 ${text(issue.minimum)}`, en: `too small: minimum ${text(issue.minimum)}` };
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? {
            zh: `过长，至多 ${text(issue.maximum)} 个${issue.origin === 'string' ? '字符' : '元素'}`,
            en: `too long: at most ${text(issue.maximum)}`,
          }
        : { zh: `过大，最大为 ${text(issue.maximum)}`, en: `too big: maximum ${text(issue.maximum)}` };
    case 'unrecognized_keys':
      return {
        zh: `不认识的字段：${list(issue.keys).map(text).join('、')}`,
        en: `unrecognized keys: ${list(issue.keys).map(text).join(', ')}`,
      };
    case 'invalid_value':
      return {
        zh: `取值无效，应为 ${list(issue.values).map(text).join(' / ')}`,
        en: `invalid value, expected ${list(issue.values).map(text).join(' | ')}`,
      };
    case 'invalid_union':
      return { zh: '不符合任何允许的形式', en: 'matches none of the allowed shapes' };
    case 'invalid_format':
      return {
        zh: `格式错误（应为${formatZh(issue.format)}）`,
        en: `invalid format (expected ${text(issue.format)})`,
      };
    case 'not_multiple_of':
      return {
        zh: `应为 ${text(issue.divisor)} 的倍数`,
        en: `must be a multiple of ${text(issue.divisor)}`,
      };
    case 'invalid_key':
      return { zh: '字段名无效', en: 'invalid key' };
    case 'invalid_element':
      return { zh: '元素无效', en: 'invalid element' };
    default:
      return { zh: '取值无效', en: issue.message };
  }
}

/**
 * The first issue of a zod error as one bilingual line with its path (`rules.0.id: …`), for error messages.
 *
 * @example
 * const r = schema.safeParse(input);
 * if (!r.success) console.log(describeZodError(r.error).zh); // 'strata.0.ratio：过大，最大为 1'
 */
export function describeZodError(error: {
  readonly issues: readonly z.core.$ZodIssue[];
}): LocalizedMessage & {
  readonly path: FieldPath;
} {
  if (error === null || typeof error !== 'object' || !Array.isArray(error.issues))
    throw new InvalidArgumentError(
      'error',
      { en: 'a zod error { issues }', zh: 'zod 错误 { issues }' },
      error,
    );
  const issue = error.issues[0];
  if (issue !== undefined) requireIssue(issue, ['error', 'issues', 0]);
  if (issue === undefined) return { zh: '数据无效', en: 'invalid data', path: [] };
  const path = zodIssuePath(issue);
  const where = path.length === 0 ? '' : path.join('.');
  const text = localizeZodIssue(issue);
  const more = error.issues.length - 1;
  return {
    path,
    zh: `${where === '' ? '' : `${where}：`}${text.zh}${more > 0 ? `（另有 ${more} 处问题）` : ''}`,
    en: `${where === '' ? '' : `${where}: `}${text.en}${more > 0 ? ` (and ${more} more)` : ''}`,
  };
}
