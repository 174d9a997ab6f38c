/**
 * `@jianguan/core/io` — reading input files (输入文件): CSV (UTF-8 or GBK/GB18030, as saved by Excel on Chinese
 * Windows), JSON and JSON Lines, from a path, bytes or a stream. Node.js only (it uses `node:fs`), so it is
 * a subpath of its own: `@jianguan/core` itself stays browser-safe.
 *
 * @example
 * import { readCsv } from '@jianguan/core/io';
 * for await (const { line, record } of readCsv('records.csv')) console.log(line, record);
 *
 * @packageDocumentation
 */
export type { CsvRow, ReadCsvOptions } from './csv.js';
export { parseCsvRows, readCsv } from './csv.js';
export { detectEncoding, ENCODING_SNIFF_BYTES, isUtf8 } from './decode.js';
export type { InputFileErrorCode } from './errors.js';
export { InputFileError } from './errors.js';
export type { ReadRecordsOptions } from './json.js';
export { readJson, readJsonl, readRecords } from './json.js';
export type { InputEncoding, InputSource, ReadOptions, RecordErrorItem, RecordItem } from './types.js';
