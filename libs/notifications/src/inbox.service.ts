import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface InboxMessage {
  id: string;
  trigger: string;
  title: string;
  body: string;
  mandatory: boolean;
  createdAt: Date;
  readAt: Date | null;
}

/** A person's in-app inbox: only ever their own messages. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; `before` (a message id) pages back. */
  async list(userId: number, opts: { unread?: boolean; before?: string; limit?: number }): Promise<{ unread: number; messages: InboxMessage[] }> {
    const where = ['user_id = ?'];
    const args: unknown[] = [userId];
    if (opts.unread) where.push('read_at IS NULL');
    if (opts.before) {
      where.push('id < ?');
      args.push(opts.before);
    }
    const rows: (Omit<InboxMessage, 'mandatory'> & { mandatory: number })[] = await this.dataSource.query(
      `SELECT id, \`trigger\`, title, body, mandatory, created_at AS createdAt, read_at AS readAt
         FROM notifications WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      [...args, opts.limit ?? 50],
    );
    return { unread: await this.unread(userId), messages: rows.map((r) => ({ ...r, id: String(r.id), mandatory: !!Number(r.mandatory) })) };
  }

  async unread(userId: number): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', [userId]);
    return Number(n);
  }

  /** Marks the given messages (or all) read; another person's ids are simply not theirs to mark. */
  async markRead(userId: number, ids: string[] | 'all'): Promise<{ marked: number; unread: number }> {
    const res = await this.dataSource.query(
      `UPDATE notifications SET read_at = NOW(3) WHERE user_id = ? AND read_at IS NULL${ids === 'all' ? '' : ' AND id IN (?)'}`,
      ids === 'all' ? [userId] : [userId, ids],
    );
    return { marked: Number(res.affectedRows ?? 0), unread: await this.unread(userId) };
  }
}
