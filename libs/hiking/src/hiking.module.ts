import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { ResultsModule } from '@app/results';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardLive } from './board-live';
import { BoardService } from './board.service';
import { CutoffService } from './cutoff.service';
import { FollowService } from './follow.service';
import { HikingExport } from './hiking-export';
import { HikingFigures } from './hiking-figures';
import { HIKING_ENTITIES } from './hiking-entities';
import { HikingStandings } from './hiking-standings';
import { HikingViews } from './hiking-views';
import { RouteAccess } from './route-access';
import { RouteStaff } from './route-staff';
import { RoutesService } from './routes.service';
import { OverdueSweep } from './overdue-sweep';
import { ScanSetup } from './scan-setup';
import { ScansService } from './scans.service';
import { StandingsVersion } from './standings-version';
import { WalkersService } from './walkers.service';

const SERVICES = [RoutesService, WalkersService, ScansService, CutoffService, BoardService, FollowService, HikingExport, HikingFigures, StandingsVersion, OverdueSweep, HikingViews, RouteStaff];

@Module({
  imports: [TypeOrmModule.forFeature(HIKING_ENTITIES), IdentityModule, EventsModule, RegistrationModule, ResultsModule],
  providers: [...SERVICES, RouteAccess, ScanSetup, HikingStandings, BoardLive],
  exports: SERVICES,
})
export class HikingModule {}
