import { allocateAwards, toPersonAwards } from './allocate-awards';
import type { RankedEntry } from './types';

const cert = { code: 'finisher', name: '完赛证书', level: 9 };
const row = (entryId: string, place: number | null, status: RankedEntry['status'], total: string | null, guest = false): RankedEntry => ({ entryId, personIds: [`p${entryId}`], place, total, status, guest });

describe('completion awards', () => {
  it('gives every finisher the certificate, and nobody who did not finish', () => {
    const field = [row('1', 1, 'OK', '5:12:00'), row('2', 2, 'OK', '9:58:30'), row('3', null, 'DNF', null), row('4', null, 'DQ', null), row('5', 3, 'OK', '6:00:00', true)];
    expect(allocateAwards(field, [{ type: 'completion', award: cert }]).map((g) => [g.entryId, g.awardName])).toEqual([
      ['1', '完赛证书'],
      ['2', '完赛证书'],
    ]);
  });

  it('stacks with a rank award: the winner gets both', () => {
    const field = [row('1', 1, 'OK', '5:12:00'), row('2', 2, 'OK', '9:58:30')];
    const rules = [{ type: 'rank' as const, tiers: [{ fromPlace: 1, award: { code: 'first', name: '第一名', level: 1 } }] }, { type: 'completion' as const, award: cert }];
    expect(allocateAwards(field, rules).map((g) => [g.entryId, g.awardCode])).toEqual([
      ['1', 'first'],
      ['1', 'finisher'],
      ['2', 'finisher'],
    ]);
  });

  it('gives a team member who timed out or withdrew no certificate, though the team has a time; other awards go to every member', () => {
    // 杭钢毅行二队: one of four walked in, three were timed out at a cut-off.
    const team: RankedEntry = { entryId: 'B', personIds: ['王一', '王二', '王三', '王四'], place: 1, total: '4:10:00', status: 'OK', finishers: ['王四'] };
    const whole: RankedEntry = { entryId: 'A', personIds: ['李一', '李二'], place: 2, total: '4:40:00', status: 'OK' };
    const rules = [{ type: 'rank' as const, tiers: [{ fromPlace: 1, award: { code: 'first', name: '第一名', level: 1 } }] }, { type: 'completion' as const, award: cert }];
    const persons = toPersonAwards(allocateAwards([team, whole], rules), [team, whole]);
    expect(persons.map((p) => [p.awardCode, p.personId])).toEqual([
      ['first', '王一'],
      ['first', '王二'],
      ['first', '王三'],
      ['first', '王四'],
      ['finisher', '王四'],
      ['finisher', '李一'],
      ['finisher', '李二'],
    ]);
  });
});
