import { afterEach, describe, expect, it } from 'vitest';
import {
  codeTableEnum,
  createCodeTableRegistry,
  csvLine,
  describeZodError,
  diffValues,
  diffVersionedEntries,
  EXPECTED,
  estimateStatutoryYear,
  forEachConcurrently,
  getCodeTable,
  getDefaultCalendar,
  InvalidArgumentError,
  InvalidOptionsError,
  isJianguanError,
  isLeapYear,
  isWordingChange,
  JianguanError,
  localizeZodIssue,
  publicationChannelSlug,
  registerCodeTable,
  setDefaultCalendar,
  statutoryRulesFor,
  suggestSemverBump,
  zodIssuePath,
} from '../src/index.js';

/** The error `run` throws (synchronously or as a rejection). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Asserts an InvalidArgumentError with this path and both messages. */
async function expectArgumentError(
  run: () => unknown,
  path: readonly (string | number)[],
  en: string,
  zh: string,
): Promise<void> {
  const error = await thrown(run);
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(error).toBeInstanceOf(JianguanError);
  expect(error).not.toBeInstanceOf(InvalidOptionsError);
  const e = error as InvalidArgumentError;
  expect(e.name).toBe('InvalidArgumentError');
  expect(e.code).toBe('invalid_argument');
  expect(e.path).toEqual(path);
  expect(e.messages).toEqual({ en, zh });
  expect(e.message).toBe(`${en} (${zh})`);
}

describe('InvalidArgumentError', () => {
  it('names the argument (no options prefix), says what it must be in both languages and describes the value', () => {
    const error = new InvalidArgumentError('year', EXPECTED.number, '2024');
    expect(error.code).toBe('invalid_argument');
    expect(error.name).toBe('InvalidArgumentError');
    expect(error.path).toEqual(['year']);
    expect(error.messages).toEqual({
      en: 'year must be a number, not "2024"',
      zh: '参数 year 应为数字，实际为 "2024"',
    });
    expect(error.details).toEqual({ actual: '"2024"' });
    expect(isJianguanError(error)).toBe(true);
    expect(error.toJSON()).toMatchObject({
      name: 'InvalidArgumentError',
      code: 'invalid_argument',
      path: ['year'],
    });
  });
  it('takes a path into the argument, and copies it', () => {
    const at: [string, ...(string | number)[]] = ['error', 'issues', 0];
    const error = new InvalidArgumentError(at, EXPECTED.object, null);
    at.push('x');
    expect(error.path).toEqual(['error', 'issues', 0]);
    expect(error.messages.en).toBe('error.issues.0 must be an object, not null');
    expect(error.details).toEqual({ actual: 'null' });
  });
});

describe('positional arguments are InvalidArgumentError, options stay InvalidOptionsError', () => {
  const REGISTRY_EN = 'must be a code table registry, not';
  const junkRegistry = { get: 1 };

  it('publicationChannelSlug: channel', async () => {
    await expectArgumentError(
      () => publicationChannelSlug('news' as never),
      ['channel'],
      'channel must be one of annual_plan, work_news, exposure, not "news"',
      '参数 channel 应为annual_plan、work_news、exposure 之一，实际为 "news"',
    );
  });

  it('code tables: the registry and base arguments; the base option stays an options error', async () => {
    await expectArgumentError(
      () => getCodeTable('certType', junkRegistry as never),
      ['registry'],
      `registry ${REGISTRY_EN} object`,
      '参数 registry 应为代码表注册表，实际为 object',
    );
    await expectArgumentError(
      () => codeTableEnum('checkType', null as never),
      ['registry'],
      `registry ${REGISTRY_EN} null`,
      '参数 registry 应为代码表注册表，实际为 null',
    );
    await expectArgumentError(
      () => registerCodeTable(getCodeTable('checkType'), 5 as never),
      ['base'],
      `base ${REGISTRY_EN} 5`,
      '参数 base 应为代码表注册表，实际为 5',
    );
    const option = await thrown(() => createCodeTableRegistry({ base: 5 as never }));
    expect(option).toBeInstanceOf(InvalidOptionsError);
    expect((option as InvalidOptionsError).path).toEqual(['options', 'base']);
    expect((option as InvalidOptionsError).messages.zh).toBe('选项 options.base 应为代码表注册表，实际为 5');
  });

  it('diffValues: path and out', async () => {
    await expectArgumentError(
      () => diffValues(1, 2, 'rules' as never),
      ['path'],
      'path must be an array, not "rules"',
      '参数 path 应为数组，实际为 "rules"',
    );
    await expectArgumentError(
      () => diffValues(1, 2, [], {} as never),
      ['out'],
      'out must be an array, not object',
      '参数 out 应为数组，实际为 object',
    );
  });

  it('diffVersionedEntries: before and after; options.path stays an options error', async () => {
    await expectArgumentError(
      () => diffVersionedEntries({} as never, [], { path: 'rules' }),
      ['before'],
      'before must be an array, not object',
      '参数 before 应为数组，实际为 object',
    );
    await expectArgumentError(
      () => diffVersionedEntries([], 'x' as never, { path: 'rules' }),
      ['after'],
      'after must be an array, not "x"',
      '参数 after 应为数组，实际为 "x"',
    );
    const option = await thrown(() => diffVersionedEntries([], [], { path: 1 } as never));
    expect(option).toBeInstanceOf(InvalidOptionsError);
    expect((option as InvalidOptionsError).path).toEqual(['options', 'path']);
  });

  it('isWordingChange: change and wordingKeys', async () => {
    await expectArgumentError(
      () => isWordingChange(null as never, new Set()),
      ['change'],
      'change must be a change { path, before, after }, not null',
      '参数 change 应为变更项 { path, before, after }，实际为 null',
    );
    await expectArgumentError(
      () => isWordingChange({ path: [], before: 1, after: 2 }, ['name'] as never),
      ['wordingKeys'],
      'wordingKeys must be a Set of keys, not array',
      '参数 wordingKeys 应为字段名集合（Set），实际为 array',
    );
  });

  it('suggestSemverBump: levels and a level inside it', async () => {
    await expectArgumentError(
      () => suggestSemverBump(null as never),
      ['levels'],
      'levels must be an object, not null',
      '参数 levels 应为对象，实际为 null',
    );
    await expectArgumentError(
      () => suggestSemverBump({ minor: 'yes' } as never),
      ['levels', 'minor'],
      'levels.minor must be a boolean, not "yes"',
      '参数 levels.minor 应为布尔值，实际为 "yes"',
    );
  });

  it('zod issue helpers: issue, error and the first issue of an error', async () => {
    await expectArgumentError(
      () => localizeZodIssue({ code: 'custom' } as never),
      ['issue'],
      'issue must be a zod issue { code, message, path }, not object',
      '参数 issue 应为zod 校验问题 { code, message, path }，实际为 object',
    );
    await expectArgumentError(
      () => zodIssuePath(7 as never),
      ['issue'],
      'issue must be a zod issue with a path, not 7',
      '参数 issue 应为带 path 的 zod 校验问题，实际为 7',
    );
    await expectArgumentError(
      () => describeZodError({} as never),
      ['error'],
      'error must be a zod error { issues }, not object',
      '参数 error 应为zod 错误 { issues }，实际为 object',
    );
    await expectArgumentError(
      () => describeZodError({ issues: ['bad'] } as never),
      ['error', 'issues', 0],
      'error.issues.0 must be a zod issue { code, message, path }, not "bad"',
      '参数 error.issues.0 应为zod 校验问题 { code, message, path }，实际为 "bad"',
    );
  });

  it('csvLine: values', async () => {
    await expectArgumentError(
      () => csvLine('a,b' as never),
      ['values'],
      'values must be an array of cells, not "a,b"',
      '参数 values 应为单元格数组，实际为 "a,b"',
    );
  });

  describe('calendar', () => {
    const original = getDefaultCalendar();
    afterEach(() => {
      setDefaultCalendar(original);
    });

    it('setDefaultCalendar: calendar (the default stays)', async () => {
      await expectArgumentError(
        () => setDefaultCalendar({} as never),
        ['calendar'],
        'calendar must be a WorkdayCalendar, not object',
        '参数 calendar 应为工作日日历（WorkdayCalendar），实际为 object',
      );
      expect(getDefaultCalendar()).toBe(original);
    });

    it('isLeapYear, statutoryRulesFor, estimateStatutoryYear: year', async () => {
      await expectArgumentError(
        () => isLeapYear(2024.5),
        ['year'],
        'year must be a whole year, not 2024.5',
        '参数 year 应为整数年份，实际为 2024.5',
      );
      for (const f of [statutoryRulesFor, estimateStatutoryYear])
        await expectArgumentError(
          () => f('2020' as never),
          ['year'],
          'year must be a number, not "2020"',
          '参数 year 应为数字，实际为 "2020"',
        );
    });
  });

  it('forEachConcurrently: items, concurrency and task; options stay an options error', async () => {
    const task = async (): Promise<void> => {};
    await expectArgumentError(
      () => forEachConcurrently('abc' as never, 1, task),
      ['items'],
      'items must be an array, not "abc"',
      '参数 items 应为数组，实际为 "abc"',
    );
    await expectArgumentError(
      () => forEachConcurrently([1], 0, task),
      ['concurrency'],
      'concurrency must be a whole number ≥ 1, not 0',
      '参数 concurrency 应为不小于 1 的整数，实际为 0',
    );
    await expectArgumentError(
      () => forEachConcurrently([1], 1, 'run' as never),
      ['task'],
      'task must be a function, not "run"',
      '参数 task 应为函数，实际为 "run"',
    );
    const option = await thrown(() => forEachConcurrently([1], 1, task, null as never));
    expect(option).toBeInstanceOf(InvalidOptionsError);
    expect((option as InvalidOptionsError).path).toEqual(['options']);
  });
});
