import { planCorrection } from './appeal-correction';

describe('what upholding an appeal writes', () => {
  it('takes several judges’ marks on several criteria of the appealed entry', () => {
    const marks = [
      { judgeId: 1, entryId: 7, criterion: '技术', value: '88' },
      { judgeId: 2, entryId: 7, criterion: '技术', value: '86' },
      { judgeId: 2, entryId: 7, criterion: '艺术', value: '90' },
    ];
    expect(planCorrection(7, marks, null)).toEqual({ ok: true, marks });
  });

  it("refuses a mark of another entry, a cell named twice, and an empty decision", () => {
    expect(planCorrection(7, [{ judgeId: 1, entryId: 7, value: '88' }, { judgeId: 1, entryId: 8, value: '60' }], null)).toEqual({ ok: false, problem: { code: 'otherEntry', index: 1 } });
    expect(planCorrection(7, [{ judgeId: 1, entryId: 7, value: '88' }, { judgeId: 1, entryId: 7, value: '89' }], null)).toEqual({ ok: false, problem: { code: 'twice', index: 1 } });
    expect(planCorrection(7, [], null)).toEqual({ ok: false, problem: { code: 'required' } });
  });

  it('reinstating sets every status that is not OK to OK and clears penalties, wherever they stand', () => {
    const standing = [
      { judgeId: 1, criterion: 'status' as const, value: 'DQ' },
      { judgeId: 3, criterion: 'status' as const, value: 'ok' },
      { judgeId: 2, criterion: 'penalty' as const, value: '10' },
      { judgeId: 3, criterion: 'penalty' as const, value: '0' },
    ];
    expect(planCorrection(7, [], { standing })).toEqual({
      ok: true,
      marks: [
        { judgeId: 1, entryId: 7, criterion: 'status', value: 'OK' },
        { judgeId: 2, entryId: 7, criterion: 'penalty', value: '0' },
      ],
    });
    // A mark the jury gives for a cell wins over the plain reinstatement of it.
    const own = { judgeId: 2, entryId: 7, criterion: 'penalty', value: '5' };
    expect(planCorrection(7, [own], { standing })).toEqual({ ok: true, marks: [own, { judgeId: 1, entryId: 7, criterion: 'status', value: 'OK' }] });
    expect(planCorrection(7, [], { standing: [{ judgeId: 1, criterion: 'status', value: 'OK' }] })).toEqual({ ok: false, problem: { code: 'nothingToReinstate' } });
  });
});
