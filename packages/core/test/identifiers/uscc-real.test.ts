import { describe, expect, it } from 'vitest';
import { uscc } from '../../src/index.js';

/**
 * Real USCCs across provinces and issuing periods, each with where it was published. Citation strength differs
 * and is stated: a public registry or encyclopedia entry (GLEIF, zh.wikipedia infobox linking to 国家企业信用
 * 信息公示系统) is the strongest we could read; most others were collected by python-stdnum's authors “found
 * online” (tests/test_cn_uscc.doctest, GitHub arthurdejong/python-stdnum) or quoted in public repositories and
 * issue threads. No government announcement listing a USCC could be read with the tools available (2026-12-02).
 *
 * Periods: `pilot` = 2015 pilot-period code (M000… subject code, fails the GB 32100 check, allow-listed);
 * `MA` = subject code of the MA… series, issued since the USCC went national (2015-10); `legacy` = subject code
 * converted from the entity's pre-2015 GB 11714 organisation code.
 */
const REAL: readonly {
  code: string;
  entity: string;
  province: string;
  region: string;
  period: 'pilot' | 'MA' | 'legacy' | 'other';
  source: string;
}[] = [
  {
    code: '914403001922038216',
    entity: '华为技术有限公司',
    province: '广东省',
    region: '深圳市',
    period: 'legacy',
    source:
      'zh.wikipedia 華為 infobox 機構代碼 (link to 国家企业信用信息公示系统); reference data-standards §6.1',
  },
  {
    code: '91110000710925462X',
    entity: '中国石油天然气股份有限公司',
    province: '北京市',
    region: '北京市',
    period: 'legacy',
    source: 'GLEIF LEI 529900RPY4YG47TRSV05, registeredAs (reference data-standards §6.1)',
  },
  {
    code: '9144030071526726XG',
    entity: '腾讯科技（深圳）有限公司',
    province: '广东省',
    region: '深圳市',
    period: 'legacy',
    source: 'reference data-standards §6.1 (public code file A); its organisation-code check is X',
  },
  {
    code: '91330100799655058B',
    entity: '阿里巴巴（中国）有限公司',
    province: '浙江省',
    region: '杭州市',
    period: 'legacy',
    source: 'reference data-standards §6.1 (three public code files, one saying 公开可查)',
  },
  {
    code: '12440600MB2C07549J',
    entity: '事业单位 (type 12)',
    province: '广东省',
    region: '佛山市',
    period: 'other',
    source: 'GitHub issue xbeginagain/generator#2 (2021-03-11)',
  },
  {
    code: '121200004013590816',
    entity: '事业单位 (type 12)',
    province: '天津市',
    region: '天津市',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91120224064012553U',
    entity: '— (not named)',
    province: '天津市',
    region: '宝坻县',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online” (region part 120224 is a former code)',
  },
  {
    code: '91152201078371135X',
    entity: '— (not named)',
    province: '内蒙古自治区',
    region: '乌兰浩特市',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91310115MA1K3BTP2B',
    entity: '— (not named)',
    province: '上海市',
    region: '浦东新区',
    period: 'MA',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '913205056082348768',
    entity: '— (not named)',
    province: '江苏省',
    region: '虎丘区',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91340600MA2PBM9HXD',
    entity: '— (not named)',
    province: '安徽省',
    region: '淮北市',
    period: 'MA',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '92340603MA2PBMCG0U',
    entity: '个体工商户 (type 92)',
    province: '安徽省',
    region: '相山区',
    period: 'MA',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91371082775260043P',
    entity: '— (not named)',
    province: '山东省',
    region: '荣成市',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '914112810713741814',
    entity: '— (not named)',
    province: '河南省',
    region: '义马市',
    period: 'legacy',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91620105L015101280',
    entity: '— (not named)',
    province: '甘肃省',
    region: '安宁区',
    period: 'other',
    source: 'python-stdnum tests/test_cn_uscc.doctest, “found online”',
  },
  {
    code: '91350211M0000XUF46',
    entity: '厦门云上晴空航空科技有限公司',
    province: '福建省',
    region: '集美区',
    period: 'pilot',
    source: 'CSDN ellasun_web/130267762; GitHub bluesky335/IDCheck README',
  },
  {
    code: '91350100M0001TGQXM',
    entity: '福建恒跃柳工机械销售有限公司',
    province: '福建省',
    region: '福州市',
    period: 'pilot',
    source: 'GitHub bluesky335/IDCheck README',
  },
  {
    code: '91350203M0001FUE2P',
    entity: '厦门黑脉网络科技有限公司',
    province: '福建省',
    region: '思明区',
    period: 'pilot',
    source: 'GitHub bluesky335/IDCheck README',
  },
  {
    code: '91350203M0001QKT19',
    entity: '— (named on the registry pages linked there)',
    province: '福建省',
    region: '思明区',
    period: 'pilot',
    source: 'GitHub issue chinabugotech/hutool#4119 (2025-10-27)',
  },
];

describe('real USCCs across provinces and periods', () => {
  it('cover at least eight provinces and every period', () => {
    expect(new Set(REAL.map((r) => r.province)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(REAL.map((r) => r.period))).toEqual(new Set(['pilot', 'MA', 'legacy', 'other']));
    for (const r of REAL) expect(r.source, r.code).toMatch(/\S/);
  });

  it.each(REAL)('$code ($entity, $province $region, $period) is accepted with its region', (r) => {
    const result = uscc.check(r.code);
    expect(result.valid).toBe(true);
    const warnings = result.warnings.map((w) => w.code);
    expect(warnings).not.toContain('unknown_region');
    expect(warnings).toEqual(r.period === 'pilot' ? ['checksum_allow_listed'] : []);
    const d = uscc.decode(r.code);
    expect(d.region?.province?.name).toBe(r.province);
    expect(d.region?.name).toBe(r.region);
    expect(d.checksumValid).toBe(r.period !== 'pilot');
    if (r.period === 'MA') expect(d.orgCode.startsWith('MA')).toBe(true);
    if (r.period === 'pilot') expect(d.orgCode.startsWith('M000')).toBe(true);
    if (r.period === 'legacy') expect(d.orgCodeValid).toBe(true);
  });
});
