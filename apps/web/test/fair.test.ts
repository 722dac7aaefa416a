import { describe, expect, it } from 'vitest';
import { columns, employerMoves, highlight, screenedText, yuan } from '../src/fair/pipeline';
import { seekerSlotGroups, slotTimes } from '../src/fair/slots';

describe('the employer board', () => {
  it('offers forward moves, skipping allowed, and refusal, until a final stage', () => {
    expect(employerMoves('applied')).toEqual(['screened', 'interviewing', 'offered', 'hired', 'rejected']);
    expect(employerMoves('offered')).toEqual(['hired', 'rejected']);
    for (const s of ['hired', 'rejected', 'withdrawn'] as const) expect(employerMoves(s)).toEqual([]);
  });

  it('puts each application in its stage’s column, refused and withdrawn apart', () => {
    const board = columns([
      { id: 1, stage: 'applied' },
      { id: 2, stage: 'hired' },
      { id: 3, stage: 'rejected' },
      { id: 4, stage: 'applied' },
      { id: 5, stage: 'withdrawn' },
    ]);
    expect(board.applied.map((a) => a.id)).toEqual([1, 4]);
    expect(board.hired.map((a) => a.id)).toEqual([2]);
    expect(board.closed.map((a) => a.id)).toEqual([3, 5]);
    expect(board.screened).toEqual([]);
  });
});

describe('flagged terms in a posting', () => {
  const p = { title: '保洁员', description: '限女性，45岁以下，负责办公区清洁。', tags: ['包吃'] };
  const text = screenedText(p);

  it('cuts the text at the spans the API reports, in order', () => {
    const spans = [
      { start: 8, end: 13, category: 'age' },
      { start: 4, end: 7, category: 'gender' },
    ];
    expect(highlight(text, spans)).toEqual([
      { text: '保洁员\n' },
      { text: '限女性', category: 'gender' },
      { text: '，' },
      { text: '45岁以下', category: 'age' },
      { text: '，负责办公区清洁。\n包吃' },
    ]);
    expect(highlight(text, spans).map((s) => s.text).join('')).toBe(text);
  });

  it('keeps overlapping spans whole and leaves a clean text as it is', () => {
    expect(highlight('限男性限男', [{ start: 0, end: 3, category: 'gender' }, { start: 1, end: 5, category: 'gender' }])).toEqual([
      { text: '限男性', category: 'gender' },
      { text: '限男', category: 'gender' },
    ]);
    expect(highlight('数控车床操作工', [])).toEqual([{ text: '数控车床操作工' }]);
  });
});

describe('salary filters as typed', () => {
  it('is blank for none, whole yuan otherwise', () => {
    expect(yuan('')).toBeUndefined();
    expect(yuan(' 8000 ')).toBe(8000);
    expect(yuan('8k')).toBe('invalid');
    expect(yuan('-1')).toBe('invalid');
  });
});

describe('interview slots on a seeker’s page', () => {
  const at = (hm: string) => `2026-12-12T${hm}:00+08:00`;
  /** The morning of the fair, before its first slot. */
  const NOW = Date.parse(at('08:00'));
  const slot = (id: number, employerId: number, from: string, to: string, booked = false, eventId = 7) => ({ id, eventId, employerId, startsAt: at(from), endsAt: at(to), booked });
  const applications = [
    { eventId: 7, employerId: 2, employerName: '浙江运河物流有限公司', stage: 'applied' },
    { eventId: 7, employerId: 1, employerName: '杭州精工数控机床有限公司', stage: 'interviewing' },
    { eventId: 7, employerId: 1, employerName: '杭州精工数控机床有限公司', stage: 'applied' },
    { eventId: 7, employerId: 3, employerName: '杭州城西综合服务有限公司', stage: 'withdrawn' },
    { eventId: 7, employerId: 4, employerName: '杭州某某劳务派遣有限公司', stage: 'screened' },
  ];

  it('groups the free slots of the employers applied to by employer, in time order, with the seeker’s own bookings and no one else’s', () => {
    const slots = [slot(10, 1, '10:00', '10:20'), slot(11, 1, '09:00', '09:20'), slot(12, 1, '09:20', '09:40', true), slot(13, 2, '09:00', '09:20', true), slot(14, 2, '11:00', '11:20'), slot(15, 3, '09:00', '09:20'), slot(16, 5, '09:00', '09:20')];
    const mine = [{ ...slot(13, 2, '09:00', '09:20', true), employerName: '浙江运河物流有限公司' }];
    const groups = seekerSlotGroups(applications, slots, mine, NOW);
    expect(groups.map((g) => [g.employerName, g.slots.map((s) => [s.id, s.mine])])).toEqual([
      ['浙江运河物流有限公司', [[13, true], [14, false]]],
      ['杭州精工数控机床有限公司', [[11, false], [10, false]]],
    ]);
  });

  it('keeps a booking whose application was withdrawn, or at another fair, so it can be given back', () => {
    const mine = [{ ...slot(20, 3, '09:00', '09:20', true), employerName: '杭州城西综合服务有限公司' }, { ...slot(21, 1, '09:00', '09:20', true, 8), employerName: '杭州精工数控机床有限公司' }];
    const groups = seekerSlotGroups(applications, [slot(20, 3, '09:00', '09:20', true)], mine, NOW);
    expect(groups.map((g) => [g.eventId, g.employerName, g.slots.map((s) => s.id)])).toEqual([
      [7, '杭州城西综合服务有限公司', [20]],
      [8, '杭州精工数控机床有限公司', [21]],
    ]);
  });

  it('offers no free slot that has begun, and still shows the seeker’s own', () => {
    const mine = [{ ...slot(30, 1, '09:00', '09:20', true), employerName: '杭州精工数控机床有限公司' }];
    const groups = seekerSlotGroups(applications, [slot(30, 1, '09:00', '09:20', true), slot(31, 1, '09:20', '09:40'), slot(32, 1, '09:40', '10:00')], mine, Date.parse(at('09:20')));
    expect(groups.map((g) => g.slots.map((s) => s.id))).toEqual([[30, 32]]);
  });

  it('writes a slot as its day and times in Beijing time', () => {
    expect(slotTimes({ startsAt: '2026-12-12T01:00:00.000Z', endsAt: '2026-12-12T01:20:00.000Z' }, 'zh-CN')).toBe('2026/12/12 09:00 – 09:20');
  });
});
