import { EXAMPLE_SCHEMES, type SchemeConfig } from './domain';
import type { ItemMarks } from './scoring.service';
import { breakdownReader, tallyItem } from './tally-item';

const JUDGES = [11, 12, 13];

/** An item's marks from plain objects: entry id → key → judge id → value. */
function item(scheme: SchemeConfig, marks: Record<number, Record<string, Record<number, string>>>, entryIds = Object.keys(marks).map(Number)): ItemMarks {
  const cells = new Map(
    Object.entries(marks).map(([entry, byKey]) => [
      Number(entry),
      new Map(Object.entries(byKey).map(([k, byJudge]) => [k, new Map(Object.entries(byJudge).map(([j, v]) => [Number(j), v]))])),
    ]),
  );
  return { roundId: 0, scheme, version: 1, judgeIds: JUDGES, entryIds, cells };
}

// Every kind, with ties, drops, a missing mark, a status, an entry without marks and one that cannot be scored yet.
const CASES: [string, ItemMarks][] = [
  [
    'judge panel',
    item(
      {
        ...EXAMPLE_SCHEMES.simplePanel,
        missingMark: 'average-of-others',
        parts: [{ key: 'bonus', effect: 'add' }],
        tieBreakers: [{ source: 'criterion', key: 'score', better: 'higher' }, { source: 'judgeSubtotal', better: 'higher' }],
      } as SchemeConfig,
      {
        1: { score: { 11: '8.5', 12: '9', 13: '7.25' }, 'part:bonus': { 11: '0.5' } },
        2: { score: { 11: '8.5', 13: '9.5' } },
        3: { score: { 11: '6', 12: '6', 13: '6' }, status: { 12: 'DNF' } },
        4: { score: { 11: '11' } },
      },
      [1, 2, 3, 4, 5],
    ),
  ],
  ['diving', item({ ...EXAMPLE_SCHEMES.diving, judges: 3, criteria: [{ ...EXAMPLE_SCHEMES.diving.criteria[0], drop: { highest: 1, lowest: 0 } }] } as SchemeConfig, {
    1: { execution: { 11: '7.5', 12: '8', 13: '6.5' }, difficulty: { 99: '3.0' } },
    2: { execution: { 11: '7', 12: '7', 13: '7' }, difficulty: { 12: '2.2' } },
  })],
  ['marking scheme', item(EXAMPLE_SCHEMES.markingScheme, {
    1: { A1: { 11: '3.5' }, A2: { 11: '2', 12: '3', 13: '2' }, B1: { 11: '50' }, B2: { 11: '1', 12: '1', 13: '2' } },
    2: { A1: { 11: '4' }, A2: { 11: '3', 12: '3', 13: '3' }, B1: { 11: '41.5' }, B2: { 11: '3', 12: '3', 13: '3' } },
  })],
  ['timed', item(EXAMPLE_SCHEMES.sprint, { 1: { time: { 11: '10.013' } }, 2: { time: { 11: '10.011' } }, 3: { status: { 11: 'DQ' } } })],
  ['measured', item(EXAMPLE_SCHEMES.longJump, { 1: { attempts: { 11: '7.95,x,8.01,-' } }, 2: { attempts: { 11: 'x,x,x' } } })],
  ['vertical jump', item(EXAMPLE_SCHEMES.highJump, {
    1: { 'h:1.80': { 11: 'o' }, 'h:1.85': { 11: 'xo' }, 'h:1.90': { 11: 'xxx' } },
    2: { 'h:1.80': { 11: 'xo' }, 'h:1.85': { 11: 'o' }, 'h:1.90': { 11: 'xxx' } },
  })],
  ['points and penalty', item(EXAMPLE_SCHEMES.quiz, { 1: { points: { 11: '50' }, penalty: { 11: '120' } }, 2: { points: { 11: '50' }, penalty: { 11: '80' } } })],
];

describe('tallyItem and breakdownReader', () => {
  it.each(CASES)('%s: the breakdown comes back from the stored input, exactly', (_, data) => {
    const results = tallyItem(data);
    const scored = results.filter((r) => r.input !== undefined);
    expect(scored.length).toBeGreaterThan(1);
    const read = breakdownReader(data.scheme);
    for (const r of scored) {
      // Through JSON, as item_results stores it.
      expect(read(JSON.parse(JSON.stringify(r.input)))).toStrictEqual(JSON.parse(JSON.stringify(r.breakdown ?? null)));
    }
  });

  it.each(CASES)('%s: without breakdowns, the same places, totals and inputs, and the breakdowns from the inputs', (_, data) => {
    const full = tallyItem(data);
    const lean = tallyItem(data, { breakdowns: false });
    const strip = (rs: typeof full) => rs.map(({ breakdown, ...r }) => ({ ...r, why: r.input === undefined ? breakdown : undefined }));
    expect(strip(lean)).toStrictEqual(strip(full));
    const read = breakdownReader(data.scheme);
    lean.forEach((r, i) => r.input !== undefined && expect(read(r.input)).toStrictEqual(full[i].breakdown));
  });

  it('keeps no input for an entry it could not score: the breakdown says why', () => {
    const results = tallyItem(CASES[0][1]);
    expect(results.filter((r) => r.status === 'INCOMPLETE').map((r) => [r.entryId, r.input, Object.keys(r.breakdown as object)])).toEqual([
      [4, undefined, ['reason']],
      [5, undefined, ['reason']],
    ]);
  });
});
