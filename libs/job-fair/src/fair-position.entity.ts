import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SalaryPeriod, ScreeningSpan } from './domain';
import { FairEmployer } from './fair-employer.entity';

export type PositionStatus = 'pending' | 'approved' | 'refused';

// Records rather than lists, so a value added to the domain does not compile until it is here.
const STATUSES: Record<PositionStatus, true> = { pending: true, approved: true, refused: true };
export const POSITION_STATUSES = Object.keys(STATUSES) as PositionStatus[];
const PERIODS: Record<SalaryPeriod, true> = { month: true, year: true };
export const SALARY_PERIODS = Object.keys(PERIODS) as SalaryPeriod[];

/** A posting of an employer at a fair; pending until the organizer approves it. */
@Entity('fair_positions')
// Search filters a fair's approved postings by industry.
@Index('idx_fair_positions_search', ['eventId', 'status', 'industry'])
// Sorting and overlap filters by monthly salary.
@Index('idx_fair_positions_salary', ['eventId', 'salaryMonthlyMin', 'salaryMonthlyMax'])
@Index('idx_fair_positions_employer', ['employerId', 'eventId'])
// Keyword search (domain/search-tokens.ts): the body holds the tokens of title, description and
// tags and the facet tokens of the filters; the title's tokens, read per row, rank a title match first.
@Index('ft_fair_positions_body', ['searchBody'], { fulltext: true })
export class FairPosition {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ name: 'employer_id', type: 'int', unsigned: true })
  employerId: number;

  @ManyToOne(() => FairEmployer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: FairEmployer;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Null: not fixed. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  headcount: number | null;

  @Column({ name: 'salary_min', type: 'int', unsigned: true, nullable: true })
  salaryMin: number | null;

  @Column({ name: 'salary_max', type: 'int', unsigned: true, nullable: true })
  salaryMax: number | null;

  /** Null: negotiable. */
  @Column({ name: 'salary_period', type: 'enum', enum: SALARY_PERIODS, nullable: true })
  salaryPeriod: SalaryPeriod | null;

  /** The range per month (annual ÷ 12), for sorting and overlap; null when negotiable. */
  @Column({ name: 'salary_monthly_min', type: 'int', unsigned: true, nullable: true })
  salaryMonthlyMin: number | null;

  @Column({ name: 'salary_monthly_max', type: 'int', unsigned: true, nullable: true })
  salaryMonthlyMax: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  district: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  education: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  experience: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'json' })
  tags: string[];

  @Column({ type: 'enum', enum: POSITION_STATUSES, default: 'pending' })
  status: PositionStatus;

  /** Terms public fairs may not publish, highlighted for the reviewer. */
  @Column({ type: 'json' })
  screening: ScreeningSpan[];

  @Column({ name: 'refusal_reason', type: 'varchar', length: 500, nullable: true })
  refusalReason: string | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  hired: number;

  /** Tokens of the title, spelled by indexTokens; not read back by the API. */
  @Column({ name: 'search_title', type: 'text', select: false })
  searchTitle?: string;

  /** Tokens of the title, description and tags, and the facet tokens of the filters. */
  @Column({ name: 'search_body', type: 'mediumtext', select: false })
  searchBody?: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
