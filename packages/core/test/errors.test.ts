import { describe, expect, it } from 'vitest';
import { isJianguanError, JianguanError } from '../src/index.js';

describe('JianguanError', () => {
  it('carries code, path and both languages, and serialises to JSON', () => {
    const error = new JianguanError(
      'invalid_length',
      { zh: '长度错误', en: 'wrong length' },
      { path: ['records', 2, 'uscc'], details: { length: 17 } },
    );
    expect(error.message).toBe('wrong length (长度错误)');
    expect(error.code).toBe('invalid_length');
    expect(error.path).toEqual(['records', 2, 'uscc']);
    expect(error.toJSON()).toEqual({
      name: 'JianguanError',
      code: 'invalid_length',
      path: ['records', 2, 'uscc'],
      message: 'wrong length (长度错误)',
      messages: { zh: '长度错误', en: 'wrong length' },
      details: { length: 17 },
    });
  });

  it('is recognised across realms by shape, and plain errors are not', () => {
    const foreign = Object.assign(new Error('x'), { code: 'c', path: [], messages: { zh: '错', en: 'bad' } });
    expect(isJianguanError(foreign)).toBe(true);
    expect(isJianguanError(new Error('x'))).toBe(false);
    expect(isJianguanError(null)).toBe(false);
  });
});
