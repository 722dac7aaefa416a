import { loginDelayMs, loginName } from './login-name';

describe('loginName', () => {
  it('folds the variants the database collation matches to one name', () => {
    for (const typed of ['admin', 'Admin', 'admin ', ' ADMIN', 'ａｄｍｉｎ', 'ＡＤＭＩＮ  ']) expect(loginName(typed)).toBe('admin');
  });
});

describe('loginDelayMs', () => {
  it('is free for the first failures, then doubles up to the cap', () => {
    expect([0, 4, 5, 6, 7, 20].map((f) => loginDelayMs(f, 5, 8000))).toEqual([0, 0, 250, 500, 1000, 8000]);
  });
});
