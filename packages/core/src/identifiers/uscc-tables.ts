/**
 * GB 32100-2015 Table 1: 登记管理部门码 (position 1) and 机构类别码 (position 2), plus the allow-list of
 * really issued codes whose check character is wrong.
 *
 * Sources: GB 32100-2015 表1 《统一社会信用代码登记管理部门代码和机构类别代码》 (as listed in reference
 * data-standards §6.1, S15: pairs 11 12 13 19 | 21 29 | 31–35 39 | 41 49 | 51 52 53 59 | 61 62 69 | 71 72 79 |
 * 81 89 | 91 92 93 | A1 A9 | N1 N2 N3 N9 | Y1). 54/55 come from older lists and are marked as such.
 */

/** One registration authority (position 1) with its organisation types (position 2). */
export interface UsccAuthorityEntry {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly types: readonly {
    readonly code: string;
    readonly label: string;
    readonly labelEn: string;
    readonly note?: string;
  }[];
}

/** GB 32100-2015 Table 1. */
export const USCC_AUTHORITIES: readonly UsccAuthorityEntry[] = [
  {
    code: '1',
    label: '机构编制',
    labelEn: 'institutional establishment (编办)',
    types: [
      { code: '1', label: '机关', labelEn: 'government organ' },
      { code: '2', label: '事业单位', labelEn: 'public institution' },
      {
        code: '3',
        label: '中央编办直接管理机构编制的群众团体',
        labelEn: 'mass organisation under the central establishment office',
      },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '2',
    label: '外交',
    labelEn: 'foreign affairs',
    types: [
      { code: '1', label: '外国常驻新闻机构', labelEn: 'resident foreign news agency' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '3',
    label: '司法行政',
    labelEn: 'judicial administration',
    types: [
      { code: '1', label: '律师执业机构', labelEn: 'law firm' },
      { code: '2', label: '公证处', labelEn: 'notary office' },
      { code: '3', label: '基层法律服务所', labelEn: 'grassroots legal service office' },
      { code: '4', label: '司法鉴定机构', labelEn: 'forensic appraisal institution' },
      { code: '5', label: '仲裁委员会', labelEn: 'arbitration commission' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '4',
    label: '文化',
    labelEn: 'culture',
    types: [
      { code: '1', label: '外国在华文化中心', labelEn: 'foreign cultural centre in China' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '5',
    label: '民政',
    labelEn: 'civil affairs',
    types: [
      { code: '1', label: '社会团体', labelEn: 'social organisation' },
      { code: '2', label: '民办非企业单位', labelEn: 'private non-enterprise unit' },
      { code: '3', label: '基金会', labelEn: 'foundation' },
      { code: '4', label: '村民委员会', labelEn: "villagers' committee", note: 'older lists only' },
      { code: '5', label: '居民委员会', labelEn: "residents' committee", note: 'older lists only' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '6',
    label: '旅游',
    labelEn: 'tourism',
    types: [
      {
        code: '1',
        label: '外国旅游部门常驻代表机构',
        labelEn: 'representative office of a foreign tourism body',
      },
      {
        code: '2',
        label: '港澳台地区旅游部门常驻内地（大陆）代表机构',
        labelEn: 'representative office of a HK/Macao/Taiwan tourism body',
      },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '7',
    label: '宗教',
    labelEn: 'religious affairs',
    types: [
      { code: '1', label: '宗教活动场所', labelEn: 'place of religious activity' },
      { code: '2', label: '宗教院校', labelEn: 'religious college' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '8',
    label: '工会',
    labelEn: 'trade unions',
    types: [
      { code: '1', label: '基层工会', labelEn: 'grassroots trade union' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: '9',
    label: '工商',
    labelEn: 'industry and commerce (market regulation)',
    types: [
      { code: '1', label: '企业', labelEn: 'enterprise' },
      { code: '2', label: '个体工商户', labelEn: 'individual business' },
      { code: '3', label: '农民专业合作社', labelEn: "farmers' specialised cooperative" },
    ],
  },
  {
    code: 'A',
    label: '中央军委改革和编制办公室',
    labelEn: 'military (CMC reform and establishment office)',
    types: [
      { code: '1', label: '军队事业单位', labelEn: 'military public institution' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: 'N',
    label: '农业',
    labelEn: 'agriculture (rural collective economic organisations)',
    types: [
      { code: '1', label: '组级集体经济组织', labelEn: 'group-level collective economic organisation' },
      { code: '2', label: '村级集体经济组织', labelEn: 'village-level collective economic organisation' },
      { code: '3', label: '乡镇级集体经济组织', labelEn: 'township-level collective economic organisation' },
      { code: '9', label: '其他', labelEn: 'other' },
    ],
  },
  {
    code: 'Y',
    label: '其他',
    labelEn: 'other authorities',
    types: [{ code: '1', label: '其他', labelEn: 'other' }],
  },
];

/**
 * Really issued USCCs whose check character does not match: codes of the 2015 pilot period (mostly 福建/厦门,
 * `M000…` subject codes) that were issued before the GB 32100 check was enforced. Each has a public citation:
 *
 * | code | entity | computed check | source |
 * |---|---|---|---|
 * | `91350211M0000XUF46` | 厦门云上晴空航空科技有限公司 | R | CSDN ellasun_web/130267762 (reference data-standards §6.1, S15); GitHub bluesky335/IDCheck README |
 * | `91350203M0001QAY9B` | — (not named) | 9 | whitelisted by GitHub 02020/vite `learn/utils/validateSocialCreditCode.js` (S15) |
 * | `91350100M0001TGQXM` | 福建恒跃柳工机械销售有限公司 | 1 | GitHub bluesky335/IDCheck README (early pilot codes, “它们都是合法的代码”) |
 * | `91350203M0001FUE2P` | 厦门黑脉网络科技有限公司 | J | GitHub bluesky335/IDCheck README |
 * | `91350203M0001QKT19` | — (named on the linked registry pages) | F | hutool issue chinabugotech/hutool#4119 (2025-10-27, with 启信宝 and 爱企查 registry links; the maintainer: 厦门 codes registered before 2016 do not follow the standard) |
 *
 * Seen but not added: `91350211M00013FA1N` (used by hutool's CreditCodeUtilTest as an example of a pilot code,
 * entity not named — not verified as issued).
 */
export const KNOWN_CHECKSUM_EXCEPTIONS: readonly string[] = [
  '91350211M0000XUF46',
  '91350203M0001QAY9B',
  '91350100M0001TGQXM',
  '91350203M0001FUE2P',
  '91350203M0001QKT19',
];
