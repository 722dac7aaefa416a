import { Batcher } from './batcher';

describe('Batcher', () => {
  it('runs an idle key without a timer, and batches what arrives while it runs', async () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string, string>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => `${i}✓`);
    });
    const first = batcher.add(1, '张');
    await Promise.resolve();
    expect(batches).toEqual([['张']]);
    const answers = await Promise.all([first, ...['王', '李', '赵'].map((n) => batcher.add(1, n))]);
    expect(answers).toEqual(['张✓', '王✓', '李✓', '赵✓']);
    expect(batches).toEqual([['张'], ['王', '李', '赵']]);
  });

  it('puts the callers of one loop in one batch, not the first alone', async () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string, string>(async (items) => {
      batches.push(items);
      return items;
    });
    await Promise.all(['张', '王', '李'].map((n) => batcher.add(1, n)));
    expect(batches).toEqual([['张', '王', '李']]);
  });

  it("with startOn 'turn', puts the callers of one event-loop turn in one batch", async () => {
    const batchesOf = async (startOn: 'microtask' | 'turn') => {
      const batches: string[][] = [];
      const batcher = new Batcher<string, string>(async (items) => (batches.push(items), items), 100, startOn);
      // two requests parsed in one turn of the loop, each in a callback of its own
      const answers = await new Promise<Promise<string>[]>((resolve) => {
        const asked: Promise<string>[] = [];
        setImmediate(() => asked.push(batcher.add(1, '张')));
        setImmediate(() => resolve([...asked, batcher.add(1, '王')]));
      });
      expect(await Promise.all(answers)).toEqual(['张', '王']);
      return batches;
    };
    expect(await batchesOf('microtask')).toEqual([['张'], ['王']]);
    expect(await batchesOf('turn')).toEqual([['张', '王']]);
  });

  it('keeps keys apart and caps a batch at max', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      batches.push(items);
      await Promise.resolve();
      return items;
    }, 2);
    await Promise.all([batcher.add(1, 1), batcher.add(2, 20), batcher.add(1, 2), batcher.add(1, 3), batcher.add(1, 4), batcher.add(2, 21)]);
    expect(batches.filter((b) => b[0] < 20)).toEqual([[1, 2], [3, 4]]);
    expect(batches.filter((b) => b[0] >= 20)).toEqual([[20, 21]]);
  });

  it('answers each item with its own error, and every item with the error of a failed batch', async () => {
    const batcher = new Batcher<number, number>(async (items) => {
      if (items.includes(0)) throw new Error('批次失败');
      return items.map((i) => (i < 0 ? new Error(`负数 ${i}`) : i));
    });
    await expect(Promise.all([batcher.add(1, 1)])).resolves.toEqual([1]);
    const mixed = [batcher.add(1, 2), batcher.add(1, -3)];
    await expect(mixed[0]).resolves.toBe(2);
    await expect(mixed[1]).rejects.toThrow('负数 -3');
    // 9 runs alone; 0 and 5 arrive while it runs and share the batch that fails.
    const alone = batcher.add(1, 9);
    await Promise.resolve();
    const failed = [alone, batcher.add(1, 0), batcher.add(1, 5)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual([9, '批次失败', '批次失败']);
  });
});
