import { CliError } from '@jianguan/cli';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../src/runtime/args.js';
import {
  closest,
  dateArgument,
  integerArgument,
  parseCommandArgs,
  ratioArgument,
  renderHelp,
} from '../src/runtime/args.js';
import { detectFormat, parseJsonLines } from '../src/runtime/files.js';
import { displayWidth, formatTable } from '../src/runtime/io.js';
import { createProgress } from '../src/runtime/progress.js';

const spec: CommandSpec = {
  name: 'demo',
  summary: { zh: '示例', en: 'demo' },
  usage: ['jianguan demo <x>'],
  options: {
    seed: { type: 'string', value: '<seed>', description: { zh: '种子', en: 'seed' } },
    stratum: { type: 'string', multiple: true, description: { zh: '分层', en: 'stratum' } },
  },
  examples: ['jianguan demo 1'],
  run: async () => 0,
};

function thrown(fn: () => unknown): CliError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('argument parsing', () => {
  it('parses options, repeatable options and positionals', () => {
    const parsed = parseCommandArgs(spec, ['a', '--seed', '42', '--stratum', 'A', '--stratum=B', '--json']);
    expect(parsed.positionals).toEqual(['a']);
    expect(parsed.values).toMatchObject({ seed: '42', stratum: ['A', 'B'], json: true });
  });

  it('suggests the closest option for a typo (exit 2)', () => {
    const error = thrown(() => parseCommandArgs(spec, ['--sede', '1']));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe('unknown_option');
    expect(error.messages.en).toContain('did you mean --seed?');
    expect(error.messages.zh).toContain('未知选项');
  });

  it('rejects a string option without its value', () => {
    const error = thrown(() => parseCommandArgs(spec, ['--seed']));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe('invalid_option_value');
  });

  it.each([
    ['2025-09-30', '2025-09-30'],
    ['2025/09/30', '2025-09-30'],
    ['20250930', '2025-09-30'],
    ['2024-02-29', '2024-02-29'],
    ['2025-9-30', '2025-09-30'],
    ['2026/12/1', '2026-12-01'],
    ['2025年9月30日', '2025-09-30'],
    ['45930', '2025-09-30'],
  ])('accepts the date %s', (text, expected) => {
    expect(dateArgument('x', '<date>', text)).toBe(expected);
  });

  it.each(['2025-02-29', '2025-13-01', '2025/2/29', '60', 'tomorrow', ''])(
    'rejects the date %j as a usage error',
    (text) => {
      const error = thrown(() => dateArgument('x', '<date>', text));
      expect(error.exitCode).toBe(2);
      expect(error.code).toBe('bad_date');
      expect(error.messages.zh).toContain('不是有效日期');
    },
  );

  it.each([
    ['0.05', 0.05],
    ['5%', 0.05],
    ['1', 1],
    ['0', 0],
  ])('reads the ratio %s', (text, expected) => {
    expect(ratioArgument('x', '--ratio', text)).toBeCloseTo(expected, 12);
  });

  it.each(['1.5', '-0.1', 'abc', '120%'])('rejects the ratio %s', (text) => {
    expect(thrown(() => ratioArgument('x', '--ratio', text)).code).toBe('bad_ratio');
  });

  it.each(['1.5', 'two', '9007199254740993'])('rejects the integer %s', (text) => {
    expect(thrown(() => integerArgument('x', '<n>', text)).code).toBe('bad_integer');
  });

  it('finds close words only', () => {
    expect(closest('wrokday', ['workday', 'draw'])).toBe('workday');
    expect(closest('zzzzzz', ['workday', 'draw'])).toBeUndefined();
  });

  it('renders help with every option, examples and exit codes', () => {
    const help = renderHelp(spec);
    expect(help).toContain('--seed <seed>');
    expect(help).toContain('（可重复）');
    expect(help).toContain(' (repeatable)');
    expect(help).toContain('-h, --help');
    expect(help).toContain('--json');
    expect(help).toContain('jianguan demo 1');
    expect(help).toContain('Exit codes:');
    expect(help).toContain('退出码：');
  });
});

describe('files and output helpers', () => {
  it.each([
    ['a.csv', undefined, 'csv'],
    ['a.JSONL', undefined, 'jsonl'],
    ['a.ndjson', undefined, 'jsonl'],
    ['a.json', undefined, 'json'],
    ['a.dat', 'csv', 'csv'],
  ] as const)('detects the format of %s', (path, explicit, expected) => {
    expect(detectFormat(path, explicit)).toBe(expected);
  });

  it('asks for --format when the extension says nothing', () => {
    const error = thrown(() => detectFormat('records.dat', undefined));
    expect(error.exitCode).toBe(3);
    expect(error.messages.en).toContain('--format');
  });

  it('reads JSON Lines and names the bad line', () => {
    expect(parseJsonLines('{"a":1}\n\n{"a":2}\r\n', 'x.jsonl')).toEqual([{ a: 1 }, { a: 2 }]);
    const error = thrown(() => parseJsonLines('{"a":1}\n{oops}\n', 'x.jsonl'));
    expect(error.code).toBe('invalid_jsonl');
    expect(error.details).toMatchObject({ line: 2 });
  });

  it('aligns tables counting CJK characters as two columns', () => {
    expect(displayWidth('国庆a')).toBe(5);
    expect(
      formatTable([
        ['国庆', 'x'],
        ['ab', 'y'],
      ]),
    ).toEqual(['国庆  x', 'ab    y']);
  });

  it('draws progress only on a terminal', () => {
    let out = '';
    const quiet = createProgress({ write: (s) => (out += s) }, 'work', 10);
    quiet.tick(5);
    quiet.done();
    expect(out).toBe('');
    const bar = createProgress({ write: (s) => (out += s), isTTY: true, columns: 80 }, 'work', 10);
    bar.update(10);
    bar.done();
    expect(out).toContain('100%');
    expect(out).toContain('10/10');
  });
});
