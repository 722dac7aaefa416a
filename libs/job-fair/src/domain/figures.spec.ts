import { fairRates, rate, type FairCounts } from './figures';

const counts: FairCounts = {
  employers: 3,
  positions: 40,
  seekers: 30,
  visits: 75,
  cvsDelivered: 60,
  applications: 50,
  screened: 30,
  interviewed: 20,
  offered: 10,
  hired: 8,
  intentions: 12,
};

describe('fair conversion rates', () => {
  it('divides each count by its denominator', () => {
    expect(fairRates(counts)).toEqual({
      screenedPerCv: 0.5,
      interviewedPerScreened: 20 / 30,
      offeredPerInterviewed: 0.5,
      hiredPerOffered: 0.8,
      intentionsPerApplication: 0.24,
      hiredPerApplication: 0.16,
      applicationsPerSeeker: 50 / 30,
      hiredPerPosition: 0.2,
    });
  });

  it('answers null, not NaN, for a zero denominator', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
    const empty = fairRates({ ...counts, cvsDelivered: 0, screened: 0, interviewed: 0, offered: 0, hired: 0 });
    expect(empty.screenedPerCv).toBeNull();
    expect(empty.interviewedPerScreened).toBeNull();
    expect(empty.hiredPerOffered).toBeNull();
    expect(empty.hiredPerApplication).toBe(0);
  });

  it('answers all nulls for a fair with nothing yet', () => {
    const zero = Object.fromEntries(Object.keys(counts).map((k) => [k, 0])) as unknown as FairCounts;
    expect(Object.values(fairRates(zero)).every((v) => v === null)).toBe(true);
  });
});
