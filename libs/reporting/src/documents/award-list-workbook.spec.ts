import ExcelJS from 'exceljs';
import { awardListWorkbook, type AwardListData } from '.';

const list: AwardListData = {
  eventName: '2026年杭州市职工职业技能大赛',
  itemName: null,
  rows: [
    {
      itemName: '焊工',
      place: 1,
      awardName: '一等奖',
      level: 1,
      title: '技术能手',
      name: '王小明',
      organisation: '杭州钢铁集团工会',
      prizeMoney: '5000.00',
      paymentStatus: 'pending',
      serial: 'ZS2026-000123',
      verifyCode: '3kT9qZ0bX1yW2vU4sR6pQa',
      verifyUrl: 'https://awards.example.cn/api/v1/verify/3kT9qZ0bX1yW2vU4sR6pQa',
      status: 'active',
      // Half past midnight in Beijing is still the day before in UTC.
      grantedAt: new Date('2026-04-30T16:30:00.000Z'),
    },
    {
      itemName: '焊工',
      place: 2,
      awardName: '二等奖',
      level: 2,
      title: null,
      name: '李娜',
      organisation: '浙江运河物流工会',
      prizeMoney: null,
      paymentStatus: 'none',
      serial: 'ZS2026-000124',
      verifyCode: 'aaaaaaaaaaaaaaaaaaaaaa',
      verifyUrl: 'https://awards.example.cn/api/v1/verify/aaaaaaaaaaaaaaaaaaaaaa',
      status: 'revoked',
      grantedAt: '2026-05-01T02:05:00.000Z',
    },
  ],
};

describe('award list workbook', () => {
  it('lists who won what with place, prize money, serial and verification code, times in Beijing time', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await awardListWorkbook(list)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['获奖名单']);
    const sheet = workbook.getWorksheet('获奖名单')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '项目',
      '名次',
      '奖项',
      '等级',
      '称号',
      '姓名',
      '单位',
      '奖金（元）',
      '奖金状态',
      '证书编号',
      '验证码',
      '验证网址',
      '状态',
      '授予时间（北京时间）',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '焊工',
      1,
      '一等奖',
      1,
      '技术能手',
      '王小明',
      '杭州钢铁集团工会',
      '5000.00',
      '待发放',
      'ZS2026-000123',
      '3kT9qZ0bX1yW2vU4sR6pQa',
      'https://awards.example.cn/api/v1/verify/3kT9qZ0bX1yW2vU4sR6pQa',
      '有效',
      '2026-05-01 00:30',
    ]);
    expect([sheet.getCell('I3').value, sheet.getCell('M3').value, sheet.getCell('N3').value]).toEqual(['无奖金', '已撤销', '2026-05-01 10:05']);
    expect(sheet.getCell('E3').value).toBeNull();
  });
});
