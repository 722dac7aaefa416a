import type { Principal } from '@app/identity';
import { InboxService, NotificationSettingsService } from '@app/notifications';
import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Operation, Tag } from '../http/openapi-decorators';
import { Allow, Caller } from '../auth/auth.decorators';
import {
  InboxDto,
  InboxQueryDto,
  MarkedReadDto,
  MarkReadDto,
  NotificationSettingsDto,
  NotificationSettingsViewDto,
  UnreadCountDto,
} from './notifications.dto';

/** Every signed-in person, for their own inbox and settings only. */
@Tag('notifications')
@Controller({ path: 'me', version: '1' })
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly settings: NotificationSettingsService,
  ) {}

  @Get('notifications')
  @Allow('any')
  @Operation("The caller's inbox, newest first")
  @ApiOkResponse({ type: InboxDto })
  listInbox(@Caller() caller: Principal, @Query() q: InboxQueryDto) {
    return this.inbox.list(caller.userId, q);
  }

  @Get('notifications/unread-count')
  @Allow('any')
  @Operation("How many of the caller's messages are unread")
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@Caller() caller: Principal) {
    return { unread: await this.inbox.unread(caller.userId) };
  }

  @Post('notifications/read')
  @HttpCode(200)
  @Allow('any')
  @Operation('Mark messages read (some, or all)')
  @ApiOkResponse({ type: MarkedReadDto })
  markRead(@Caller() caller: Principal, @Body() body: MarkReadDto) {
    return this.inbox.markRead(caller.userId, body.all ? 'all' : body.ids!);
  }

  @Get('notification-settings')
  @Allow('any')
  @Operation("The caller's notification settings")
  @ApiOkResponse({ type: NotificationSettingsViewDto })
  getNotificationSettings(@Caller() caller: Principal) {
    return this.settings.get(caller.userId);
  }

  @Put('notification-settings')
  @Allow('any')
  @Operation("Change the caller's language, e-mail, webhook or opt-outs")
  @ApiOkResponse({ type: NotificationSettingsViewDto })
  setNotificationSettings(@Caller() caller: Principal, @Body() body: NotificationSettingsDto) {
    return this.settings.put(caller.userId, body);
  }
}
