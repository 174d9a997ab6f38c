import { constants } from 'node:fs';
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import { inputError, usageError } from './errors.js';

/** Resolve `path` against the command's working directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * Resolve `path`, check it is not a directory and hand it to `use`; file-system failures (missing, a
 * directory, no permission) become bilingual input errors naming the file.
 */
async function withInputFile<T>(cwd: string, path: string, use: (full: string) => Promise<T>): Promise<T> {
  const full = resolvePath(cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      throw inputError(
        'not_a_file',
        { zh: `这是一个目录，不是文件：${path}`, en: `not a file (a directory): ${path}` },
        { details: { path: full } },
      );
    }
    return await use(full);
  } catch (error) {
    throw fileError(error, path, full);
  }
}

/** Check that `path` is a readable file; returns its absolute path (input errors otherwise). */
export function assertReadableFile(cwd: string, path: string): Promise<string> {
  return withInputFile(cwd, path, async (full) => {
    await access(full, constants.R_OK);
    return full;
  });
}

function fileError(error: unknown, path: string, full: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return inputError(
      'file_not_found',
      { zh: `找不到文件：${path}`, en: `file not found: ${path}` },
      { details: { path: full }, cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return inputError(
      'file_unreadable',
      { zh: `没有权限读取文件：${path}`, en: `permission denied reading: ${path}` },
      { details: { path: full }, cause: error },
    );
  }
  return error;
}

/** Read a file's bytes, turning file-system failures into bilingual input errors (exit 3). */
export function readInputBytes(cwd: string, path: string): Promise<Uint8Array> {
  return withInputFile(cwd, path, async (full) => new Uint8Array(await readFile(full)));
}

/** Read a UTF-8 text file (a BOM is dropped). */
export async function readInputText(cwd: string, path: string): Promise<string> {
  const bytes = await readInputBytes(cwd, path);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Read and parse a JSON file; a syntax error is an input error naming the file. */
export async function readJsonFile(cwd: string, path: string): Promise<unknown> {
  const text = await readInputText(cwd, path);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw inputError(
      'invalid_json',
      // The parser's reason is English: it goes on the English line only.
      { zh: `不是有效的 JSON：${path}（原因见下一行）`, en: `not valid JSON: ${path} (${detail})` },
      { details: { path, reason: detail }, cause: error },
    );
  }
}

/** Parse JSON Lines text: one JSON value per non-empty line. */
export function parseJsonLines(text: string, path: string): unknown[] {
  const values: unknown[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      throw inputError(
        'invalid_jsonl',
        { zh: `${path} 第 ${i + 1} 行不是有效的 JSON`, en: `${path} line ${i + 1} is not valid JSON` },
        { details: { path, line: i + 1 }, cause: error },
      );
    }
  });
  return values;
}

/** The data format of a file, from `--format` or its extension. */
export type DataFormat = 'csv' | 'json' | 'jsonl';

/** Decide a file's format from an explicit choice or its extension. */
export function detectFormat(path: string, explicit: string | undefined): DataFormat {
  if (explicit !== undefined) {
    const lower = explicit.toLowerCase();
    if (lower === 'csv' || lower === 'json' || lower === 'jsonl') return lower;
    if (lower === 'ndjson') return 'jsonl';
    throw usageError('unknown_format', {
      zh: `不支持的格式：${explicit}（可选 csv、json、jsonl）`,
      en: `unknown format: ${explicit} (use csv, json or jsonl)`,
    });
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  throw inputError(
    'unknown_format',
    {
      zh: `无法从扩展名判断 ${path} 的格式，请用 --format csv|json|jsonl 指定`,
      en: `cannot tell the format of ${path} from its extension; pass --format csv|json|jsonl`,
    },
    { details: { path } },
  );
}

/** Write an output file, turning failures into input errors. */
export async function writeOutputFile(cwd: string, path: string, content: string): Promise<string> {
  const full = resolvePath(cwd, path);
  try {
    await writeFile(full, content);
    return full;
  } catch (error) {
    throw inputError(
      'cannot_write',
      { zh: `无法写入文件：${path}`, en: `cannot write file: ${path}` },
      { details: { path: full }, cause: error },
    );
  }
}
