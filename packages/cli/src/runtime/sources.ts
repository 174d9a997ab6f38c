import { publicCitation, type SourceStatus } from '@jianguan/core';
import { type CliStream, writeLine } from './io.js';

/**
 * A rule's source note as the two lines a person reads (来源): the public document it comes from, Chinese then
 * English, never the research reference the rule data keeps (JSON output keeps that). A checklist's note
 * (`checklist <id> <version> (<source>)`) names the checklist and cites its source.
 */
export function sourceLines(
  source: string,
  status?: SourceStatus,
): { readonly zh: string; readonly en: string } {
  const checklist = /^checklist (\S+) (\S+) \((.*)\)$/s.exec(source);
  if (checklist) {
    const [, id, version, inner] = checklist as unknown as [string, string, string, string];
    const c = inner.trim() === '' ? undefined : publicCitation(inner, status);
    return {
      zh: `来源：检查表 ${id} ${version}${c ? `「${c.zh}」` : ''}`,
      en: `source: checklist ${id} ${version}${c ? ` 「${c.en}」` : ''}`,
    };
  }
  if (source.trim() === '') return { zh: '来源：（未注明）', en: 'source: (none given)' };
  const c = publicCitation(source, status);
  return { zh: `来源：「${c.zh}」`, en: `source: 「${c.en}」` };
}

/** Writes {@link sourceLines} with an indent. */
export function writeSource(out: CliStream, indent: string, source: string, status?: SourceStatus): void {
  const { zh, en } = sourceLines(source, status);
  writeLine(out, `${indent}${zh}`);
  writeLine(out, `${indent}${en}`);
}
