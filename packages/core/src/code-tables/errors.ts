import { JianguanError, type JianguanErrorOptions, type LocalizedMessage } from '../errors/jianguan-error.js';

/**
 * A code table id that the registry does not hold (未知代码表).
 *
 * @example
 * try { getCodeTable('nope'); } catch (error) { (error as UnknownCodeTableError).code; } // 'unknown_code_table'
 */
export class UnknownCodeTableError extends JianguanError {
  override readonly name = 'UnknownCodeTableError' as const;
  declare readonly code: 'unknown_code_table';

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super('unknown_code_table', messages, options);
  }
}

/**
 * Code table data that fails validation at registration (代码表数据错误): a missing source, duplicate codes,
 * two entries sharing a label, a bad date.
 *
 * @example
 * try { defineCodeTable({ id: 'x', name: 'x', nameEn: 'x', version: '1', source: 's', entries: [] }); }
 * catch (error) { (error as InvalidCodeTableError).code; } // 'invalid_code_table'
 */
export class InvalidCodeTableError extends JianguanError {
  override readonly name = 'InvalidCodeTableError' as const;
  declare readonly code: 'invalid_code_table';

  constructor(messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super('invalid_code_table', messages, options);
  }
}
