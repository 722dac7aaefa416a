import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'real_name', type: 'varchar', length: 50 })
  realName: string;

  /** Language of the texts this person receives. */
  @Column({ type: 'varchar', length: 10, default: 'zh-CN' })
  language: string;

  /**
   * Every access token names the version it was issued under; bumping it (logout, password change,
   * a removed role, disabling) makes all earlier tokens fail on their next request.
   */
  @Column({ name: 'token_version', type: 'int', unsigned: true, default: 0 })
  tokenVersion: number;

  /**
   * A keyed hash of the mobile number the person signed up with (they sign up and reset their
   * password by SMS code to it); null for accounts an admin, organizer or leader made.
   */
  @Column({ name: 'mobile_hash', type: 'char', length: 64, nullable: true, unique: true })
  mobileHash: string | null;

  /**
   * Set while a person who signed up by themselves waits for their organisation to confirm them
   * as its member (a leader of it or an organizer above). Until then they may enter open events
   * on their own, but no delegation enters them and no rule that asks for membership passes.
   * Null for confirmed people and for accounts an admin, organizer or leader made.
   */
  @Column({ name: 'membership_pending_since', type: 'datetime', precision: 3, nullable: true })
  membershipPendingSince: Date | null;

  /** Set while the account is disabled: no login, and its tokens are refused. */
  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
