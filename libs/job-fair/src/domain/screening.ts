/**
 * Terms a posting at a public fair may not publish, highlighted for the organizer's reviewer. The
 * reviewer decides; these spans only point at what to read. Encoded rules:
 *
 * - 《就业促进法》 art. 3: workers are not discriminated against for ethnicity, race, sex or religious
 *   belief; art. 26: employers offer equal opportunity and fair conditions and do not discriminate;
 *   art. 62 lets a worker sue for it.
 * - art. 27: no refusing women or raising the bar for them on grounds of sex, except for work the
 *   State lists as unsuitable for women (《女职工劳动保护特别规定》 annex; the reviewer judges that
 *   exception, so sex limits are always highlighted); no contract terms limiting marriage or
 *   childbirth. 人社部发〔2019〕17号 spells out for postings: no sex limit or sex preference, no asking
 *   about marriage and children, no pregnancy test, no limit on childbirth as a hiring condition.
 * - art. 28: workers of every ethnicity have equal rights to work.
 * - art. 29: no discrimination against disabled people (preferring them is lawful and not flagged).
 * - art. 30: no refusing someone for carrying an infectious pathogen; hepatitis B markers may not be
 *   tested or required on hiring (卫生部等 卫发〔2010〕12号).
 * - art. 31: rural workers in towns have the same rights as town workers; no discriminatory limits.
 *   A household-registration limit is lawful for a few posts (e.g. public-welfare posts reserved for
 *   locally registered unemployed people), so it is highlighted for the reviewer, not refused.
 * - Age: the law names no age, but 《就业服务与就业管理规定》 art. 20 bars discriminatory content in
 *   postings and public fairs do not publish age caps. Only an upper limit is highlighted: a minimum
 *   (年满16周岁, 18周岁以上) restates the legal working age (《劳动法》 art. 15) and is left alone.
 */

export type ScreeningCategory =
  | 'gender'
  | 'ethnicity'
  | 'religion'
  | 'age'
  | 'marriage_childbirth'
  | 'household_registration'
  | 'health'
  | 'disability';

export interface ScreeningSpan {
  /** UTF-16 offsets into the text, end exclusive (String.prototype.slice). */
  readonly start: number;
  readonly end: number;
  readonly category: ScreeningCategory;
  readonly text: string;
}

const ETHNIC_NAMES = [
  '维吾尔', '柯尔克孜', '乌孜别克', '鄂伦春', '鄂温克', '达斡尔', '塔吉克', '塔塔尔', '俄罗斯', '哈萨克',
  '土家', '哈尼', '傈僳', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布依', '布朗', '撒拉', '毛南', '仡佬',
  '锡伯', '阿昌', '普米', '裕固', '独龙', '赫哲', '门巴', '珞巴', '基诺', '德昂', '保安', '高山', '朝鲜',
  '蒙古', '汉', '回', '藏', '维', '蒙', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲',
  '水', '土', '羌', '怒', '京',
].join('|');
const ETHNIC = `(?:少数民族|(?:${ETHNIC_NAMES})族)`;
const LIMIT = '(?:仅限|只限|限于|限|只招|仅招|只要|要求|须为|必须是|需为)';
const EXCLUDE_BEFORE = '(?:不招|不要|不收|不录用|谢绝|拒收|拒绝)';
const EXCLUDE_AFTER = '(?:勿扰|免谈|除外|不要|不考虑|谢绝)';
const SEX = '(?:男|女)(?:性|士|生|工)?';
const RELIGION = '(?:佛教|基督教|天主教|伊斯兰教|道教)(?:信?徒|信众)?';
const HOUSEHOLD = '(?:本地|本市|本省|本区|本县|城镇|城市|非农业?|农村|农业|外地|外省|外市)';

const RULES: ReadonlyArray<readonly [ScreeningCategory, RegExp]> = [
  // 限男性, 仅限女性, 只招男工, 男性优先, 女士优先, 不招女, 女性勿扰, 性别：男
  ['gender', new RegExp(`${LIMIT}\\s*${SEX}`, 'g')],
  ['gender', new RegExp(`${SEX}\\s*(?:者|士)?优先`, 'g')],
  ['gender', new RegExp(`${EXCLUDE_BEFORE}\\s*${SEX}`, 'g')],
  ['gender', new RegExp(`(?<!男)${SEX}\\s*${EXCLUDE_AFTER}`, 'g')],
  ['gender', /性别\s*[:：]?\s*[男女](?![男女]?\s*(?:不限|均可|皆可))/g],
  // 限汉族, 汉族优先, 少数民族除外, 民族：汉族
  ['ethnicity', new RegExp(`${LIMIT}\\s*${ETHNIC}`, 'g')],
  ['ethnicity', new RegExp(`${ETHNIC}\\s*(?:者)?优先`, 'g')],
  ['ethnicity', new RegExp(`${EXCLUDE_BEFORE}\\s*${ETHNIC}`, 'g')],
  ['ethnicity', new RegExp(`${ETHNIC}\\s*${EXCLUDE_AFTER}`, 'g')],
  ['ethnicity', new RegExp(`民族\\s*[:：]\\s*${ETHNIC}`, 'g')],
  // 无宗教信仰, 佛教徒优先, 限基督徒
  ['religion', /无宗教信仰|不信(?:仰)?宗?教/g],
  ['religion', new RegExp(`${LIMIT}\\s*${RELIGION}|${RELIGION}\\s*(?:优先|${EXCLUDE_AFTER})|${EXCLUDE_BEFORE}\\s*${RELIGION}`, 'g')],
  // 35岁以下, 年龄不超过40岁, 18-35周岁, 35岁以上勿扰, 限90后
  ['age', /(?:年龄\s*[:：]?\s*)?(?:限|在)?\s*(?<!\d)[1-9]\d\s*(?:周)?岁\s*(?:以下|以内|之内|之下|及以下)/g],
  ['age', /(?:年龄\s*[:：]?\s*)?(?:在)?\s*(?<!\d)[1-9]\d\s*(?:周?岁)?\s*[-－—~～至到]\s*[1-9]\d\s*(?:周)?岁/g],
  ['age', /年龄\s*(?:不超过|不得超过|不大于|不高于|低于|小于)\s*[1-9]\d\s*(?:周)?岁?/g],
  ['age', /(?<!\d)[1-9]\d\s*(?:周)?岁\s*(?:以上|及以上)\s*(?:勿扰|免谈|不要|谢绝|不考虑)/g],
  ['age', /(?<![\d:：])(?:[5-9][05]|0[05])后/g],
  // 已婚已育, 未婚, 3年内不得生育, 无生育计划, 孕检
  ['marriage_childbirth', /(?:已婚|未婚)(?:已育|未育)?(?!\s*(?:职工享受|不限))|(?:已育|未育|离异)(?!\s*不限)|单身(?!公寓|宿舍)/g],
  ['marriage_childbirth', /(?:\d+|[一二三四五])年内(?:不得|不能|不|暂不)(?:结婚|生育|怀孕|生孩子|要孩子)|无(?:婚育|生育)计划|(?:不得|不能)怀孕|孕检|妊娠(?:检测|测试)/g],
  // 限本地户口, 本市户籍优先, 农村户口勿扰, 外地人勿扰, 限河南籍
  ['household_registration', new RegExp(`(?:${LIMIT}\\s*)?${HOUSEHOLD}(?:户口|户籍)(?!\\s*不限)(?:\\s*(?:者)?优先|\\s*${EXCLUDE_AFTER})?`, 'g')],
  ['household_registration', new RegExp(`${HOUSEHOLD}人\\s*(?:优先|${EXCLUDE_AFTER})`, 'g')],
  ['household_registration', new RegExp(`(?:${LIMIT}|${EXCLUDE_BEFORE})\\s*[\\u4e00-\\u9fa5]{2,3}籍(?!贯不限)`, 'g')],
  // 乙肝携带者勿扰, 乙肝两对半, 大三阳
  ['health', /无?乙肝(?:病毒|表面抗原)?(?:携带者?)?(?:\s*(?:勿扰|免谈|除外|不要))?|大三阳|小三阳|两对半|(?:传染病|病原)?携带者\s*(?:勿扰|免谈|除外|不要)/g],
  // 残疾人勿扰, 不招残疾人
  ['disability', new RegExp(`${EXCLUDE_BEFORE}\\s*(?:残疾|残障)人?士?|(?:残疾|残障)人?士?\\s*${EXCLUDE_AFTER}`, 'g')],
];

/** Highlighted spans in reading order; overlapping spans of one category are merged. */
export function screenPosting(text: string): ScreeningSpan[] {
  const raw: Array<{ start: number; end: number; category: ScreeningCategory }> = [];
  for (const [category, pattern] of RULES) {
    for (const m of text.matchAll(pattern)) {
      // Leading spaces a pattern allows are not part of the term.
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index! + lead;
      const end = m.index! + m[0].trimEnd().length;
      if (end > start) raw.push({ start, end, category });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof raw = [];
  for (const span of raw) {
    const same = merged.findLast((s) => s.category === span.category);
    if (same && span.start <= same.end) same.end = Math.max(same.end, span.end);
    else merged.push({ ...span });
  }
  return merged
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}
