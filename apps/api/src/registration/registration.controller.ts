import type { Principal } from '@app/identity';
import { RegistrationService } from '@app/registration';
import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive } from 'class-validator';
import { Allow, Caller } from '../auth/auth.decorators';

export class RegisterDto {
  @ApiPropertyOptional({ description: 'the contestant, when a delegation leader or organizer registers someone else; default: the caller' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  userId?: number;
}

export class EntryDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() itemId: number;
  @ApiProperty() userId: number;
  @ApiProperty({ example: '李娜' }) realName: string;
  @ApiProperty() organisationId: number;
  @ApiProperty({ example: '杭州汽轮动力集团工会' }) organisationName: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'] }) status: string;
  @ApiProperty() createdAt: Date;
}

@ApiTags('registration')
@Controller({ version: '1' })
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  /** Contestants for themselves; delegation leaders and organizers for the people of their organisations. */
  @Post('items/:itemId/entries')
  @Allow('contestant', 'delegation_leader', 'organizer')
  @ApiCreatedResponse({ type: EntryDto })
  register(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Body() dto: RegisterDto) {
    return this.registration.register(caller, itemId, dto.userId);
  }

  /** Organizers of the event. */
  @Get('items/:itemId/entries')
  @Allow('organizer')
  @ApiOkResponse({ type: [EntryDto] })
  list(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number) {
    return this.registration.listForItem(caller, itemId);
  }

  /** The contestant themselves, or organizers of the event. */
  @Get('entries/:id')
  @Allow('any')
  @ApiOkResponse({ type: EntryDto })
  get(@Caller() caller: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.registration.get(caller, id);
  }
}
