import { decodeSource } from './decode.js';
import { InputFileError, readerOptions } from './errors.js';
import type { InputSource, ReadOptions, RecordErrorItem, RecordItem } from './types.js';

/**
 * Options of {@link readCsv}.
 *
 * @example
 * const options: ReadCsvOptions = { delimiter: ',', header: true, mapHeader: (h) => h.trim() };
 */
export interface ReadCsvOptions extends ReadOptions {
  /** Field separator, one character; default `,` (use `\t` for TSV). */
  readonly delimiter?: string;
  /**
   * `true` (default): the first non-empty row names the columns. An array: these are the column names and
   * the first row is data.
   */
  readonly header?: true | readonly string[];
  /** Renames each header cell (after trimming), e.g. Chinese headers → field names. */
  readonly mapHeader?: (header: string, index: number) => string;
  /** Trim spaces around unquoted values. Default `false`. */
  readonly trim?: boolean;
}

/**
 * One raw CSV row: its fields and the 1-based physical line where it starts.
 *
 * @example
 * const row: CsvRow = { line: 3, fields: ['某公司', '9133…'] };
 */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Parses RFC 4180 CSV text chunks into rows: quoted fields may hold the delimiter, `""` and line breaks;
 * CRLF, LF and lone CR end a row; a row's `line` is the physical line where it starts.
 *
 * @throws {InputFileError} `invalid_csv` for a quote in the middle of an unquoted field or an unterminated quote.
 * @example
 * for await (const row of parseCsvRows(['a,"b\nc"\n'])) row; // { line: 1, fields: ['a', 'b\nc'] }
 */
export async function* parseCsvRows(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: { readonly delimiter?: string; readonly trim?: boolean } = {},
): AsyncGenerator<CsvRow> {
  options = readerOptions(options) as typeof options;
  const delimiter = options.delimiter ?? ',';
  if (
    typeof delimiter !== 'string' ||
    delimiter.length !== 1 ||
    delimiter === '"' ||
    delimiter === '\n' ||
    delimiter === '\r'
  ) {
    throw new InputFileError('invalid_csv', {
      zh: '分隔符必须是一个字符',
      en: 'the delimiter must be one character other than a quote or newline',
    });
  }
  const trim = options.trim === true;
  if (
    typeof chunks !== 'object' ||
    chunks === null ||
    (typeof (chunks as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function' &&
      typeof (chunks as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function')
  ) {
    throw new InputFileError('invalid_source', {
      zh: 'CSV 文本必须是字符串块的（异步）可迭代对象',
      en: 'the CSV text must be an (async) iterable of string chunks',
    });
  }
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // current field started with a quote
  let afterQuote = false; // just saw a closing quote (or the first of a doubled pair)
  let line = 1;
  let rowLine = 1;
  let rowStarted = false;
  let pendingCR = false;

  const endField = (): void => {
    fields.push(trim && !wasQuoted ? field.trim() : field);
    field = '';
    wasQuoted = false;
    afterQuote = false;
  };

  for await (const chunk of chunks) {
    if (typeof chunk !== 'string')
      throw new InputFileError('invalid_source', {
        zh: 'CSV 文本必须是字符串块的（异步）可迭代对象',
        en: 'the CSV text must be an (async) iterable of string chunks',
      });
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') {
          if (quoted) field += '\n';
          continue; // CRLF split across chunks: the line was already counted at CR
        }
      }
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line++;
          else if (c === '\r') {
            line++;
            if (chunk.charAt(i + 1) === '\n') {
              field += '\r\n';
              i++;
              continue;
            }
            // A CR at the end of a chunk may be followed by LF in the next: counted once via pendingCR.
            if (i + 1 === chunk.length) pendingCR = true;
          }
          field += c;
        }
        continue;
      }
      if (afterQuote && c === '"') {
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      if (c === delimiter) {
        rowStarted = true;
        endField();
      } else if (c === '\n' || c === '\r') {
        if (rowStarted || field !== '' || wasQuoted) {
          endField();
          yield { line: rowLine, fields };
        }
        fields = [];
        rowStarted = false;
        line++;
        rowLine = line;
        if (c === '\r') {
          if (chunk.charAt(i + 1) === '\n') i++;
          else if (i + 1 === chunk.length) pendingCR = true;
        }
      } else if (c === '"') {
        if (field === '' && !wasQuoted && !afterQuote) {
          quoted = true;
          wasQuoted = true;
          rowStarted = true;
        } else {
          throw new InputFileError(
            'invalid_csv',
            {
              zh: `第 ${line} 行：未加引号的字段中出现引号`,
              en: `line ${line}: a quote inside an unquoted field`,
            },
            { line },
          );
        }
      } else {
        if (afterQuote) {
          throw new InputFileError(
            'invalid_csv',
            { zh: `第 ${line} 行：引号后出现多余字符`, en: `line ${line}: characters after a closing quote` },
            { line },
          );
        }
        rowStarted = true;
        field += c;
      }
    }
  }
  if (quoted) {
    throw new InputFileError(
      'invalid_csv',
      {
        zh: `第 ${rowLine} 行开始的引号没有结束`,
        en: `the quote opened in the row at line ${rowLine} is never closed`,
      },
      { line: rowLine },
    );
  }
  if (rowStarted || field !== '' || wasQuoted) {
    endField();
    yield { line: rowLine, fields };
  }
}

/**
 * Reads a CSV file as records keyed by the header row, streaming. Encoding: UTF-8 with or without BOM, or
 * GBK/GB 18030 as Excel writes it (autodetected). Quoting per RFC 4180, including line breaks inside quotes;
 * `line` is the physical line where the record starts. Empty lines are skipped. A row with fewer fields than
 * the header gets `''` for the missing ones; extra non-empty fields are an error.
 *
 * @throws {InputFileError} `invalid_csv` / `invalid_encoding` (with `errors: 'yield'`, row-level errors are
 * yielded instead).
 * @example
 * for await (const { line, record } of readCsv('examples/data/behaviours-gbk.csv')) {
 *   console.log(line, record['行为名称']);
 * }
 */
export function readCsv(
  source: InputSource,
  options?: ReadCsvOptions & { readonly errors?: 'throw' },
): AsyncGenerator<RecordItem>;
export function readCsv(
  source: InputSource,
  options: ReadCsvOptions & { readonly errors: 'yield' },
): AsyncGenerator<RecordItem | RecordErrorItem>;
export async function* readCsv(
  source: InputSource,
  options: ReadCsvOptions = {},
): AsyncGenerator<RecordItem | RecordErrorItem> {
  options = readerOptions(options) as ReadCsvOptions;
  let header: string[] | undefined = Array.isArray(options.header) ? [...options.header] : undefined;
  const rows = parseCsvRows(decodeSource(source, options), {
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.trim === undefined ? {} : { trim: options.trim }),
  });
  for await (const row of rows) {
    if (header === undefined) {
      header = row.fields.map((h, i) => {
        const name = h.trim();
        return options.mapHeader ? options.mapHeader(name, i) : name;
      });
      while (header.length > 0 && header[header.length - 1] === '') header.pop();
      const seen = new Set<string>();
      for (const h of header) {
        if (seen.has(h)) {
          throw new InputFileError(
            'invalid_csv',
            { zh: `第 ${row.line} 行：表头重复“${h}”`, en: `line ${row.line}: duplicate header "${h}"` },
            { line: row.line, details: { header: h } },
          );
        }
        seen.add(h);
      }
      continue;
    }
    const extra = row.fields.slice(header.length).filter((f) => f.trim() !== '');
    if (extra.length > 0) {
      const error = new InputFileError(
        'invalid_csv',
        {
          zh: `第 ${row.line} 行：字段数 ${row.fields.length} 多于表头的 ${header.length} 列`,
          en: `line ${row.line}: ${row.fields.length} fields but the header has ${header.length}`,
        },
        { line: row.line, details: { fields: row.fields.length, columns: header.length } },
      );
      if (options.errors === 'yield') {
        yield { line: row.line, error };
        continue;
      }
      throw error;
    }
    const record: Record<string, string> = Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? '']));
    yield { line: row.line, record };
  }
}
