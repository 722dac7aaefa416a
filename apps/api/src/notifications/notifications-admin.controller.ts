import type { Principal } from '@app/identity';
import { DeliveriesAdminService, TemplatesService } from '@app/notifications';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { ParseBigIdPipe } from '../http/ids';
import { DeliveriesQueryDto, TemplateDto } from './notifications.dto';


/** Platform admins only: the texts every message uses, and deliveries that failed. */
@ApiTags('notifications')
@Controller({ version: '1' })
export class NotificationsAdminController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly deliveries: DeliveriesAdminService,
  ) {}

  @Get('notification-templates')
  @Allow('admin')
  list() {
    return this.templates.list();
  }

  /** Saved only if every {{variable}} is one the trigger supplies (422 naming each one that is not). */
  @Put('notification-templates/:trigger/:locale')
  @Allow('admin')
  put(@Caller() caller: Principal, @Param('trigger') trigger: string, @Param('locale') locale: string, @Body() body: TemplateDto) {
    return this.templates.put(caller, trigger, locale, body);
  }

  @Delete('notification-templates/:trigger/:locale')
  @Allow('admin')
  reset(@Param('trigger') trigger: string, @Param('locale') locale: string) {
    return this.templates.reset(trigger, locale);
  }

  @Get('admin/notification-deliveries')
  @Allow('admin')
  failed(@Query() q: DeliveriesQueryDto) {
    return this.deliveries.list(q);
  }

  /** A failed delivery back in its queue with a fresh set of attempts. */
  @Post('admin/notification-deliveries/:id/retry')
  @HttpCode(200)
  @Allow('admin')
  retry(@Param('id', ParseBigIdPipe) id: string) {
    return this.deliveries.retry(id);
  }
}
