import { describe, expect, it } from 'vitest';
import { byCourt, scoreText, type OrderRow } from '../src/matches/order-of-play';

const row = (matchId: number, court: string | null, at: string | null, round = 1, number = matchId): OrderRow => ({ matchId, court, at, round, number, players: ['甲', '乙'], status: 2, score: null });

describe('order of play by court', () => {
  it('lists each court by time, courts in natural order, the unassigned last', () => {
    const out = byCourt([row(1, null, null), row(2, '10号场', '2026-12-08 09:00'), row(3, '2号场', '2026-12-08 10:00'), row(4, '2号场', '2026-12-08 09:00')]);
    expect(out.map((c) => c.court)).toEqual(['2号场', '10号场', null]);
    expect(out[0].rows.map((r) => r.matchId)).toEqual([4, 3]);
  });
  it('orders unscheduled matches of a court by round and number', () => {
    const out = byCourt([row(7, '1号台', null, 2, 1), row(5, '1号台', null, 1, 2), row(6, '1号台', '2026-12-08 09:00', 3, 1)]);
    expect(out[0].rows.map((r) => r.matchId)).toEqual([6, 5, 7]);
  });
  it('writes scores as entered', () => {
    expect(scoreText({ text: '6-4 7-6(5)', sets: [] }, 'w/o', '双弃')).toBe('6-4 7-6(5)');
    expect(scoreText({ games: { a: 2, b: 1 } }, 'w/o', '双弃')).toBe('2–1');
    expect(scoreText({ walkover: 'a' }, '不战', '双弃')).toBe('不战');
    expect(scoreText({ doubleForfeit: true }, '不战', '双弃')).toBe('双弃');
    expect(scoreText(null, '', '')).toBe('');
  });
});
