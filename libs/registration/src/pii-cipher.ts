import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keeps personal data out of the database in clear text. Two keys are derived
 * from PII_KEY: one for a keyed HMAC (equal inputs give equal digests, so a
 * resident ID stays unique and searchable without being readable) and one for
 * AES-256-GCM (random IV, authenticated) for values entitled people read back.
 */
@Injectable()
export class PiiCipher {
  private readonly macKey: Buffer;
  private readonly encKey: Buffer;

  constructor(config: AppConfig) {
    this.macKey = createHash('sha256').update(`mac:${config.PII_KEY}`).digest();
    this.encKey = createHash('sha256').update(`enc:${config.PII_KEY}`).digest();
  }

  digest(value: string): Buffer {
    return createHmac('sha256', this.macKey).update(value).digest();
  }

  /** iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext. */
  encrypt(value: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }
}
