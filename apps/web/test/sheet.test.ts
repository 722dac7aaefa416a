import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cellKey, cellsFrom, columnsOf, DraftSaver, marksOf, missingCount, move, problemOf } from '../src/judge/sheet';

const panel = {
  kind: 'judge-panel',
  marks: { min: 0, max: 10, maxDecimals: 2 },
  criteria: [{ key: 'score', label: '得分', drop: { highest: 1, lowest: 1 }, aggregate: 'mean' }],
  rounding: { digits: 2, mode: 'half-up' },
};

describe('the columns a scheme asks a judge for', () => {
  it('are the criteria of a judge panel, with their range', () => {
    expect(columnsOf(panel)).toEqual([{ key: 'score', label: '得分', min: 0, max: 10, maxDecimals: 2 }]);
  });
  it('are the aspects of a marking scheme, each up to its maximum', () => {
    const cols = columnsOf({ kind: 'marking-scheme', criteria: [{ key: 'A', aspects: [{ key: 'A1', maxMark: 4, label: '安全防护' }, { key: 'A2', maxMark: 6 }] }] });
    expect(cols.map((c) => [c.key, c.label, c.max])).toEqual([['A1', 'A1 安全防护', 4], ['A2', 'A2', 6]]);
  });
  it('is one free mark for the other kinds (a time, attempts)', () => {
    expect(columnsOf({ kind: 'timed' })).toEqual([{ key: 'value', label: 'timed', min: null, max: null, maxDecimals: null }]);
  });
});

describe('a typed mark', () => {
  const [col] = columnsOf(panel);
  it('is fine empty (not entered yet) or within range', () => {
    expect(problemOf('', col)).toBeNull();
    expect(problemOf('9.75', col)).toBeNull();
    expect(problemOf(' 10 ', col)).toBeNull();
  });
  it('is refused out of range, with too many decimals, or not a number', () => {
    expect(problemOf('10.5', col)).toEqual({ kind: 'range', min: 0, max: 10 });
    expect(problemOf('9.755', col)).toEqual({ kind: 'decimals', digits: 2 });
    expect(problemOf('九', col)).toEqual({ kind: 'number' });
  });
  it('is taken as written when the scheme gives no range (times like 1:02.35)', () => {
    expect(problemOf('1:02.35', columnsOf({ kind: 'timed' })[0])).toBeNull();
  });
});

describe('the marks a save sends', () => {
  const cols = columnsOf(panel);
  it('names each criterion and removes an emptied cell with null', () => {
    const cells = { [cellKey(1, 'score')]: '8.5', [cellKey(2, 'score')]: ' ' };
    expect(marksOf(cells, [1, 2], cols)).toEqual([
      { entryId: 1, criterion: 'score', value: '8.5' },
      { entryId: 2, criterion: 'score', value: null },
    ]);
    expect(missingCount(cells, [1, 2], cols)).toBe(1);
  });
  it('sends no criterion for a single free mark, and reads stored marks back into the same cells', () => {
    const free = columnsOf({ kind: 'timed' });
    const cells = cellsFrom([{ entryId: 3, criterion: 'time', value: '12.31' }], free);
    expect(marksOf(cells, [3], free)).toEqual([{ entryId: 3, value: '12.31' }]);
  });
});

describe('keyboard movement', () => {
  it('moves down on Enter and the down arrow, never out of the grid', () => {
    expect(move('Enter', { row: 0, col: 0 }, 3, 2)).toEqual({ row: 1, col: 0 });
    expect(move('ArrowDown', { row: 2, col: 1 }, 3, 2)).toEqual({ row: 2, col: 1 });
    expect(move('ArrowUp', { row: 0, col: 1 }, 3, 2)).toEqual({ row: 0, col: 1 });
    expect(move('ArrowRight', { row: 1, col: 0 }, 3, 2)).toEqual({ row: 1, col: 1 });
    expect(move('ArrowLeft', { row: 1, col: 0 }, 3, 2)).toEqual({ row: 1, col: 0 });
  });
  it('leaves Tab and typing to the browser', () => {
    expect(move('Tab', { row: 0, col: 0 }, 3, 2)).toBeNull();
    expect(move('7', { row: 0, col: 0 }, 3, 2)).toBeNull();
  });
});

describe('the draft saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const conflict = Object.assign(new Error('changed'), { status: 409 });
  function saverWith(save: (v: number) => Promise<{ version: number }>) {
    const events: string[] = [];
    const saver = new DraftSaver(3, {
      delayMs: 500,
      save,
      onSaved: (v) => events.push(`saved ${v}`),
      onConflict: () => events.push('conflict'),
      onError: (e) => events.push(`error ${(e as Error).message}`),
      isConflict: (e) => (e as { status?: number }).status === 409,
    });
    return { saver, events };
  }

  it('saves once after the typing stops, with the version it read, then the new one', async () => {
    const versions: number[] = [];
    const { saver, events } = saverWith(async (v) => (versions.push(v), { version: v + 1 }));
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(versions).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(versions).toEqual([3]);
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(versions).toEqual([3, 4]);
    expect(events).toEqual(['saved 4', 'saved 5']);
  });

  it('saves a change made during a save right after it, never two at once', async () => {
    let running = 0;
    let most = 0;
    const { saver } = saverWith(async (v) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1000));
      running--;
      return { version: v + 1 };
    });
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    await vi.advanceTimersByTimeAsync(3000);
    expect(most).toBe(1);
    expect(saver.version).toBe(5);
  });

  it('stops on a 409 and reports the conflict, until reset with the version read again', async () => {
    const save = vi.fn(async (v: number) => {
      if (v === 3) throw conflict;
      return { version: v + 1 };
    });
    const { saver, events } = saverWith(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(events).toEqual(['conflict']);
    expect(save).toHaveBeenCalledTimes(1);
    saver.reset(7);
    saver.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(events).toEqual(['conflict', 'saved 8']);
  });

  it('flushes what waits before a submit', async () => {
    const { saver, events } = saverWith(async (v) => ({ version: v + 1 }));
    saver.changed();
    await saver.flush();
    expect(events).toEqual(['saved 4']);
    expect(saver.pending).toBe(false);
  });
});
