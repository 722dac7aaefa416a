import { performance } from 'node:perf_hooks';
import { SharedReads } from './shared-reads';

/** A computation the test ends by hand, counting how many began. */
function gate() {
  let began = 0;
  const ends: ((v: string) => void)[] = [];
  const compute = () => {
    began++;
    return new Promise<string>((resolve) => ends.push(resolve));
  };
  return { compute, began: () => began, end: (i: number, v: string) => ends[i](v) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('SharedReads', () => {
  it('gives readers who ask while a computation runs the next one, shared, begun after they asked', async () => {
    const reads = new SharedReads<string>();
    const g = gate();
    const first = reads.read(1, performance.now(), g.compute);
    // two readers ask while the first computation runs: it began before them, so they wait for it
    const second = reads.read(1, performance.now(), g.compute);
    const third = reads.read(1, performance.now(), g.compute);
    await tick();
    expect(g.began()).toBe(1);
    g.end(0, '看板一');
    expect(await first).toBe('看板一');
    await tick();
    // …and share one computation begun after them
    expect(g.began()).toBe(2);
    g.end(1, '看板二');
    expect(await Promise.all([second, third])).toEqual(['看板二', '看板二']);
  });

  it('lets a reader join a computation begun after it asked, and keeps keys apart', async () => {
    const reads = new SharedReads<string>();
    const g = gate();
    const asked = performance.now();
    const a = reads.read(1, asked, g.compute);
    const b = reads.read(1, asked, g.compute);
    const other = reads.read(2, asked, g.compute);
    expect(g.began()).toBe(2);
    g.end(0, '一号线');
    g.end(1, '二号线');
    expect(await Promise.all([a, b, other])).toEqual(['一号线', '一号线', '二号线']);
  });

  it('passes a failed computation to its readers, and computes again for the next', async () => {
    const reads = new SharedReads<string>();
    await expect(reads.read(1, performance.now(), () => Promise.reject(new Error('数据库不可用')))).rejects.toThrow('数据库不可用');
    await expect(reads.read(1, performance.now(), () => Promise.resolve('恢复'))).resolves.toBe('恢复');
  });
});

describe('SharedReads with an age the reader accepts', () => {
  it('gives the last finished computation while it began within that age, and a new one after', async () => {
    const reads = new SharedReads<string>();
    const g = gate();
    const first = reads.read(1, performance.now(), g.compute);
    g.end(0, '十点的看板');
    expect(await first).toBe('十点的看板');
    // begun after "a second ago": given again, nothing computed
    expect(await reads.read(1, performance.now() - 1000, g.compute)).toBe('十点的看板');
    expect(g.began()).toBe(1);
    // a reader who accepts nothing older than their question gets a new one
    const fresh = reads.read(1, performance.now(), g.compute);
    await tick();
    expect(g.began()).toBe(2);
    g.end(1, '十点零一分的看板');
    expect(await fresh).toBe('十点零一分的看板');
    expect(await reads.read(1, performance.now() - 1000, g.compute)).toBe('十点零一分的看板');
  });

  it('keeps no failed computation', async () => {
    const reads = new SharedReads<string>();
    await expect(reads.read(1, performance.now(), () => Promise.reject(new Error('超时')))).rejects.toThrow('超时');
    await expect(reads.read(1, performance.now() - 60_000, () => Promise.resolve('恢复'))).resolves.toBe('恢复');
  });
});
