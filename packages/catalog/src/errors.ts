import type { JianguanErrorOptions, LocalizedMessage } from '@jianguan/core';
import { JianguanError } from '@jianguan/core';

/**
 * Stable codes of {@link CatalogError}.
 *
 * @example
 * const code: CatalogErrorCode = 'invalid_item_code';
 */
export type CatalogErrorCode =
  | 'invalid_catalog'
  | 'invalid_item_code'
  | 'invalid_claims'
  | 'invalid_quarter'
  | 'invalid_legal_basis'
  | 'invalid_mapping_set'
  | 'invalid_checklist'
  | 'invalid_inspection_result'
  | 'invalid_benchmark_set'
  | 'invalid_options'
  | 'invalid_input';

/**
 * An error raised by `@jianguan/catalog` (监管事项目录错误): a malformed catalog, claim list, quarter,
 * mapping set, checklist or discretion benchmark, with the field path and a message in Chinese and English.
 *
 * @example
 * try {
 *   parseItemCode('3100000010000X');
 * } catch (error) {
 *   if (error instanceof CatalogError) console.log(error.code, error.path); // 'invalid_item_code' []
 * }
 */
export class CatalogError extends JianguanError {
  override readonly name = 'CatalogError' as const;
  declare readonly code: CatalogErrorCode;

  constructor(code: CatalogErrorCode, messages: LocalizedMessage, options: JianguanErrorOptions = {}) {
    super(code, messages, options);
  }
}

/** Builds a {@link CatalogError} from a zod error's first issue (path kept). @internal */
export function fromZodIssues(
  code: CatalogErrorCode,
  what: LocalizedMessage,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  prefix: readonly (string | number)[] = [],
): CatalogError {
  const first = issues[0];
  const path = [...prefix, ...(first?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)))];
  const where = path.length === 0 ? '' : ` (${path.join('.')})`;
  return new CatalogError(
    code,
    {
      zh: `${what.zh}无效${where}：${first?.message ?? ''}`,
      en: `invalid ${what.en}${where}: ${first?.message ?? ''}`,
    },
    { path, details: { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })) } },
  );
}
