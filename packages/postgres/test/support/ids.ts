// Deterministic mixed ids for the draw parity tests: USCC-like, CJK, astral, quotes, backslashes, NFC/NFD pairs,
// spaces, long ids (over 55 UTF-8 bytes: two SHA-256 blocks) and, when asked, the empty string.
export function mixedIds(count: number, options: { empty?: boolean } = {}): string[] {
  let state = 0x2545f491;
  const rand = (n: number): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % n;
  };
  const pieces = [
    '91330100',
    'MA2',
    '浙江',
    '杭州市',
    '某某公司',
    '😊',
    '𠀀',
    '𝔸',
    "O'Brien",
    '"q"',
    '\\',
    '\\x00',
    'é',
    'e\u0301',
    'Å',
    'A\u030a',
    ' ',
    '-',
    '\uFF01',
    '\uE000',
    'ß',
    'İ',
    '0',
    '9',
    'z',
  ];
  const out = new Set<string>(options.empty ? [''] : []);
  for (const fixed of ['é', 'e\u0301', 'Å', 'A\u030a', '\\', "'", '"', '😊', '\uFFFF', '\uD83D\uDE00x'])
    out.add(fixed);
  while (out.size < count) {
    const parts = 1 + rand(6);
    let id = '';
    for (let i = 0; i < parts; i++) id += pieces[rand(pieces.length)]!;
    if (rand(10) === 0) id += 'x'.repeat(40 + rand(40));
    id += String(rand(100_000));
    out.add(id);
  }
  return [...out];
}
