import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventItem } from './event-item.entity';
import { Event } from './event.entity';
import { EventsService } from './events.service';

@Module({
  imports: [TypeOrmModule.forFeature([Event, EventItem]), IdentityModule],
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}
