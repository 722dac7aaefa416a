import { PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RouteAccess } from './route-access';

/** How many people a search by name answers at most. */
export const STAFF_PICK_LIMIT = 50;

/**
 * Checkpoint staff for the route's organizers to pick from by name: the people holding the
 * checkpoint_staff role at the event's organisation or below it, and who already staffs which
 * checkpoint of the route.
 */
@Injectable()
export class RouteStaff {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly people: PeopleDirectory,
  ) {}

  async of(principal: Principal, routeId: number, q?: string) {
    const route = await this.access.organizerRoute(principal, routeId);
    const rows: { checkpointId: number; userId: number }[] = await this.dataSource.query(
      `SELECT s.checkpoint_id AS checkpointId, s.user_id AS userId FROM hiking_checkpoint_staff s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id
        WHERE c.route_id = ? ORDER BY c.seq, s.id`,
      [routeId],
    );
    const [names, candidates] = await Promise.all([
      this.people.people(rows.map((r) => Number(r.userId))),
      this.people.holdersUnder('checkpoint_staff', route.organisationPath, { q, limit: STAFF_PICK_LIMIT }),
    ]);
    return {
      candidates: candidates.map((c) => ({ userId: c.id, realName: c.realName, organisationId: c.organisationId, organisationName: c.organisationName })),
      assigned: rows.map((r) => ({ checkpointId: Number(r.checkpointId), userId: Number(r.userId), realName: names.get(Number(r.userId))?.realName ?? '' })),
    };
  }
}
