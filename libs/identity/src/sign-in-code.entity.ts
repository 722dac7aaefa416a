import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One-time codes for signing up and resetting a password by SMS. Neither the number nor the code
 * is stored: a keyed hash of the number (to find its codes) and a hash of the code with it.
 */
@Entity('sign_in_codes')
@Index('idx_sign_in_codes_mobile', ['mobileHash', 'purpose'])
export class SignInCode {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: 'sign_up' | 'password_reset';

  @Column({ name: 'mobile_hash', type: 'char', length: 64 })
  mobileHash: string;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  attempts: number;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
