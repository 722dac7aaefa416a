import { ApiProperty } from '@nestjs/swagger';

export class VerificationDto {
  @ApiProperty({ nullable: true, type: String, example: 'ZS2026-000123' }) serial: string | null;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ example: '一等奖' }) awardName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) eventName: string | null;
  @ApiProperty({ nullable: true, type: String }) itemName: string | null;
  @ApiProperty({ example: '杭州市总工会' }) issuer: string;
  @ApiProperty({ example: '2026-05-20', description: 'the Beijing calendar day printed on the certificate' }) grantedOn: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-01T14:05:00.000+08:00', description: 'ISO 8601 with the Beijing offset; null unless revoked' }) revokedAt: string | null;
}
