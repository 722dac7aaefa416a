import { Gate } from './gate';

/** A task the test finishes when it wants; `started` says whether the gate has let it run. */
function controllable() {
  let finish: (value: string) => void = () => undefined;
  const task = { started: false, promise: new Promise<string>((r) => (finish = r)) };
  return { task, run: () => ((task.started = true), task.promise), finish: (v: string) => finish(v) };
}

const flush = () => new Promise((r) => setImmediate(r));
const busy = () => new Error('busy');

describe('Gate', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const gate = new Gate(2, 10, busy);
    const tasks = Array.from({ length: 4 }, controllable);
    const results = tasks.map((t) => gate.run(t.run));
    await flush();
    expect(tasks.map((t) => t.task.started)).toEqual([true, true, false, false]);
    tasks[1].finish('b');
    await flush();
    expect(tasks.map((t) => t.task.started)).toEqual([true, true, true, false]);
    tasks[0].finish('a');
    await flush();
    expect(tasks.map((t) => t.task.started)).toEqual([true, true, true, true]);
    // Two still run (the slots were handed over): a newcomer waits.
    const late = controllable();
    const lateResult = gate.run(late.run);
    await flush();
    expect(late.task.started).toBe(false);
    tasks[2].finish('c');
    tasks[3].finish('d');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    await flush();
    expect(late.task.started).toBe(true);
    late.finish('e');
    await expect(lateResult).resolves.toBe('e');
  });

  it('refuses at once a task beyond `maxWaiting`, and takes tasks again once there is room', async () => {
    const gate = new Gate(1, 2, busy);
    const tasks = Array.from({ length: 3 }, controllable);
    const results = tasks.map((t) => gate.run(t.run));
    const refused = controllable();
    await expect(gate.run(refused.run)).rejects.toThrow('busy');
    expect(refused.task.started).toBe(false);
    tasks.forEach((t, i) => t.finish(String(i)));
    await expect(Promise.all(results)).resolves.toEqual(['0', '1', '2']);
    await expect(gate.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot of a task that fails', async () => {
    const gate = new Gate(1, 0, busy);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
