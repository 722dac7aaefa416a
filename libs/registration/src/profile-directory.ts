import { type SqlRunner, uniqueIds } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maskMobile } from './domain';
import { PiiCipher } from './pii-cipher';

/**
 * Registration's read port for what other contexts may know of a person's profile: whether they
 * gave a mobile number, the number itself to send a message to, and the number masked to show.
 * Others never read `person_profiles`. Pass the caller's transaction to read in its snapshot.
 */
@Injectable()
export class ProfileDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  /** Which of these people have a mobile number (every profile has one): nothing is decrypted. */
  async withMobile(userIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Set<number>> {
    const wanted = uniqueIds(userIds);
    if (!wanted.length) return new Set();
    const rows: { userId: number }[] = await sql.query('SELECT user_id AS userId FROM person_profiles WHERE user_id IN (?)', [wanted]);
    return new Set(rows.map((r) => Number(r.userId)));
  }

  /** Each person's mobile number in clear, for the few a message is being sent to; people without one are absent. */
  async mobiles(userIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, string>> {
    const wanted = uniqueIds(userIds);
    if (!wanted.length) return new Map();
    const rows: { userId: number; mobileEnc: Buffer }[] = await sql.query('SELECT user_id AS userId, mobile_enc AS mobileEnc FROM person_profiles WHERE user_id IN (?)', [wanted]);
    return new Map(rows.map((r) => [Number(r.userId), this.pii.decrypt(r.mobileEnc)]));
  }

  /** Each person's mobile number masked (139****9000), for those who may know whom to expect but not call them. */
  async maskedMobiles(userIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, string>> {
    const clear = await this.mobiles(userIds, sql);
    return new Map([...clear].map(([id, mobile]) => [id, maskMobile(mobile)]));
  }

  /** Each person's emergency contact in clear, for the few a notice is being sent about; people without one are absent. */
  async emergencyContacts(userIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, { name: string; mobile: string }>> {
    const wanted = uniqueIds(userIds);
    if (!wanted.length) return new Map();
    const rows: { userId: number; name: string; mobileEnc: Buffer }[] = await sql.query(
      'SELECT user_id AS userId, emergency_contact_name AS name, emergency_contact_mobile_enc AS mobileEnc FROM person_profiles WHERE user_id IN (?) AND emergency_contact_mobile_enc IS NOT NULL',
      [wanted],
    );
    return new Map(rows.map((r) => [Number(r.userId), { name: r.name, mobile: this.pii.decrypt(r.mobileEnc) }]));
  }
}
