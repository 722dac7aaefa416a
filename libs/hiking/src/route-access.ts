import type { SqlRunner } from '@app/database';
import { ItemCatalog } from '@app/events';
import { AccessService, coversPath, forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { HikingErrorCode } from './domain';
import { HikingError, routeNotFound } from './hiking-errors';
import { HikingRoute } from './hiking-route.entity';

/** A route with what access checks need of its item and event. */
export interface RouteFacts extends HikingRoute {
  eventName: string;
  organisationId: number;
  organisationPath: string;
}

/**
 * Who may act on a route: organizers whose role covers the event's organisation (or an admin),
 * and checkpoint staff for the checkpoints they are assigned to.
 */
@Injectable()
export class RouteAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: ItemCatalog,
    private readonly access: AccessService,
  ) {}

  async route(routeId: number, manager: EntityManager = this.dataSource.manager): Promise<RouteFacts> {
    const route = await manager.findOneBy(HikingRoute, { id: routeId });
    if (!route) throw routeNotFound(routeId);
    return this.withFacts(route, manager);
  }

  async withFacts(route: HikingRoute, sql: SqlRunner = this.dataSource): Promise<RouteFacts> {
    const item = (await this.catalog.items([route.itemId], sql)).get(route.itemId);
    if (!item) throw routeNotFound(route.id);
    return { ...route, eventName: item.eventName, organisationId: item.organisationId, organisationPath: await this.access.pathOf(item.organisationId) };
  }

  /** Organizers covering this organisation (the event's), or 403. */
  async assertOrganizerOf(principal: Principal, organisationId: number): Promise<void> {
    await this.access.assertOrg(principal, ['organizer'], organisationId);
  }

  isOrganizer(principal: Principal, route: RouteFacts): boolean {
    return coversPath(principal.roles, ['organizer'], route.organisationPath);
  }

  /** Organizers of the event, or hide it: a stranger learns nothing of the route. */
  async organizerRoute(principal: Principal, routeId: number, manager?: EntityManager): Promise<RouteFacts> {
    const route = await this.route(routeId, manager);
    if (!this.isOrganizer(principal, route)) throw forbidden();
    return route;
  }

  /** The checkpoints of this event the user is assigned to as staff. */
  async staffCheckpoints(userId: number, eventId: number, sql: SqlRunner = this.dataSource): Promise<Set<number>> {
    const rows: { id: number }[] = await sql.query(
      `SELECT s.checkpoint_id AS id FROM hiking_checkpoint_staff s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id
         JOIN hiking_routes r ON r.id = c.route_id WHERE s.user_id = ? AND r.event_id = ?`,
      [userId, eventId],
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Organizers of the route, or staff of any of its event's checkpoints (the safety board names people). */
  async assertStaffOrOrganizer(principal: Principal, route: RouteFacts): Promise<void> {
    if (this.isOrganizer(principal, route)) return;
    if ((await this.staffCheckpoints(principal.userId, route.eventId)).size === 0) {
      throw new HikingError('forbidden', HikingErrorCode.NotStaff, '只有本活动的组织者或打卡点工作人员可以查看');
    }
  }
}
