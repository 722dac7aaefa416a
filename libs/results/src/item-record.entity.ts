import { EventItem } from '@app/events';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The records an item's marks are measured against, as they stood before the meet. */
@Entity('item_records')
export class ItemRecord {
  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @OneToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** 运动会纪录, in the unit of the item's total (seconds, metres, points). */
  @Column({ name: 'meet_record', type: 'varchar', length: 32, nullable: true })
  meetRecord: string | null;

  @Column({ name: 'meet_holder', type: 'varchar', length: 100, nullable: true })
  meetHolder: string | null;

  /** 历史最好成绩 (e.g. the city record). */
  @Column({ name: 'all_time_record', type: 'varchar', length: 32, nullable: true })
  allTimeRecord: string | null;

  @Column({ name: 'all_time_holder', type: 'varchar', length: 100, nullable: true })
  allTimeHolder: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
