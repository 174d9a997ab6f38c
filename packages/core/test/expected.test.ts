import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeValue,
  EXPECTED,
  expectedFailure,
  expectedMessage,
  InvalidOptionsError,
  isRecord,
  JianguanError,
} from '../src/index.js';

describe('isRecord', () => {
  it('accepts plain and class objects, rejects null, arrays and primitives', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Date(0))).toBe(true);
    for (const v of [null, undefined, [], [1], 'x', 1, true, () => 1, Symbol('s')])
      expect(isRecord(v)).toBe(false);
  });
  it('agrees with the definition on any value', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(isRecord(v)).toBe(v !== null && typeof v === 'object' && !Array.isArray(v));
      }),
    );
  });
});

describe('expectedMessage', () => {
  it('joins the path, names the expected kind and describes the value in both languages', () => {
    expect(expectedMessage(['options', 'items', 2], EXPECTED.array, 'x')).toEqual({
      zh: 'options.items.2 应为数组，实际为 "x"',
      en: 'options.items.2 must be an array, not "x"',
    });
  });
  it('uses the root label for an empty path and the Chinese lead word', () => {
    expect(expectedMessage([], EXPECTED.function, null, { root: 'argument', zhLead: '参数 ' })).toEqual({
      zh: '参数 argument 应为函数，实际为 null',
      en: 'argument must be a function, not null',
    });
    expect(expectedMessage([], EXPECTED.object, 1).en).toBe('input must be an object, not 1');
  });
  it('never throws, whatever an untyped caller passes', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (p, e, a, o) => {
        const m = expectedMessage(p as never, e as never, a, o as never);
        expect(typeof m.zh).toBe('string');
        expect(m.en).toContain(describeValue(a));
      }),
    );
  });
  it('is the message of InvalidOptionsError', () => {
    const error = new InvalidOptionsError('seed', EXPECTED.string, 7);
    expect(error.message).toContain('options.seed must be a string, not 7');
    expect(error.messages.zh).toBe('选项 options.seed 应为字符串，实际为 7');
    expect(error.details).toEqual({ actual: '7' });
  });
});

describe('expectedFailure', () => {
  it('spreads into a JianguanError with the message, the path and details.value', () => {
    const error = new JianguanError('invalid_input', ...expectedFailure(['rows', 0], EXPECTED.object, [1]));
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['rows', 0]);
    expect(error.details).toEqual({ value: 'array' });
    expect(error.messages).toEqual({
      zh: 'rows.0 应为对象，实际为 array',
      en: 'rows.0 must be an object, not array',
    });
  });
});
