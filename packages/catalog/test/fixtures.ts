import type { CatalogEntry } from '../src/index.js';

/** A complete catalog item (all mandatory elements). Elements paraphrase typical published rows. */
export const item = (over: Partial<CatalogEntry> = {}): CatalogEntry => ({
  itemCode: '31000000100000',
  supervisionDept: '市场监督管理局',
  supervisionDeptCode: '31',
  mainItemName: '对食品经营者的监督检查',
  subItemName: '对食品经营者的监督检查',
  supervisionMode: '双随机一公开',
  supervisionMeasure: '现场检查',
  supervisedObject: '食品经营者',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
  process: '制定检查计划，实施现场检查，记录检查结果',
  resultHandling: '检查结果依法公示；发现违法行为依法处理',
  supervisionLevels: ['3', '4'],
  status: '01',
  ...over,
});

export const meta = {
  id: 'demo-province',
  version: '2025.1',
  level: 'provincial',
  publisher: '某省市场监督管理局',
  publishedDate: '2025-01-15',
  source: 'test fixture',
} as const;

/** The error `f` throws (fails the test when it returns). */
export function thrownBy(f: () => unknown): Error & { code?: string; path?: readonly (string | number)[] } {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

let gbkTable: Map<string, number[]> | undefined;
/** Encodes text as GBK/GB 18030 two-byte sequences (what Excel's “CSV” writes on Chinese Windows). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
