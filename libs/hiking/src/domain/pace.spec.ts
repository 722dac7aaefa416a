import { isOverdue, paceMsPerKm, predictArrival, routeMedianPace, type Split } from './pace';
import { MINUTE_MS } from './types';

const gun = Date.UTC(2026, 4, 16, 11, 0);
const at = (min: number) => gun + min * MINUTE_MS;

// 青年毅行 拱宸桥 at 5 km, 香积寺 at 9 km, 塘栖 at 15 km.
const 快走的张三: Split[] = [
  { distanceM: 0, at: at(0) },
  { distanceM: 5000, at: at(50) }, // 10 min/km
];
const 慢走的李四: Split[] = [
  { distanceM: 0, at: at(0) },
  { distanceM: 5000, at: at(75) }, // 15 min/km
  { distanceM: 9000, at: at(135) }, // 15 min/km overall
];
const 刚出发的王五: Split[] = [{ distanceM: 0, at: at(10) }];

describe('pace', () => {
  it('is time over distance walked so far', () => {
    expect(paceMsPerKm(快走的张三)).toBe(10 * MINUTE_MS);
    expect(paceMsPerKm(慢走的李四)).toBe(15 * MINUTE_MS);
    expect(paceMsPerKm(刚出发的王五)).toBeNull();
  });

  it('the route’s median is taken over walkers with a segment, even counts averaged', () => {
    expect(routeMedianPace([快走的张三, 慢走的李四, 刚出发的王五])).toBe(12.5 * MINUTE_MS);
    expect(routeMedianPace([快走的张三, 慢走的李四, [{ distanceM: 0, at: at(0) }, { distanceM: 5000, at: at(60) }]])).toBe(12 * MINUTE_MS);
    expect(routeMedianPace([刚出发的王五])).toBeNull();
  });
});

describe('predicted arrival', () => {
  it('projects from the walker’s own pace, not the route’s', () => {
    expect(predictArrival(快走的张三, 9000, 15 * MINUTE_MS)).toBe(at(90));
    expect(predictArrival(慢走的李四, 15000, 10 * MINUTE_MS)).toBe(at(225));
  });

  it('before the first split, projects from the route’s median pace', () => {
    expect(predictArrival(刚出发的王五, 5000, 12 * MINUTE_MS)).toBe(at(70));
  });

  it('has no prediction without a pace or a start', () => {
    expect(predictArrival(刚出发的王五, 5000, null)).toBeNull();
    expect(predictArrival([], 5000, 12 * MINUTE_MS)).toBeNull();
  });
});

describe('overdue', () => {
  it('is now past the predicted arrival by more than the margin', () => {
    const predicted = at(90);
    expect(isOverdue(predicted, at(119), 30 * MINUTE_MS)).toBe(false);
    expect(isOverdue(predicted, at(120), 30 * MINUTE_MS)).toBe(false);
    expect(isOverdue(predicted, at(121), 30 * MINUTE_MS)).toBe(true);
    expect(isOverdue(null, at(1000), 30 * MINUTE_MS)).toBe(false);
  });
});
