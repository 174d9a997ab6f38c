/**
 * A labelled set for the legal-basis matcher (法定依据同源), built from rows of real published lists. Every row
 * quotes its name and basis as published (whitespace and the quoted article text trimmed where the list quotes
 * the article) and names its source; the label (which upper-level row is the same regulatory matter, or none)
 * is a human judgement made before the matcher was run on it, stated per row with the reason.
 *
 * Limits, stated plainly: the search tool returns only the opening part of each page, so each list contributes
 * its first rows; the set is small (12 local rows, 14 upper rows) and mixes lists of several provinces in one
 * upper pool. Precision and recall on it are indicative, not a measurement of any province's catalog.
 * Item codes are placeholders (the published lists carry none): `U…`/`L…` ids map to fake 14-digit codes.
 * Checked 2026-12-02.
 */

export interface LabelledSource {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly date: string;
  readonly level: 'provincial' | 'city' | 'county';
  readonly url: string;
  /** When the URL is a third-party copy of the government document, say so. */
  readonly note?: string;
}

export interface LabelledRow {
  readonly id: string;
  readonly source: string;
  readonly name: string;
  readonly legalBasis: string;
}

export interface LabelledLocalRow extends LabelledRow {
  /** The id of the upper row that is the same matter, or `null` when the pool holds none. */
  readonly truth: string | null;
  readonly why: string;
}

export const SOURCES: readonly LabelledSource[] = [
  {
    id: 'cq-2023',
    publisher: '重庆市市场监督管理局',
    title: '“双随机、一公开”抽查事项清单（第二版）',
    date: '2023-01-31',
    level: 'provincial',
    url: 'http://www.cqxs.gov.cn/bm/scjgj/zwgk_77940/zfxxgkml_178039/spypjglyzwgk_241574/jdjc_241581/jcyj_241582/202302/t20230223_11643500.html',
    note: 'republished by 秀山县市场监管局',
  },
  {
    id: 'rc-2021',
    publisher: '重庆市荣昌区市场监督管理局',
    title: '“双随机、一公开”抽查事项清单（第一版）',
    date: '2021-08-06',
    level: 'county',
    url: 'http://scjgj.cq.gov.cn/zz/rcq/zwgk/fdzdgknr_146781/jdjc_146793/spyp/jczdbz/202112/t20211208_10104292.html',
  },
  {
    id: 'sc-2014',
    publisher: '四川省食品药品监督管理局',
    title: '四川省食品安全日常监督检查工作指南',
    date: '2014-12-01',
    level: 'provincial',
    url: 'https://shijieshipin.com/news/show-22189.html',
    note: 'third-party copy of the provincial notice',
  },
  {
    id: 'ly-2025',
    publisher: '龙岩市应急管理局',
    title: '2025年度行政检查计划',
    date: '2025-04-09',
    level: 'city',
    url: 'https://yjj.longyan.gov.cn/xwzx/tzgg/202504/t20250409_2210484.htm',
  },
  {
    id: 'xg-2024',
    publisher: '孝感市生态环境局',
    title: '孝感市生态环境局随机抽查事项清单（2024年）',
    date: '2024',
    level: 'city',
    url: 'https://www.800964.com/cxssjygk/304426.html',
    note: 'third-party copy',
  },
  {
    id: 'lyang-2023',
    publisher: '莱阳市工业和信息化局',
    title: '2023年度“双随机、一公开”抽查事项清单',
    date: '2023-07-25',
    level: 'county',
    url: 'https://www.laiyang.gov.cn/art/2023/7/25/art_44435_2962796.html',
  },
  {
    id: 'lz-2021',
    publisher: '罗庄区工业和信息化局',
    title: '2021年度部门联合“双随机、一公开”监管抽查事项清单',
    date: '2021-11-18',
    level: 'county',
    url: 'http://www.luozhuang.gov.cn/info/2349/46663.htm',
  },
  {
    id: 'lmt',
    publisher: '泸州市龙马潭区市场监督管理局',
    title: '区市场监管局分类行政检查事项目录',
    date: 'undated',
    level: 'county',
    url: 'https://longmatan.gov.cn/zw/fdzdgknr/zdmsxx/cpzljd/content_78693',
  },
  {
    id: 'wd-2024',
    publisher: '望都县烟草专卖局',
    title: '随机抽查事项清单',
    date: '2024-02-04',
    level: 'county',
    url: 'https://www.wangdu.gov.cn/col/1707019266543/2024/02/04/1707028376992.html',
  },
  {
    id: 'qz-2020',
    publisher: '泉州台商投资区管理委员会市场监督管理局',
    title: '市场监管“双随机”综合抽查事项清单',
    date: '2020-05-21',
    level: 'county',
    url: 'http://qzts.gov.cn/zwgk/zdxxgk/ssjygk/202012/t20201203_2470135.htm',
  },
  {
    id: 'cy-2021',
    publisher: '北京市朝阳区生态环境局',
    title: '2021年朝阳区生态环境局执法检查计划',
    date: '2021-03-24',
    level: 'county',
    url: 'http://www.bjchy.gov.cn/ztzl/chyzfgs/xzjcjg/8a24fe8378611a430178620caaee00db.html',
  },
];

/** The upper-level pool the matcher ranks (provincial, city and some county rows standing in for them). */
export const UPPER: readonly LabelledRow[] = [
  {
    id: 'U01',
    source: 'cq-2023',
    name: '营业执照（登记证）规范使用情况的检查',
    legalBasis:
      '《市场主体登记管理条例》第二十五条、第三十六条、第三十七条、第三十八条、第四十八条\n《外商投资合伙企业登记管理规定》第五十七条、第五十八条\n《个人独资企业法》第三十五条\n《外国企业常驻代表机构登记管理条例》第十八条、第十九条、第三十六条第三款、第三十八条\n《电子商务法》第十五条',
  },
  {
    id: 'U02',
    source: 'sc-2014',
    name: '食品安全日常监督检查',
    legalBasis: '《中华人民共和国食品安全法》第七十六条、第七十七条、第七十八条、第七十九条。',
  },
  {
    id: 'U03',
    source: 'ly-2025',
    name: '工贸企业安全生产监督检查',
    legalBasis: '【法律】《中华人民共和国安全生产法》第六十二条第二款',
  },
  {
    id: 'U04',
    source: 'ly-2025',
    name: '重点非煤矿山执法检查',
    legalBasis: '【法律】《中华人民共和国矿山安全法》第三十四条',
  },
  {
    id: 'U05',
    source: 'ly-2025',
    name: '危化、化工、医药和烟花爆竹行业企业的监督检查',
    legalBasis: '【法律】《中华人民共和国安全生产法》第六十二条第二款',
  },
  {
    id: 'U06',
    source: 'xg-2024',
    name: '对危险废物经营单位的监督检查',
    legalBasis:
      '《中华人民共和国固体废物污染环境防治法》第十三、五十二、五十三、五十五、五十七、五十八、五十九、六十二、六十四条;《危险废物经营许可证管理办法》第五、十八、二十、二十一条。',
  },
  {
    id: 'U07',
    source: 'xg-2024',
    name: '建设项目环境影响评价文件质量抽查',
    legalBasis: '《中华人民共和国环境影响评价法》第二十条。',
  },
  {
    id: 'U08',
    source: 'xg-2024',
    name: '污染源日常环境监管随机抽查',
    legalBasis: '《中华人民共和国环境保护法》《湖北省生态环境监管“双随机、一公开”实施方案》',
  },
  {
    id: 'U09',
    source: 'lyang-2023',
    name: '民用爆炸物品销售的安全生产监督管理',
    legalBasis:
      '1. 【行政法规】《民用爆炸物品安全管理条例》(2006年5月国务院令第466号,2014年7月修正)第四条 2. 【省政府规章】《山东省安全生产行政责任制规定》(2015年11月省政府令第293号)第十条',
  },
  {
    id: 'U10',
    source: 'lz-2021',
    name: '食盐专营工作检查',
    legalBasis: '《食盐专营办法》第四条,第二十三条。',
  },
  {
    id: 'U11',
    source: 'lmt',
    name: '对检验检测机构的监督检查',
    legalBasis: '《检验检测机构监督管理办法》 第二十条第一项',
  },
  {
    id: 'U12',
    source: 'lmt',
    name: '对食品生产经营者停止生产经营、召回和处置不安全食品情况的现场监督检查',
    legalBasis: '《食品召回管理办法》 第三十一条',
  },
  {
    id: 'U13',
    source: 'wd-2024',
    name: '卷烟抽查',
    legalBasis: '《中华人民共和国烟草专卖法实施条例》第二十九条。',
  },
  {
    id: 'U14',
    source: 'wd-2024',
    name: '无证经营、违法违规经营卷烟',
    legalBasis: '《中华人民共和国烟草专卖法》第十九条、第三十二条。',
  },
];

/** Local rows with their labels. */
export const LOCAL: readonly LabelledLocalRow[] = [
  {
    id: 'L01',
    source: 'rc-2021',
    name: '营业执照（登记证）规范使用情况的检查',
    legalBasis:
      '《企业法人登记管理条例》第二十九条第一款\n《公司登记管理条例》第七十一条、第七十二条\n《合伙企业登记管理办法》第四十三条、第四十四条\n《外商投资合伙企业登记管理规定》第五十七条、第五十八条\n《个人独资企业法》第三十五条\n《个人独资企业登记管理办法》第四十条、第四十一条、第四十二条、第四十三条\n《个体工商户条例》第二十二条\n《农民专业合作社登记管理条例》第二十七条\n《外国企业常驻代表机构登记管理条例》第十八条、第十九条、第三十六条第三款、第三十八条\n《电子商务法》第十五条',
    truth: 'U01',
    why: 'the same item of the same municipality, first (2021) and second (2023) edition; the 2023 basis replaced the registration regulations by 市场主体登记管理条例',
  },
  {
    id: 'L02',
    source: 'rc-2021',
    name: '名称规范使用情况的检查',
    legalBasis:
      '《企业名称登记管理规定》第二十六条、二十七条\n《个体工商户条例》第二十三条第一款\n《农民专业合作社登记管理条例》第二十七条',
    truth: null,
    why: 'its 2023 counterpart lies beyond the part of the 2023 list that could be read; not 营业执照 use',
  },
  {
    id: 'L03',
    source: 'lmt',
    name: '对食品安全进行监督检查',
    legalBasis: '《中华人民共和国食品安全法》 第一百一十条第一项',
    truth: 'U02',
    why: 'food-safety supervision inspection; the 2015 revision renumbered the articles (76–79 → 110), so only the law is shared',
  },
  {
    id: 'L04',
    source: 'lmt',
    name: '对市场主体登记事项的监督检查',
    legalBasis: '《中华人民共和国市场主体登记管理条例》 第三十八条',
    truth: null,
    why: 'registration matters in general, not the use of the business licence (U01 cites the same article among five)',
  },
  {
    id: 'L05',
    source: 'lmt',
    name: '对网络交易行为的监督检查',
    legalBasis:
      '《网络交易管理办法》 第三十五条第一款第一项；《网络购买商品七日无理由退货暂行办法》 第二十六条',
    truth: null,
    why: 'no online-trade row in the pool',
  },
  {
    id: 'L06',
    source: 'qz-2020',
    name: '食品生产监督检查',
    legalBasis: '《食品安全法》、《食品生产经营日常监督检查管理办法》',
    truth: 'U02',
    why: 'routine supervision inspection of food producers (日常监督检查), law-level basis with the short law name',
  },
  {
    id: 'L07',
    source: 'qz-2020',
    name: '流通领域商品质量检查',
    legalBasis: '《产品质量法》、《流通领域商品质量监督管理办法》',
    truth: null,
    why: 'no product-quality row in the pool',
  },
  {
    id: 'L08',
    source: 'qz-2020',
    name: '商标违法行为检查',
    legalBasis: '《商标法》、《商标法实施条例》',
    truth: null,
    why: 'no trademark row in the pool',
  },
  {
    id: 'L09',
    source: 'cy-2021',
    name: '排污单位污染物排放情况抽查',
    legalBasis: '生态环境保护法律、法规',
    truth: 'U08',
    why: 'routine spot checks of polluters (U08 covers 污染物排放情况); no citable basis on the local side',
  },
  {
    id: 'L10',
    source: 'wd-2024',
    name: '零售市场秩序日常检查',
    legalBasis: '《烟草专卖许可证管理办法》第三十七条。',
    truth: null,
    why: 'retail licence use; no such row in the pool (U13/U14 are other tobacco matters)',
  },
  {
    id: 'L11',
    source: 'ly-2025',
    name: '危化、化工、医药和烟花爆竹行业企业的监督检查',
    legalBasis: '【法律】《中华人民共和国安全生产法》第六十二条第二款',
    truth: 'U05',
    why: 'control row: the same published row; U03 cites the identical basis, so only the name separates them',
  },
  {
    id: 'L12',
    source: 'xg-2024',
    name: '对危险废物经营单位的监督检查',
    legalBasis: '《固废法》第13条、第52条至第53条；危险废物经营许可证管理办法第5条',
    truth: 'U06',
    why: 'derived row: U06 re-spelled as a local system might (abbreviation, Arabic numerals, a range, no 《》) — tests normalisation, not a published spelling',
  },
];
