import { bullJobId, JOBS, type JobName, type JobPayloads } from './job-contract';

const SAMPLES: { [N in JobName]: JobPayloads[N] } = {
  'tally.item': { itemId: 1, version: 1 },
  'registration.promote': { eventId: 1, freedBy: 2 },
  'notify.fanout': { key: 'k', trigger: 'results.published', vars: {}, audience: { kind: 'item-entrants', id: 1, statuses: ['approved'] } },
  'notify.inbox': { key: 'k.0', trigger: 'entry.approved', vars: {}, to: [{ userId: 1 }] },
  'notify.email': { deliveryId: '1' },
  'notify.sms': { deliveryId: '1' },
  'sms.code': { mobile: '13800138000', text: '验证码 012345', ref: '7d0c' },
  'notify.webhook': { deliveryId: '1' },
  'awards.item': { itemId: 1, run: 1 },
  'awards.certificate': { recordId: 1, revision: 0 },
  'hiking.cutoff': { routeId: 1, checkpointId: 2, waveId: 3, kind: 'arrival', at: 1_796_000_000_000 },
  'hiking.gun': { routeId: 1, waveId: 3, at: 1_796_000_000_000 },
  'hiking.standings': { routeId: 1, key: '5f1c2a' },
  'hiking.sweep': { routeId: 1, at: 1_796_000_000_000 },
};

describe('bullJobId', () => {
  const names = Object.keys(JOBS) as JobName[];

  it('gives every job of a recreated or restored database another id than the same job of the old one', () => {
    for (const name of names) {
      const [old, renewed] = ['39bcf3ae82baa36d', '0d1bc72940b0d801'].map((instance) => bullJobId(instance, name, SAMPLES[name] as never));
      expect(old).not.toBe(renewed);
      expect(old).toBe(`39bcf3ae82baa36d.${JOBS[name].jobId(SAMPLES[name] as never)}`);
    }
  });

  it('makes ids BullMQ takes: no colon, not an integer', () => {
    for (const name of names) expect(bullJobId('0123456789abcdef', name, SAMPLES[name] as never)).toMatch(/^[0-9a-f]{16}\.[^:]+$/);
  });
});
