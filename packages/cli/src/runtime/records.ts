import { InputFileError, readCsv, readJson, readJsonl } from '@jianguan/core/io';
import { inputError } from './errors.js';
import type { DataFormat } from './files.js';
import { assertReadableFile, detectFormat } from './files.js';
import type { Progress } from './progress.js';

/** A record read from a data file, with the line it starts on. */
export interface LoadedRecord {
  readonly line: number;
  readonly record: unknown;
}

/** Everything read from one data file. */
export interface LoadedFile {
  readonly file: string;
  readonly format: DataFormat;
  readonly encoding: string | undefined;
  readonly records: readonly LoadedRecord[];
}

/**
 * Read every record of a CSV (UTF-8 or GBK), JSON (an array) or JSONL file. A missing file or a record
 * that cannot be parsed is an input error naming the file and the line.
 */
export async function loadRecords(
  cwd: string,
  file: string,
  options: { readonly format?: string | undefined; readonly progress?: Progress } = {},
): Promise<LoadedFile> {
  const format = detectFormat(file, options.format);
  const full = await assertReadableFile(cwd, file);
  let encoding: string | undefined;
  const readOptions = {
    onEncoding: (e: 'utf-8' | 'gb18030') => {
      encoding = e;
    },
  };
  const items =
    format === 'csv'
      ? readCsv(full, readOptions)
      : format === 'jsonl'
        ? readJsonl(full, readOptions)
        : readJson(full, readOptions);
  const records: LoadedRecord[] = [];
  try {
    for await (const item of items) {
      records.push(item);
      options.progress?.tick();
    }
  } catch (error) {
    if (error instanceof InputFileError) {
      throw inputError(
        error.code,
        { zh: `${file}：${error.messages.zh}`, en: `${file}: ${error.messages.en}` },
        { details: { ...error.details, file }, cause: error },
      );
    }
    throw error;
  } finally {
    options.progress?.done();
  }
  return { file, format, encoding, records };
}
