import { ApiProperty } from '@nestjs/swagger';

export class AwardListEntryDto {
  @ApiProperty() recordId: number;
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '低压电工（职工组）' }) itemName: string;
  @ApiProperty({ nullable: true, type: Number }) entryId: number | null;
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ description: "the person's organisation (delegation) when granted" }) organisationId: number;
  @ApiProperty({ example: '杭州钢铁集团工会' }) organisationName: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1,
    description: 'the place the award went by, counted as the results board counts it: among official contestants ranked (guests/特邀, DNS, DNF, DQ skipped), ties shared',
  })
  place: number | null;
  @ApiProperty({ example: 'first' }) awardCode: string;
  @ApiProperty({ example: '一等奖' }) awardName: string;
  @ApiProperty({ description: '1 is the highest' }) level: number;
  @ApiProperty({ nullable: true, type: String, example: '技术能手' }) title: string | null;
  @ApiProperty({ nullable: true, type: String, example: '5000.00', description: 'yuan for this person, exact decimal text; null without prize money' }) prizeMoney: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'paid', 'cancelled'] }) paymentStatus: string;
  @ApiProperty({ nullable: true, type: String, example: 'ZS2026-000123', description: 'the certificate serial' }) serial: string | null;
  @ApiProperty({ example: '3kT9qZ0bX1yW2vU4sR6pQa', description: "what the certificate's QR code carries; GET /api/v1/verify/{verifyCode}" }) verifyCode: string;
  @ApiProperty({ example: 'https://example.cn/api/v1/verify/3kT9qZ0bX1yW2vU4sR6pQa' }) verifyUrl: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ example: '2026-05-20', description: 'the Beijing calendar day printed on the certificate' }) grantedOn: string;
  @ApiProperty({ example: '2026-05-20T09:30:00.000+08:00', description: 'ISO 8601 with the Beijing offset' }) grantedAt: string;
}

export class AwardListDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ example: '全市职工电工技能竞赛' }) eventName: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the list of every item of the event' }) itemId: number | null;
  @ApiProperty({ nullable: true, type: String }) itemName: string | null;
  @ApiProperty({ type: [AwardListEntryDto], description: 'by item, then award level, then place' }) awards: AwardListEntryDto[];
}
