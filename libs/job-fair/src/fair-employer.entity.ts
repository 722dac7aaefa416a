import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An employer: an organisation of its own kind, outside the union tree, owned by the job-fair context. */
@Entity('fair_employers')
@Index('uq_fair_employers_credit_code', ['creditCode'], { unique: true })
export class FairEmployer {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Unified social credit code (GB 32100), stored normalised: upper case, no spaces. */
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  district: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
