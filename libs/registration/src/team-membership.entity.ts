import { User } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Entry } from './entry.entity';

/**
 * A member of a relay or team entry. The entry is the entrant (one place, one
 * bib, one result); its members are listed here, the captain flagged. A person
 * can be in one active team per item: `active_item_id` is the item while the
 * entry holds a place and NULL after withdrawal or rejection, and is unique
 * with the person.
 */
@Entity('team_members')
@Index('uq_team_members_active', ['activeItemId', 'userId'], { unique: true })
export class TeamMembership {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Index('idx_team_members_entry')
  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  @ManyToOne(() => Entry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  @Column({ name: 'active_item_id', type: 'int', unsigned: true, nullable: true })
  activeItemId: number | null;

  @Index('idx_team_members_user')
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'boolean', default: false })
  captain: boolean;
}
