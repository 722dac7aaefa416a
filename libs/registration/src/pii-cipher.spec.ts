import type { AppConfig } from '@app/config';
import { PiiCipher } from './pii-cipher';

const cipher = (key: string) => new PiiCipher({ PII_KEY: key } as AppConfig);

describe('PiiCipher', () => {
  const id = '33010219900307123X';

  it('round-trips a value and never stores it in clear text', () => {
    const sealed = cipher('key-one-0123456789').encrypt(id);
    expect(sealed.includes(Buffer.from(id))).toBe(false);
    expect(cipher('key-one-0123456789').decrypt(sealed)).toBe(id);
  });

  it('encrypts the same value differently each time (random IV)', () => {
    const c = cipher('key-one-0123456789');
    expect(c.encrypt(id).equals(c.encrypt(id))).toBe(false);
  });

  it('gives a stable digest per key, different across keys', () => {
    expect(cipher('key-one-0123456789').digest(id).equals(cipher('key-one-0123456789').digest(id))).toBe(true);
    expect(cipher('key-one-0123456789').digest(id).equals(cipher('key-two-0123456789').digest(id))).toBe(false);
  });

  it('refuses ciphertext sealed with another key or tampered with', () => {
    const sealed = cipher('key-one-0123456789').encrypt(id);
    expect(() => cipher('key-two-0123456789').decrypt(sealed)).toThrow();
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher('key-one-0123456789').decrypt(sealed)).toThrow();
  });
});
