import { describe, expect, it } from 'vitest';
import { decisionBody } from '../src/manage/appeal-decision';

describe('the uphold dialog’s request', () => {
  const row = (judgeId: number | null, criterion: string, value: string) => ({ judgeId, criterion, value });

  it('sends every complete row as a mark of the appealed entry, skipping blank ones', () => {
    expect(decisionBody(7, ' 复核录像 ', [row(1, '技术', ' 95 '), row(2, '规范', '90'), row(3, '技术', '')], false)).toEqual({
      reason: '复核录像',
      marks: [
        { judgeId: 1, entryId: 7, criterion: '技术', value: '95' },
        { judgeId: 2, entryId: 7, criterion: '规范', value: '90' },
      ],
    });
  });

  it('reinstates with or without marks', () => {
    expect(decisionBody(7, '判罚不成立', [row(1, '技术', '')], true)).toEqual({ reason: '判罚不成立', marks: [], reinstate: true });
  });

  it('has nothing to send without a reason, without any change, or with a cell named twice', () => {
    expect(decisionBody(7, ' ', [row(1, '技术', '95')], false)).toBeNull();
    expect(decisionBody(7, '复核', [row(null, '技术', '95')], false)).toBeNull();
    expect(decisionBody(7, '复核', [row(1, '技术', '95'), row(1, '技术', '96')], false)).toBeNull();
  });
});
