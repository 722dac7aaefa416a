import { beijingTime } from '@app/common';
import { PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { HikingErrorCode } from './domain';
import { HikingError, walkerNotFound } from './hiking-errors';
import { HikingWalker } from './hiking-walker.entity';
import { splitsOf } from './hiking-views';

/** What a family sees: the walker's given name masked, where they were last seen and when (Beijing time). */
export interface FollowView {
  name: string;
  routeName: string;
  status: string;
  lastCheckpoint: { seq: number; name: string } | null;
  lastSeenAt: string | null;
  /** Each checkpoint passed: when (Beijing time) and how long its segment took. */
  splits: { seq: number; name: string; at: string; segmentMs: number }[];
}

/**
 * Follow a walker: a page for families reached through a link the walker sends. Never by bib
 * alone: bibs are sequential, and anyone could locate a walker alone on the trail at night.
 */
@Injectable()
export class FollowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  /** The walker themself makes (or renews, which ends the old link) their follow link. */
  async share(principal: Principal, walkerId: number): Promise<{ token: string }> {
    const walker = await this.dataSource.manager.findOneBy(HikingWalker, { id: walkerId });
    if (!walker) throw walkerNotFound(walkerId);
    if (walker.userId !== principal.userId) throw new HikingError('forbidden', HikingErrorCode.NotStaff, '只有队员本人可以分享自己的位置');
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.manager.update(HikingWalker, { id: walkerId }, { shareToken: token });
    return { token };
  }

  async follow(token: string): Promise<FollowView> {
    const [w]: { id: number; userId: number; status: string; lastSeq: number | null; lastScanAt: Date | null; routeName: string; cpName: string | null }[] = await this.dataSource.query(
      `SELECT w.id, w.user_id AS userId, w.status, w.last_checkpoint_seq AS lastSeq, w.last_scan_at AS lastScanAt, r.name AS routeName, c.name AS cpName
         FROM hiking_walkers w JOIN hiking_routes r ON r.id = w.route_id
         LEFT JOIN hiking_checkpoints c ON c.route_id = w.route_id AND c.seq = w.last_checkpoint_seq
        WHERE w.share_token = ?`,
      [token],
    );
    if (!w) throw new HikingError('not_found', HikingErrorCode.WalkerNotFound, '链接无效或已被队员更换');
    const names: { seq: number; name: string }[] = await this.dataSource.query('SELECT seq, name FROM hiking_checkpoints WHERE route_id = (SELECT route_id FROM hiking_walkers WHERE id = ?)', [w.id]);
    const nameOf = new Map(names.map((c) => [Number(c.seq), c.name]));
    const splits = (await splitsOf(this.dataSource, [Number(w.id)])).get(Number(w.id)) ?? [];
    const realName = (await this.people.people([Number(w.userId)])).get(Number(w.userId))?.realName ?? '';
    return {
      name: realName ? `${realName[0]}${'*'.repeat(Math.max(1, [...realName].length - 1))}` : '',
      routeName: w.routeName,
      status: w.status,
      lastCheckpoint: w.lastSeq === null ? null : { seq: Number(w.lastSeq), name: w.cpName ?? '' },
      lastSeenAt: beijingTime(w.lastScanAt, 'minute'),
      splits: splits.map((x) => ({ seq: x.seq, name: nameOf.get(x.seq) ?? '', at: beijingTime(new Date(x.at), 'minute')!, segmentMs: x.segmentMs })),
    };
  }
}
