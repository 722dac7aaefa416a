import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker's CV file (PDF or image, type checked from content). */
@Entity('fair_cvs')
@Index('idx_fair_cvs_user', ['userId'])
export class FairCv {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** users.id; identity owns that table. */
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int', unsigned: true })
  size: number;

  @Column({ type: 'mediumblob', select: false })
  content?: Buffer;

  /** Withdrawn CVs are no longer shared, even with consent. */
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
