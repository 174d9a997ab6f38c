"""Independently recomputes the check characters of test/vectors/*.json (a second implementation, in Python,
so a bug in the TypeScript checksum code cannot hide behind vectors it generated itself).

Run from packages/core:  python3 scripts/verify-vectors.py
"""
import json
import sys

USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY'


def uscc_check(code):
    total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
    return USCC[(31 - total % 31) % 31]


def org_check(body):
    total = sum(int(c, 36) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    r = 11 - total % 11
    return 'X' if r == 10 else '0' if r == 11 else str(r)


def rid_check(body):
    return '10X98765432'[sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body[:17])) % 11]


def load(name):
    with open(f'test/vectors/{name}.json', encoding='utf-8') as f:
        return json.load(f)


failures = []
u = load('uscc')
for v in u['valid']:
    if uscc_check(v['value']) != v['value'][17]:
        failures.append(('uscc valid', v['value']))
for v in u['invalid']:
    if v['code'] == 'invalid_checksum' and uscc_check(v['value']) == v['value'][17]:
        failures.append(('uscc invalid', v['value']))
for v in u['allowListed']:
    if uscc_check(v['value']) == v['value'][17]:
        failures.append(('uscc allow-listed passes the check', v['value']))
o = load('org-code')
for v in o['valid']:
    code = v['value'].replace('-', '')
    if org_check(code[:8]) != code[8]:
        failures.append(('orgCode valid', v['value']))
r = load('resident-id')
for v in r['valid']:
    code = v['value'].upper()
    if rid_check(code) != code[17]:
        failures.append(('residentId valid', v['value']))
for v in r['invalid']:
    code = v['value']
    if v['code'] == 'invalid_checksum' and rid_check(code) == code[17]:
        failures.append(('residentId invalid', code))
    if v['code'] == 'invalid_component' and len(code) == 18 and code[:17].isdigit() and rid_check(code) != code[17]:
        failures.append(('residentId component vector should have a correct check', code))

if failures:
    print('\n'.join(f'{kind}: {value}' for kind, value in failures))
    sys.exit(1)
print('all vector checksums verified independently')
