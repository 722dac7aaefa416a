import { AwardsModule } from '@app/awards';
import { HikingModule } from '@app/hiking';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/composition';
import { EventsModule } from '@app/events';
import { IdentityModule } from '@app/identity';
import { JobFairModule } from '@app/job-fair';
import { MatchesModule } from '@app/matches';
import { NotificationsModule } from '@app/notifications';
import { RedisModule } from '@app/queue';
import { RegistrationModule } from '@app/registration';
import { ReportingModule } from '@app/reporting';
import { ResultsModule } from '@app/results';
import { ScoringModule } from '@app/scoring';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from './auth/auth.guard';
import { AwardsController } from './awards/awards.controller';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { HikingController } from './hiking/hiking.controller';
import { HikingScansController } from './hiking/hiking-scans.controller';
import { HikingFollowController } from './hiking/hiking-follow.controller';
import { HikingViewsController } from './hiking/hiking-views.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { LoggingModule } from './http/logging.module';
import { AuthController } from './identity/auth.controller';
import { SignUpController } from './identity/sign-up.controller';
import { OrganisationsController } from './identity/organisations.controller';
import { InboxController } from './notifications/inbox.controller';
import { NotificationsAdminController } from './notifications/notifications-admin.controller';
import { UsersController } from './identity/users.controller';
import { RegistrationAdminController } from './registration/registration-admin.controller';
import { RegistrationController } from './registration/registration.controller';
import { AwardListsController } from './reporting/award-lists.controller';
import { ReportsController } from './reporting/reports.controller';
import { BoardController } from './results/board.controller';
import { PublicationController } from './results/publication.controller';
import { ResultsController } from './results/results.controller';
import { RoundsController } from './scoring/rounds.controller';
import { ScoringController } from './scoring/scoring.controller';
import { SheetsController } from './scoring/sheets.controller';
import { MyJudgingController } from './scoring/my-judging.controller';
import { JudgingController } from './scoring/judging.controller';
import { JobFairController } from './job-fair/job-fair.controller';
import { FairApplicationsController } from './job-fair/fair-applications.controller';
import { MatchDirectoryController } from './matches/match-directory.controller';
import { MatchesController } from './matches/matches.controller';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    TerminusModule.forRoot({ logger: false }),
    IdentityModule,
    EventsModule,
    RegistrationModule,
    ScoringModule,
    ResultsModule,
    NotificationsModule,
    AwardsModule,
    ReportingModule,
    HikingModule,
    JobFairModule,
    MatchesModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    SignUpController,
    OrganisationsController,
    UsersController,
    EventsController,
    HikingController,
    HikingScansController,
    HikingFollowController,
    HikingViewsController,
    RegistrationController,
    RegistrationAdminController,
    ScoringController,
    SheetsController,
    MyJudgingController,
    RoundsController,
    JudgingController,
    ResultsController,
    BoardController,
    PublicationController,
    InboxController,
    NotificationsAdminController,
    AwardsController,
    AwardListsController,
    ReportsController,
    JobFairController,
    FairApplicationsController,
    MatchDirectoryController,
    MatchesController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
