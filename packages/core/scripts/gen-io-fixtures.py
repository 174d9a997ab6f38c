"""Writes the CSV fixtures of test/io/ (run from packages/core: python3 scripts/gen-io-fixtures.py).

Python's 'gbk' codec produces the bytes Excel writes for "CSV" on Chinese Windows (code page 936).
"""
TEXT = ('行为名称,统一社会信用代码,检查结果,备注\r\n'
        '日常检查（食品）,91330100799655058B,01,"含逗号，和""引号"""\r\n'
        '专项检查,９１３３０１００７９９６５５０５８Ｂ,02,"跨行\r\n备注"\r\n'
        '\r\n'
        '抽查,9144030071526726XG,未发现问题,\r\n')

with open('test/io/fixtures/behaviours-gbk.csv', 'wb') as f:
    f.write(TEXT.encode('gbk'))
with open('test/io/fixtures/behaviours-utf8-bom.csv', 'wb') as f:
    f.write(b'\xef\xbb\xbf' + TEXT.encode('utf-8'))
