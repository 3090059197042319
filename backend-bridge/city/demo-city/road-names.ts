/**
 * Bilingual road names for the demo city: common Chinese street names with
 * their pinyin, in the forms a map needs (full, abbreviated, as a bridge).
 */

export interface RoadName {
  /** Full name, e.g. { zh: '中山路', en: 'Zhongshan Road' }. */
  full: { zh: string; en: string };
  /** English for tight spaces such as intersection names, e.g. 'Zhongshan Rd'. */
  shortEn: string;
  /** The road's river crossing, e.g. { zh: '中山大桥', en: 'Zhongshan Bridge' }. */
  bridge: { zh: string; en: string };
}

type Suffix = 'road' | 'avenue';

const SUFFIXES: Record<Suffix, { zh: string; en: string; shortEn: string }> = {
  road: { zh: '路', en: 'Road', shortEn: 'Rd' },
  avenue: { zh: '大道', en: 'Avenue', shortEn: 'Ave' },
};

/** [Chinese stem, pinyin stem, kind]; 大道 (avenues) are the widest roads. */
const STEMS: readonly (readonly [string, string, Suffix])[] = [
  ['中山', 'Zhongshan', 'road'],
  ['解放', 'Jiefang', 'road'],
  ['人民', 'Renmin', 'road'],
  ['建国', 'Jianguo', 'road'],
  ['延安', "Yan'an", 'road'],
  ['庆春', 'Qingchun', 'road'],
  ['凤起', 'Fengqi', 'road'],
  ['文一', 'Wenyi', 'road'],
  ['文三', 'Wensan', 'road'],
  ['天目山', 'Tianmushan', 'road'],
  ['莫干山', 'Moganshan', 'road'],
  ['湖墅', 'Hushu', 'road'],
  ['秋涛', 'Qiutao', 'road'],
  ['体育场', 'Tiyuchang', 'road'],
  ['教工', 'Jiaogong', 'road'],
  ['学院', 'Xueyuan', 'road'],
  ['古墩', 'Gudun', 'road'],
  ['丰潭', 'Fengtan', 'road'],
  ['紫金港', 'Zijingang', 'road'],
  ['石桥', 'Shiqiao', 'road'],
  ['新华', 'Xinhua', 'road'],
  ['和平', 'Heping', 'road'],
  ['光明', 'Guangming', 'road'],
  ['胜利', 'Shengli', 'road'],
  ['友谊', 'Youyi', 'road'],
  ['长江', 'Changjiang', 'road'],
  ['黄河', 'Huanghe', 'road'],
  ['南京', 'Nanjing', 'road'],
  ['北京', 'Beijing', 'road'],
  ['湖滨', 'Hubin', 'road'],
  ['望江', 'Wangjiang', 'road'],
  ['钱江', 'Qianjiang', 'road'],
  ['复兴', 'Fuxing', 'road'],
  ['振兴', 'Zhenxing', 'road'],
  ['青年', 'Qingnian', 'road'],
  ['工农', 'Gongnong', 'road'],
  ['朝阳', 'Chaoyang', 'road'],
  ['建设', 'Jianshe', 'road'],
  ['文化', 'Wenhua', 'road'],
  ['科技', 'Keji', 'road'],
  ['创业', 'Chuangye', 'road'],
  ['金沙', 'Jinsha', 'road'],
  ['银湖', 'Yinhu', 'road'],
  ['春晖', 'Chunhui', 'road'],
  ['秋实', 'Qiushi', 'road'],
  ['凤凰', 'Fenghuang', 'road'],
  ['梧桐', 'Wutong', 'road'],
  ['玉泉', 'Yuquan', 'road'],
  ['龙井', 'Longjing', 'road'],
  ['宝石', 'Baoshi', 'road'],
  ['东风', 'Dongfeng', 'road'],
  ['西溪', 'Xixi', 'road'],
  ['世纪', 'Shiji', 'avenue'],
  ['临江', 'Linjiang', 'avenue'],
  ['迎宾', 'Yingbin', 'avenue'],
  ['江城', 'Jiangcheng', 'avenue'],
];

/** Whether a name belongs to a wide avenue rather than an ordinary road. */
export const isAvenue = (name: RoadName) => name.full.zh.endsWith(SUFFIXES.avenue.zh);

/** Every available street name, in a fixed order (callers shuffle with their own PRNG). */
export const STREET_NAMES: readonly RoadName[] = STEMS.map(([zh, en, kind]) => {
  const suffix = SUFFIXES[kind];
  return {
    full: { zh: zh + suffix.zh, en: `${en} ${suffix.en}` },
    shortEn: `${en} ${suffix.shortEn}`,
    bridge: { zh: `${zh}大桥`, en: `${en} Bridge` },
  };
});

const ring = (zh: string, en: string): RoadName => ({
  full: { zh, en: `${en} Expressway` },
  shortEn: `${en} Expy`,
  // Ring roads cross the river on their own viaducts and keep their name there.
  bridge: { zh, en: `${en} Expressway` },
});

export const RING_NAMES = {
  inner: ring('内环高架', 'Inner Ring'),
  outer: ring('外环快速路', 'Outer Ring'),
} as const;
