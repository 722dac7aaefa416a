import { checkMarkingSheet, computeMarkingScheme, MarkingSchemeConfig, validateMarkingSchemeConfig } from './marking-scheme';
import { inputError } from './spec-helpers';

// Built by hand after the WorldSkills Marking Scheme structure: criteria A (10 marks)
// and B (90 marks); measurement aspects awarded up to their max mark; judgement
// aspects scored 0–3 by three judges, mark = average ÷ 3 × max mark.
const scheme: MarkingSchemeConfig = {
  kind: 'marking-scheme',
  criteria: [
    {
      key: 'A',
      label: '工作组织与管理',
      aspects: [
        { key: 'A1', type: 'measurement', maxMark: 2, label: '安全防护用品穿戴' },
        { key: 'A2', type: 'measurement', maxMark: '3' },
        { key: 'A3', type: 'judgement', maxMark: 5, label: '工位整洁' },
      ],
    },
    {
      key: 'B',
      label: '作品质量',
      aspects: [
        { key: 'B1', type: 'measurement', maxMark: 60 },
        { key: 'B2', type: 'judgement', maxMark: 30, label: '整体外观' },
      ],
    },
  ],
};

describe('marking scheme (WorldSkills style)', () => {
  it('sums measurement marks and judgement marks (average ÷ 3 × max)', () => {
    // A1 2 + A2 1.5 + A3 (2+3+2)/3 ÷ 3 × 5 = 35/9 = 3.888… → 3.89  ⇒ A = 7.39
    // B1 48.5 + B2 (3+3+3)/3 ÷ 3 × 30 = 30.00                       ⇒ B = 78.50
    // total 7.39 + 78.50 = 85.89
    const r = computeMarkingScheme(scheme, { marks: { A1: 2, A2: '1.5', A3: [2, 3, 2], B1: '48.5', B2: [3, 3, 3] } });
    expect(r.total).toBe('85.89');
    const b = r.breakdown!;
    expect(b.criteria.map((c) => [c.key, c.maxMark, c.mark])).toEqual([['A', '10', '7.39'], ['B', '90', '78.50']]);
    expect(b.criteria[0].aspects[2]).toMatchObject({ scores: ['2', '3', '2'], spread: 1, flagged: false, markExact: expect.stringMatching(/^3\.8888/), mark: '3.89' });
    expect(b.canSubmit).toBe(true);
  });

  it('flags a judgement aspect whose scores differ by more than the gap and refuses submission', () => {
    // A3 scores 1, 3, 2: highest − lowest = 2 > 1
    const input = { marks: { A1: 2, A2: 3, A3: [1, 3, 2], B1: 60, B2: [2, 2, 3] } };
    const r = computeMarkingScheme(scheme, input);
    expect(r.breakdown!.flaggedAspects).toEqual(['A3']);
    expect(r.breakdown!.canSubmit).toBe(false);
    const check = checkMarkingSheet(scheme, input);
    expect(check.canSubmit).toBe(false);
    expect(check.reasons.map((e) => [e.code, e.field])).toEqual([['JUDGEMENT_GAP', 'marks.A3']]);
    expect(check.reasons[0].message).toContain('工位整洁');
    // A configured gap of 2 accepts it.
    expect(checkMarkingSheet({ ...scheme, judgementGap: 2 }, input).canSubmit).toBe(true);
  });

  it('lists every reason a sheet cannot be submitted', () => {
    const check = checkMarkingSheet(scheme, { marks: { A1: 2.5, A3: [1, 2, 4], B1: 10, B2: [0, 3, 3] } });
    expect(check.reasons.map((e) => [e.code, e.field])).toEqual([
      ['OUT_OF_RANGE', 'marks.A1'],
      ['MISSING_VALUE', 'marks.A2'],
      ['OUT_OF_RANGE', 'marks.A3[2]'],
      ['JUDGEMENT_GAP', 'marks.B2'],
    ]);
  });

  it('rejects non-integer judgement scores and a wrong number of judges', () => {
    const base = { A1: 2, A2: 3, A3: [1, 1, 1], B1: 60, B2: [2, 2, 2] };
    const e = inputError(() => computeMarkingScheme(scheme, { marks: { ...base, B2: [2, 2.5, 2] } }));
    expect([e.code, e.field]).toEqual(['BAD_STEP', 'marks.B2[1]']);
    const e2 = inputError(() => computeMarkingScheme(scheme, { marks: { ...base, B2: [2, 2] } }));
    expect([e2.code, e2.field]).toEqual(['WRONG_COUNT', 'marks.B2']);
  });

  it('refuses a measurement mark with more decimals than configured', () => {
    const base = { A1: 2, A2: 3, A3: [1, 1, 1], B1: 60, B2: [2, 2, 2] };
    const e = inputError(() => computeMarkingScheme({ ...scheme, maxDecimals: 2 }, { marks: { ...base, B1: '48.255' } }));
    expect([e.code, e.field]).toEqual(['TOO_MANY_DECIMALS', 'marks.B1']);
    // without the limit the mark is rounded half-up to the scheme's 2 digits: 48.255 → 48.26
    const r = computeMarkingScheme(scheme, { marks: { ...base, B1: '48.255' } });
    expect(r.breakdown!.criteria[1].aspects[0].mark).toBe('48.26');
    expect(validateMarkingSchemeConfig({ ...scheme, maxDecimals: 1.5 }).map((e2) => e2.field)).toEqual(['config.maxDecimals']);
  });

  it('refuses a scheme whose max marks do not add up to 100', () => {
    const bad: MarkingSchemeConfig = { ...scheme, criteria: [scheme.criteria[0]] };
    const errs = validateMarkingSchemeConfig(bad);
    expect(errs.map((e) => [e.code, e.field])).toEqual([['INVALID_CONFIG', 'config.criteria']]);
    expect(errs[0].message).toContain('10');
    expect(validateMarkingSchemeConfig(scheme)).toEqual([]);
  });
});
