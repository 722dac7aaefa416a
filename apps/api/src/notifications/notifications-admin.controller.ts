import type { Principal } from '@app/identity';
import { DeliveriesAdminService, TemplatesService } from '@app/notifications';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller } from '../auth/auth.decorators';
import { ParseBigIdPipe } from '../http/ids';
import { DeliveriesQueryDto, DeliveryViewDto, TemplateDto, TemplateViewDto } from './notifications.dto';


/** Platform admins only: the texts every message uses, and deliveries that failed. */
@Tag('notifications')
@Controller({ version: '1' })
export class NotificationsAdminController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly deliveries: DeliveriesAdminService,
  ) {}

  @Get('notification-templates')
  @Allow('admin')
  @Operation('Every message text, per trigger and language')
  @ApiOkResponse({ type: [TemplateViewDto] })
  listTemplates() {
    return this.templates.list();
  }

  /** Saved only if every {{variable}} is one the trigger supplies (422 naming each one that is not). */
  @Put('notification-templates/:trigger/:locale')
  @Allow('admin')
  @Operation("Save a message text of one's own")
  @ApiOkResponse({ type: TemplateViewDto })
  @Refuses({ 404: 'no such trigger or language', 422: 'a {{variable}} the trigger does not supply (details: each one)' })
  saveTemplate(@Caller() caller: Principal, @Param('trigger') trigger: string, @Param('locale') locale: string, @Body() body: TemplateDto) {
    return this.templates.put(caller, trigger, locale, body);
  }

  @Delete('notification-templates/:trigger/:locale')
  @Allow('admin')
  @Operation('Go back to the built-in text')
  @ApiOkResponse({ type: TemplateViewDto })
  @Refuses({ 404: 'no such trigger or language' })
  resetTemplate(@Param('trigger') trigger: string, @Param('locale') locale: string) {
    return this.templates.reset(trigger, locale);
  }

  @Get('admin/notification-deliveries')
  @Allow('admin')
  @Operation('External deliveries (e-mail, SMS, webhook) with their attempts')
  @ApiOkResponse({ type: [DeliveryViewDto] })
  listDeliveries(@Query() q: DeliveriesQueryDto) {
    return this.deliveries.list(q);
  }

  /** A failed delivery back in its queue with a fresh set of attempts. */
  @Post('admin/notification-deliveries/:id/retry')
  @HttpCode(200)
  @Allow('admin')
  @Operation('Send a failed delivery again')
  @ApiOkResponse({ type: DeliveryViewDto })
  @Refuses({ 404: 'no such delivery', 409: 'the delivery has not failed' })
  retryDelivery(@Param('id', ParseBigIdPipe) id: string) {
    return this.deliveries.retry(id);
  }
}
