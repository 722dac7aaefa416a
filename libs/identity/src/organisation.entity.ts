import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgKind } from './roles';

/** City federation → district federation → enterprise union. `path` lists the ids from the root: `/1/4/12/`. */
@Entity('organisations')
@Index('uq_organisations_parent_name', ['parentId', 'name'], { unique: true })
export class Organisation {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ['city', 'district', 'enterprise'] })
  kind: OrgKind;

  @Column({ name: 'parent_id', type: 'int', unsigned: true, nullable: true })
  parentId: number | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organisation;

  @Index('idx_organisations_path')
  @Column({ type: 'varchar', length: 255, default: '' })
  path: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
