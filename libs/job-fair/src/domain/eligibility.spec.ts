import { checkEligibility } from './eligibility';
import { JobFairErrorCode } from './job-fair-error';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    const e = err as { code: string; field: string; message: string };
    return { code: e.code, field: e.field, message: e.message };
  }
  throw new Error('not refused');
};

describe('seeker eligibility per fair', () => {
  it('admits members of the subtree only, naming the rule when it refuses', () => {
    expect(checkEligibility('members', { memberOfSubtree: true })).toEqual({ retrainingCertificate: null });
    const r = refusal(() => checkEligibility('members', { memberOfSubtree: false }));
    expect(r).toMatchObject({ code: JobFairErrorCode.NotEligible, field: 'eventId' });
    expect(r.message).toContain('主办工会所辖的工会会员');
  });

  it('admits retrained workers from anywhere with a certificate number, and refuses without one', () => {
    expect(checkEligibility('retrained', { memberOfSubtree: false, retrainingCertificate: ' ZJ-2026-0042 ' })).toEqual({ retrainingCertificate: 'ZJ-2026-0042' });
    const r = refusal(() => checkEligibility('retrained', { memberOfSubtree: true }));
    expect(r).toMatchObject({ code: JobFairErrorCode.NotEligible, field: 'retrainingCertificate' });
    expect(r.message).toContain('再就业培训');
    expect(refusal(() => checkEligibility('retrained', { memberOfSubtree: true, retrainingCertificate: '证书' }))).toMatchObject({
      code: JobFairErrorCode.RetrainingCertificateFormat,
      field: 'retrainingCertificate',
    });
  });

  it('admits everyone to an open fair', () => {
    expect(checkEligibility('open', { memberOfSubtree: false })).toEqual({ retrainingCertificate: null });
  });
});
