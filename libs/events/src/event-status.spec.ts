import { canMove } from './event-status';

describe('canMove', () => {
  it('opens registration from draft and closes it', () => {
    expect(canMove('draft', 'registration_open')).toBe(true);
    expect(canMove('registration_open', 'registration_closed')).toBe(true);
  });
  it('reopens registration before the event starts, never after it finished', () => {
    expect(canMove('registration_closed', 'registration_open')).toBe(true);
    expect(canMove('finished', 'registration_open')).toBe(false);
    expect(canMove('draft', 'finished')).toBe(false);
  });
});
