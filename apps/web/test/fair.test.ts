import { describe, expect, it } from 'vitest';
import { columns, employerMoves, highlight, screenedText, yuan } from '../src/fair/pipeline';

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
