import { User } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Channel, ExternalChannel } from './domain';

/**
 * One message to one person: the in-app inbox row, and the record the
 * external deliveries hang off. `ref` names the happening for this person
 * (e.g. `entry-12-approved`); (user, ref) is unique, so a job run twice after an
 * outage still leaves one message in the inbox.
 */
@Entity('notifications')
@Index('uq_notifications_ref', ['userId', 'ref'], { unique: true })
@Index('idx_notifications_inbox', ['userId', 'readAt', 'id'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  ref: string;

  @Column({ type: 'varchar', length: 40 })
  trigger: string;

  @Column({ type: 'varchar', length: 10 })
  locale: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  mandatory: boolean;

  @Column({ type: 'json' })
  vars: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notification on one external channel: what an admin looks at when "did the SMS go out?" is asked. */
@Entity('notification_deliveries')
@Index('uq_deliveries_channel', ['notificationId', 'channel'], { unique: true })
@Index('idx_deliveries_status', ['status', 'channel', 'id'])
// Retention finds the records sent before a day without reading the newer ones.
@Index('idx_deliveries_sent', ['status', 'sentAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'notification_id', type: 'bigint', unsigned: true })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @Column({ type: 'enum', enum: ['email', 'sms', 'webhook'] })
  channel: ExternalChannel;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

/** An admin's text for a trigger in one language; without a row the built-in text is used. */
@Entity('notification_templates')
export class NotificationTemplate {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  trigger: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  locale: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'updated_by', type: 'int', unsigned: true })
  updatedBy: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

/**
 * A person's addresses and opt-outs. The mobile number for SMS is the one on
 * their profile; the webhook secret is encrypted like other secrets we must
 * read back (we sign with it).
 */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'webhook_url', type: 'varchar', length: 500, nullable: true })
  webhookUrl: string | null;

  @Column({ name: 'webhook_secret_enc', type: 'varbinary', length: 256, nullable: true })
  webhookSecretEnc: Buffer | null;

  @Column({ name: 'opted_out', type: 'json' })
  optedOut: Channel[];

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
