import { jobNamesOf, QUEUES } from '@app/queue';
import { missingHandlers } from './handler-check';

describe('missingHandlers', () => {
  const complete = Object.values(QUEUES).map((queue) => ({
    queue,
    handlers: Object.fromEntries(jobNamesOf(queue).map((n) => [n, async () => undefined])),
  }));

  it('passes when every job of the contract has a handler', () => {
    expect(missingHandlers(complete)).toEqual([]);
  });

  it('names a queue without a processor and a job without a handler', () => {
    const withoutRegistration = complete.filter((p) => p.queue !== 'registration');
    expect(missingHandlers(withoutRegistration)).toEqual(['queue "registration" has no processor']);
    const tallyEmpty = complete.map((p) => (p.queue === 'tally' ? { queue: p.queue, handlers: {} } : p));
    expect(missingHandlers(tallyEmpty)).toEqual(['job "tally.item" on queue "tally" has no handler']);
    expect(missingHandlers([])).toHaveLength(Object.keys(QUEUES).length);
  });
});
