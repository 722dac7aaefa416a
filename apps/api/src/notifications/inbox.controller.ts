import type { Principal } from '@app/identity';
import { InboxService, NotificationSettingsService } from '@app/notifications';
import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { InboxQueryDto, MarkReadDto, NotificationSettingsDto } from './notifications.dto';

/** Every signed-in person, for their own inbox and settings only. */
@ApiTags('notifications')
@Controller({ path: 'me', version: '1' })
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly settings: NotificationSettingsService,
  ) {}

  @Get('notifications')
  @Allow('any')
  list(@Caller() caller: Principal, @Query() q: InboxQueryDto) {
    return this.inbox.list(caller.userId, q);
  }

  @Get('notifications/unread-count')
  @Allow('any')
  async unread(@Caller() caller: Principal) {
    return { unread: await this.inbox.unread(caller.userId) };
  }

  @Post('notifications/read')
  @HttpCode(200)
  @Allow('any')
  read(@Caller() caller: Principal, @Body() body: MarkReadDto) {
    return this.inbox.markRead(caller.userId, body.all ? 'all' : body.ids!);
  }

  @Get('notification-settings')
  @Allow('any')
  getSettings(@Caller() caller: Principal) {
    return this.settings.get(caller.userId);
  }

  @Put('notification-settings')
  @Allow('any')
  putSettings(@Caller() caller: Principal, @Body() body: NotificationSettingsDto) {
    return this.settings.put(caller.userId, body);
  }
}
