import { screenPosting, type ScreeningCategory } from './screening';

const found = (text: string): Array<[ScreeningCategory, string]> => screenPosting(text).map((s) => [s.category, s.text]);

describe('screening postings for terms a public fair may not publish', () => {
  it.each<[string, Array<[ScreeningCategory, string]>]>([
    ['招聘电工5名，限男性，持低压电工证。', [['gender', '限男性']]],
    ['前台文员，仅限女性，形象好。', [['gender', '仅限女性']]],
    ['仓库管理员，男性优先。', [['gender', '男性优先']]],
    ['收银员 女士优先', [['gender', '女士优先']]],
    ['搬运工，不招女工', [['gender', '不招女工']]],
    ['性别：男；学历：高中', [['gender', '性别：男']]],
    ['保洁，只招汉族', [['ethnicity', '只招汉族']]],
    ['汉族优先，少数民族勿扰', [['ethnicity', '汉族优先'], ['ethnicity', '少数民族勿扰']]],
    ['民族：汉族', [['ethnicity', '民族：汉族']]],
    ['要求无宗教信仰', [['religion', '无宗教信仰']]],
    ['数控车床操作工，35岁以下', [['age', '35岁以下']]],
    ['年龄不超过40岁', [['age', '年龄不超过40岁']]],
    ['年龄：18-35周岁', [['age', '年龄：18-35周岁']]],
    ['年龄45周岁以内', [['age', '年龄45周岁以内']]],
    ['40岁以上勿扰', [['age', '40岁以上勿扰']]],
    ['限90后', [['age', '90后']]],
    ['要求已婚已育', [['marriage_childbirth', '已婚已育']]],
    ['未婚者优先', [['marriage_childbirth', '未婚']]],
    ['入职后三年内不得生育', [['marriage_childbirth', '三年内不得生育']]],
    ['入职体检含孕检', [['marriage_childbirth', '孕检']]],
    ['限本地户口', [['household_registration', '限本地户口']]],
    ['本市户籍优先', [['household_registration', '本市户籍优先']]],
    ['农村户口勿扰', [['household_registration', '农村户口勿扰']]],
    ['外地人勿扰', [['household_registration', '外地人勿扰']]],
    ['乙肝携带者勿扰', [['health', '乙肝携带者勿扰']]],
    ['入职查两对半', [['health', '两对半']]],
    ['残疾人勿扰', [['disability', '残疾人勿扰']]],
  ])('highlights %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('finds several categories in one posting, in reading order, with offsets', () => {
    const text = '招聘普工若干，限男性，年龄18-45岁，已婚已育优先，本地户口。';
    const spans = screenPosting(text);
    expect(spans.map((s) => s.category)).toEqual(['gender', 'age', 'marriage_childbirth', 'household_registration']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0]).toEqual({ start: 7, end: 10, category: 'gender', text: '限男性' });
  });

  it.each([
    ['the legal minimum working age', '年龄18周岁以上，身体健康'],
    ['a minimum age', '年满16周岁'],
    ['an age above a minimum', '20岁以上，能吃苦耐劳'],
    ['sex not limited', '性别不限，男女不限'],
    ['sex stated as open', '性别：男女均可'],
    ['clothing for men', '男装店导购，负责陈列'],
    ['ethnicity not limited', '民族不限，各民族员工和睦相处'],
    ['marriage not limited', '婚否不限'],
    ['staff housing', '提供单身宿舍'],
    ['years of experience', '3年以上工作经验，35人以下团队'],
    ['a time of day', '18:00后可下班'],
    ['a three-digit number before 岁', '编号118-35岁段不存在'],
    ['help with registering residence', '公司可协助办理落户'],
    ['preferring disabled people', '残疾人优先'],
    ['a plain job', '数控车床操作工，持证上岗，月薪7000-9000元，五险一金'],
  ])('leaves alone %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
