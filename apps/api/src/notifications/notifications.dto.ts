import { BIG_ID, ToInt } from '../http/ids';
import { OptionalField } from '../http/optional';
import { CHANNELS, type Channel, EXTERNAL_CHANNELS, type ExternalChannel, type Locale, LOCALES, TRIGGER_NAMES } from '@app/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const ID = BIG_ID;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQueryDto {
  @ApiPropertyOptional({ description: 'only unread messages' }) @OptionalField() @Transform(toBool) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ description: 'page back: messages older than this id' }) @OptionalField() @Matches(ID, { message: 'before 须为消息编号' }) before?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(200) limit?: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'message ids; omit with all=true to mark everything read' })
  @ValidateIf((o: MarkReadDto) => o.all !== true)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(ID, { each: true, message: 'ids 须为消息编号' })
  ids?: string[];

  @ApiPropertyOptional() @OptionalField() @IsBoolean() all?: boolean;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional({ enum: LOCALES, description: 'language of the messages you receive' }) @OptionalField() @IsIn(LOCALES) language?: Locale;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'wangfang@example.com' })
  @OptionalField({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'email 不是有效的邮箱地址' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://oa.example.com/hooks/union-events', description: 'receives each message as a signed JSON POST' })
  @OptionalField({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  webhookUrl?: string | null;

  @ApiPropertyOptional({ description: 'HMAC-SHA256 key for X-UE-Signature (16–128 characters); write-only' })
  @OptionalField()
  @IsString()
  @Length(16, 128)
  webhookSecret?: string;

  @ApiPropertyOptional({ enum: EXTERNAL_CHANNELS, isArray: true, description: 'channels you do not want (mandatory messages still come)' })
  @OptionalField()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  optedOut?: Channel[];
}

export class TemplateDto {
  @ApiProperty({ example: '报名已通过：{{item}}' }) @IsString() @MaxLength(200) title: string;
  @ApiProperty({ example: '{{name}}，您的参赛号是 {{bib}}。' }) @IsString() @MaxLength(2000) body: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'] }) @OptionalField() @IsIn(['pending', 'sent', 'failed']) status?: 'pending' | 'sent' | 'failed';
  @ApiPropertyOptional({ enum: EXTERNAL_CHANNELS }) @OptionalField() @IsIn(EXTERNAL_CHANNELS) channel?: ExternalChannel;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class InboxMessageDto {
  @ApiProperty({ example: '1024' }) id: string;
  @ApiProperty({ enum: TRIGGER_NAMES }) trigger: string;
  @ApiProperty({ example: '报名已通过：低压电工（职工组）' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'sent whatever the person opted out of' }) mandatory: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) readAt: Date | null;
}

export class InboxDto {
  @ApiProperty({ description: 'unread messages in the whole inbox' }) unread: number;
  @ApiProperty({ type: [InboxMessageDto], description: 'newest first' }) messages: InboxMessageDto[];
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'messages this call marked read' }) marked: number;
  @ApiProperty() unread: number;
}

export class NotificationSettingsViewDto {
  @ApiProperty({ enum: LOCALES }) language: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) webhookUrl: string | null;
  @ApiProperty({ description: 'the secret itself is never shown again once saved' }) webhookSecretSet: boolean;
  @ApiProperty({ enum: CHANNELS, isArray: true }) optedOut: string[];
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'channels this platform can send on at all' }) available: string[];
}

export class TemplateViewDto extends TemplateDto {
  @ApiProperty({ enum: TRIGGER_NAMES }) trigger: string;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty({ type: [String], example: ['name', 'item', 'bib'], description: 'the {{variables}} this trigger supplies' }) vars: string[];
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ description: 'false: the built-in text' }) custom: boolean;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}

export class DeliveryViewDto {
  @ApiProperty() id: string;
  @ApiProperty() notificationId: string;
  @ApiProperty({ enum: EXTERNAL_CHANNELS }) channel: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() userId: number;
  @ApiProperty({ enum: TRIGGER_NAMES }) trigger: string;
  @ApiProperty() title: string;
}
