import { User } from '@app/identity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What a contestant tells us about themselves. The resident ID number is
 * personal data: it is stored as a keyed HMAC (so it stays unique and can be
 * looked up) and as AES-GCM ciphertext (so the person and entitled organizers
 * can read it back); the mobile number is encrypted too. Neither exists in
 * clear text in the database or the logs.
 */
@Entity('person_profiles')
export class PersonProfile {
  @PrimaryColumn({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: ['male', 'female'] })
  gender: 'male' | 'female';

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'resident_id_hmac', type: 'binary', length: 32, unique: true })
  residentIdHmac: Buffer;

  @Column({ name: 'resident_id_enc', type: 'varbinary', length: 128 })
  residentIdEnc: Buffer;

  @Column({ name: 'mobile_enc', type: 'varbinary', length: 128 })
  mobileEnc: Buffer;

  @Column({ name: 'union_member_no', type: 'varchar', length: 32, nullable: true })
  unionMemberNo: string | null;

  /** Someone to tell if the person is in trouble during an event (a hiking route may text them). */
  @Column({ name: 'emergency_contact_name', type: 'varchar', length: 100, nullable: true })
  emergencyContactName: string | null;

  @Column({ name: 'emergency_contact_mobile_enc', type: 'varbinary', length: 128, nullable: true })
  emergencyContactMobileEnc: Buffer | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
