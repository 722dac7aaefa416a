import { describe, expect, it } from 'vitest';
import type { Schemas } from '../src/api';
import { teamRoster } from '../src/hike/roster';

const walker = (id: number, bib: string | null, status: Schemas['NamedWalkerDto']['status'] = 'on_course', regroupId: number | null = null) => ({ id, bib, regroupId, status, realName: `队员${id}` });

describe("a checkpoint phone's teams", () => {
  it('lists a team under its bib with the members still expected, and leaves walkers alone out', () => {
    const roster = teamRoster([walker(1, 'yx001'), walker(2, 'YX001', 'started'), walker(3, 'YX001', 'withdrawn'), walker(4, 'YX002'), walker(5, 'YX001', 'registered')]);
    expect(roster).toEqual({ YX001: [{ walkerId: 1, name: '队员1' }, { walkerId: 2, name: '队员2' }, { walkerId: 5, name: '队员5' }] });
  });

  it("puts a regrouped walker under the new team's code, not the old bib", () => {
    const roster = teamRoster([walker(1, 'YX001', 'on_course', 7), walker(2, 'YX003', 'on_course', 7), walker(3, 'YX001'), walker(4, 'YX001')]);
    expect(roster['RG-7'].map((m) => m.walkerId)).toEqual([1, 2]);
    expect(roster.YX001.map((m) => m.walkerId)).toEqual([3, 4]);
  });

  it('drops a team left with one member expected: there is nobody to choose', () => {
    expect(teamRoster([walker(1, 'YX001'), walker(2, 'YX001', 'timed_out'), walker(3, 'YX001', 'finished')])).toEqual({});
  });
});
