import { missingHandlers } from './handler-check';

describe('missingHandlers', () => {
  it('passes when every job of the contract has a handler', () => {
    expect(
      missingHandlers([
        { queue: 'tally', handlers: { 'tally.item': async () => undefined } },
        { queue: 'registration', handlers: { 'registration.promote': async () => undefined } },
      ]),
    ).toEqual([]);
  });

  it('names a queue without a processor and a job without a handler', () => {
    expect(missingHandlers([])).toEqual(['queue "tally" has no processor', 'queue "registration" has no processor']);
    expect(missingHandlers([{ queue: 'tally', handlers: {} }])).toEqual([
      'job "tally.item" on queue "tally" has no handler',
      'queue "registration" has no processor',
    ]);
  });
});
