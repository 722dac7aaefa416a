import { JOBS, JobQueues } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ExternalChannel } from './domain';
import type { DeliveryStatus } from './notification.entity';
import { NotificationsError, NotificationsErrorCode } from './notifications-error';

export interface DeliveryView {
  id: string;
  notificationId: string;
  channel: ExternalChannel;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  updatedAt: Date;
  userId: number;
  trigger: string;
  title: string;
}

/** What admins see of external deliveries, and the retry of a failed one. */
@Injectable()
export class DeliveriesAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  async list(filter: { id?: string; status?: DeliveryStatus; channel?: ExternalChannel; limit?: number }): Promise<DeliveryView[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.id) (where.push('d.id = ?'), args.push(filter.id));
    if (filter.status) (where.push('d.status = ?'), args.push(filter.status));
    if (filter.channel) (where.push('d.channel = ?'), args.push(filter.channel));
    const rows: DeliveryView[] = await this.dataSource.query(
      `SELECT d.id, d.notification_id AS notificationId, d.channel, d.status, d.attempts, d.last_error AS lastError, d.sent_at AS sentAt,
              d.updated_at AS updatedAt, n.user_id AS userId, n.\`trigger\`, n.title
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.id DESC LIMIT ?`,
      [...args, filter.limit ?? 100],
    );
    return rows.map((r) => ({ ...r, id: String(r.id), notificationId: String(r.notificationId) }));
  }

  /**
   * Puts a failed delivery back in its queue with a fresh set of attempts (the
   * same job when BullMQ still keeps it, a new one after it was cleaned up).
   */
  async retry(deliveryId: string): Promise<DeliveryView> {
    const [row] = await this.dataSource.query('SELECT status, channel FROM notification_deliveries WHERE id = ?', [deliveryId]);
    if (!row) throw new NotificationsError('not_found', NotificationsErrorCode.DeliveryNotFound, `投递记录不存在：${deliveryId}`, { field: 'id' });
    if (row.status !== 'failed') {
      throw new NotificationsError('conflict', NotificationsErrorCode.DeliveryNotFailed, `投递 ${deliveryId} 的状态是 ${row.status}，只有失败的投递可以重试`, { status: row.status });
    }
    const name = `notify.${row.channel as ExternalChannel}` as const;
    const def = JOBS[name];
    await this.dataSource.query("UPDATE notification_deliveries SET status = 'pending' WHERE id = ?", [deliveryId]);
    const queue = this.queues.queue(def.queue);
    const jobId = this.queues.jobId(name, { deliveryId });
    const job = await queue.getJob(jobId);
    if (job && (await job.isFailed())) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } else if (!job) {
      await queue.add(name, { deliveryId }, { ...def.options, jobId: `${jobId}-retry-${Date.now()}` });
    }
    return (await this.list({ id: deliveryId }))[0];
  }
}
