import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError, localizeZodIssue } from '../src/index.js';

const schema = z.strictObject({
  name: z.string().min(2).max(4),
  count: z.number().int().max(10),
  kind: z.enum(['a', 'b']),
  when: z.iso.date(),
  tags: z.array(z.string()).min(1),
  custom: z.string().refine((s) => s === 'ok', { message: 'must be ok (必须为 ok)' }),
});

const issuesOf = (input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
};

describe('localizeZodIssue', () => {
  it('gives a Chinese message with no zod English in it, and an English one, for every issue kind', () => {
    const issues = [
      ...issuesOf({ name: 'x', count: 11, kind: 'c', when: 'soon', tags: [], custom: 'no', extra: 1 }),
      ...issuesOf({ count: 'x' }),
      ...issuesOf({ name: 'abcdef', count: 1.5 }),
    ];
    const codes = new Set(issues.map((i) => i.code));
    for (const code of [
      'too_small',
      'too_big',
      'invalid_value',
      'invalid_format',
      'custom',
      'unrecognized_keys',
      'invalid_type',
    ])
      expect(codes).toContain(code);
    for (const issue of issues) {
      const m = localizeZodIssue(issue);
      expect(m.zh, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(m.zh, issue.code).not.toMatch(/\b(expected|Invalid|Too|received|string|number)\b/);
      expect(m.en, issue.code).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const custom = issues.find((i) => i.code === 'custom');
    expect(localizeZodIssue(custom!)).toEqual({ en: 'must be ok', zh: '必须为 ok' });
  });

  it('describes the first issue with its path and the number of others', () => {
    const r = schema.safeParse({
      name: 'x',
      count: 1,
      kind: 'a',
      when: '2026-01-01',
      tags: ['t'],
      custom: 'ok',
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const d = describeZodError(r.error);
    expect(d.path).toEqual(['name']);
    expect(d.zh).toBe('name：过短，至少 2 个字符');
    expect(d.en).toBe('name: too short: at least 2');
  });
});

describe('localizeZodIssue on a wrong type', () => {
  it('says "expected" for a value of the wrong type and "required" only for a missing one', () => {
    const r = z.object({ n: z.number(), a: z.array(z.string()) }).safeParse({ n: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const [wrong, missing] = r.error.issues;
    expect(localizeZodIssue(wrong!)).toEqual({ zh: '类型错误，应为数字', en: 'expected number' });
    expect(localizeZodIssue(missing!)).toEqual({
      zh: '缺少必填项（应为数组）',
      en: 'required (expected array)',
    });
    const reported = z.object({ n: z.number() }).safeParse({ n: 'x' }, { reportInput: true });
    if (reported.success) throw new Error('expected a failure');
    expect(localizeZodIssue(reported.error.issues[0]!).en).toBe('expected number');
  });
});
