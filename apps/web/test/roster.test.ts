import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client';
import { rosterContentType, rosterProblems } from '../src/leader/roster';

describe('a refused roster upload', () => {
  it('lists every failing row by row number, with the field and the reason', () => {
    const refusal = new ApiError(422, {
      statusCode: 422,
      code: 'REGISTRATION_ROSTER_INVALID',
      message: '名单有2行未通过校验，未导入任何数据',
      details: [
        { field: '身份证号', code: 'RESIDENT_ID_CHECKSUM', message: '身份证号校验位不正确', row: 5 } as never,
        { field: '项目', code: 'ITEM_UNKNOWN', message: '本赛事没有名为“跳高”的项目', row: 3 } as never,
      ],
    });
    expect(rosterProblems(refusal)).toEqual({
      message: '名单有2行未通过校验，未导入任何数据',
      rows: [
        { row: 3, field: '项目', message: '本赛事没有名为“跳高”的项目' },
        { row: 5, field: '身份证号', message: '身份证号校验位不正确' },
      ],
    });
  });

  it('is one message when the file itself is refused', () => {
    expect(rosterProblems(new ApiError(413, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '文件太大', details: [] }))).toEqual({ message: '文件太大', rows: [] });
    expect(rosterProblems(new Error('网络中断'))).toEqual({ message: '网络中断', rows: [] });
  });
});

describe('the content type of a roster file', () => {
  it('follows the file name; other files are not sent', () => {
    expect(rosterContentType('名单.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(rosterContentType('roster.csv')).toBe('text/csv');
    expect(rosterContentType('名单.xls')).toBeNull();
    expect(rosterContentType('名单')).toBeNull();
  });
});
