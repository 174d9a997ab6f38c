import { extname } from 'node:path';
import { type ReadCsvOptions, readCsv } from './csv.js';
import { decodeSource } from './decode.js';
import { InputFileError, readerOptions } from './errors.js';
import type { InputSource, ReadOptions, RecordErrorItem, RecordItem } from './types.js';

function jsonError(line: number, cause: unknown, what: string): InputFileError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new InputFileError(
    'invalid_json',
    {
      zh: `第 ${line} 行：${what}不是有效的 JSON`,
      en: `line ${line}: ${what === '该行' ? 'the line' : 'the element'} is not valid JSON (${reason})`,
    },
    { line, cause },
  );
}

/**
 * Reads JSON Lines (one JSON value per line), streaming. Blank lines are skipped; `line` is the physical line.
 * A line that is not valid JSON is an `invalid_json` error with its line number: thrown by default, or
 * yielded as a {@link RecordErrorItem} with `errors: 'yield'` — never dropped silently.
 *
 * @example
 * for await (const item of readJsonl('batch.jsonl', { errors: 'yield' })) {
 *   if ('error' in item) console.log(item.line, item.error.messages.zh);
 *   else console.log(item.line, item.record);
 * }
 */
export function readJsonl(
  source: InputSource,
  options?: ReadOptions & { readonly errors?: 'throw' },
): AsyncGenerator<RecordItem<unknown>>;
export function readJsonl(
  source: InputSource,
  options: ReadOptions & { readonly errors: 'yield' },
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem>;
export async function* readJsonl(
  source: InputSource,
  options: ReadOptions = {},
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem> {
  options = readerOptions(options) as ReadOptions;
  let buffer = '';
  let line = 0;
  const emit = function* (text: string): Generator<RecordItem<unknown> | RecordErrorItem> {
    line++;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (body.trim() === '') return;
    try {
      yield { line, record: JSON.parse(body) as unknown };
    } catch (cause) {
      const error = jsonError(line, cause, '该行');
      if (options.errors === 'yield') yield { line, error };
      else throw error;
    }
  };
  for await (const chunk of decodeSource(source, options)) {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      yield* emit(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  if (buffer !== '') yield* emit(buffer);
}

/**
 * Reads a JSON file whose top level is an array, streaming element by element; `line` is the line where
 * each element starts. An element that is not valid JSON is an `invalid_json` error with its line (thrown,
 * or yielded with `errors: 'yield'`); a top level that is not an array always throws.
 *
 * @example
 * for await (const { line, record } of readJson('entities.json')) console.log(line, record);
 */
export function readJson(
  source: InputSource,
  options?: ReadOptions & { readonly errors?: 'throw' },
): AsyncGenerator<RecordItem<unknown>>;
export function readJson(
  source: InputSource,
  options: ReadOptions & { readonly errors: 'yield' },
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem>;
export async function* readJson(
  source: InputSource,
  options: ReadOptions = {},
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem> {
  options = readerOptions(options) as ReadOptions;
  let line = 1;
  let state: 'before' | 'between' | 'element' | 'done' = 'before';
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let sawComma = true;
  const finish = function* (): Generator<RecordItem<unknown> | RecordErrorItem> {
    const text = element;
    element = '';
    try {
      yield { line: elementLine, record: JSON.parse(text) as unknown };
    } catch (cause) {
      const error = jsonError(elementLine, cause, '数组元素');
      if (options.errors === 'yield') yield { line: elementLine, error };
      else throw error;
    }
  };
  const structural = (zh: string, en: string): InputFileError =>
    new InputFileError('invalid_json', { zh: `第 ${line} 行：${zh}`, en: `line ${line}: ${en}` }, { line });

  for await (const chunk of decodeSource(source, options)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          else if (c === '\n') line++;
          element += c;
          continue;
        }
        if (depth === 0 && (c === ',' || c === ']')) {
          yield* finish();
          state = c === ']' ? 'done' : 'between';
          sawComma = c === ',';
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        else if (c === '\n') line++;
        element += c;
        continue;
      }
      if (c === '\n') {
        line++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') continue;
      if (state === 'before') {
        if (c !== '[') throw structural('顶层必须是 JSON 数组', 'the top level must be a JSON array');
        state = 'between';
        sawComma = true;
      } else if (state === 'between') {
        if (c === ']') {
          state = 'done';
        } else if (c === ',') {
          if (sawComma) throw structural('多余的逗号', 'unexpected comma');
          sawComma = true;
        } else {
          if (!sawComma) throw structural('数组元素之间缺少逗号', 'missing comma between elements');
          state = 'element';
          elementLine = line;
          element = c;
          depth = c === '{' || c === '[' ? 1 : 0;
          inString = c === '"';
          sawComma = false;
        }
      } else {
        throw structural('数组结束后还有内容', 'content after the end of the array');
      }
    }
  }
  if (state !== 'done') throw structural('JSON 数组没有结束', 'the JSON array is not closed');
}

/**
 * Options of {@link readRecords}: the CSV options apply to `.csv`/`.tsv` files.
 *
 * @example
 * const options: ReadRecordsOptions = { errors: 'yield', mapHeader: (h) => h };
 */
export type ReadRecordsOptions = ReadCsvOptions;

/**
 * Reads a file by its extension: `.csv` (and `.tsv`, tab-separated) with {@link readCsv}, `.json` with
 * {@link readJson}, `.jsonl`/`.ndjson` with {@link readJsonl}.
 *
 * @throws {InputFileError} `unsupported_file_type` for other extensions.
 * @example
 * for await (const item of readRecords('examples/data/batch.csv')) console.log(item.line);
 */
export function readRecords(
  path: string,
  options?: ReadRecordsOptions & { readonly errors?: 'throw' },
): AsyncGenerator<RecordItem<unknown>>;
export function readRecords(
  path: string,
  options: ReadRecordsOptions & { readonly errors: 'yield' },
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem>;
export function readRecords(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RecordItem<unknown> | RecordErrorItem> {
  if (typeof path !== 'string') {
    throw new InputFileError('invalid_source', {
      zh: '文件路径必须是字符串',
      en: 'the path must be a string',
    });
  }
  const ext = extname(path).toLowerCase();
  const opts = options as ReadRecordsOptions & { readonly errors: 'yield' };
  switch (ext) {
    case '.csv':
      return readCsv(path, opts);
    case '.tsv':
      return readCsv(path, { ...opts, delimiter: '\t' });
    case '.json':
      return readJson(path, opts);
    case '.jsonl':
    case '.ndjson':
      return readJsonl(path, opts);
    default:
      throw new InputFileError(
        'unsupported_file_type',
        {
          zh: `不支持的文件类型“${ext}”`,
          en: `unsupported file type "${ext}" (use .csv, .tsv, .json, .jsonl)`,
        },
        { details: { path, extension: ext } },
      );
  }
}
