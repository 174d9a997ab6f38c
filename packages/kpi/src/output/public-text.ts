import { EXPECTED } from '@jianguan/core';
import { badArgument } from '../errors/boundary.js';

/**
 * Text meant for a department (an indicator set's name on a scorecard, in the CLI), with the project's
 * research-note wording removed: the shipped baseline's name carries "（种子文件数值）" / "(numbers from the
 * seeds)", which means nothing to a department head. Every human-facing output uses this one function.
 *
 * @example
 * publicText('互联网+监管 基准考核指标（种子文件数值）'); // '互联网+监管 基准考核指标'
 * publicText('Internet+Regulation baseline (numbers from the seeds)'); // 'Internet+Regulation baseline'
 */
export function publicText(text: string): string {
  if (typeof text !== 'string') badArgument(['text'], EXPECTED.string, text);
  return text.replace(/（种子文件数值）/g, '').replace(/\s*\(numbers from the seeds\)/gi, '');
}
