import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventItem } from './event-item.entity';
import { Event } from './event.entity';
import { EventsService } from './events.service';
import { ItemCatalog } from './item-catalog';

@Module({
  imports: [TypeOrmModule.forFeature([Event, EventItem]), IdentityModule],
  providers: [EventsService, ItemCatalog],
  exports: [EventsService, ItemCatalog],
})
export class EventsModule {}
