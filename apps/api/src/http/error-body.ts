import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailBody {
  @ApiProperty({ nullable: true, type: String, example: 'roles[0].role', description: "the field's path, or null when the problem is the state of a thing" })
  field: string | null;
  @ApiProperty({ example: 'IS_IN' }) code: string;
  @ApiProperty({ example: 'roles[0].role 必须是以下之一：admin, organizer' }) message: string;
  [fact: string]: unknown;
}

/** The one shape of every failure the API returns; messages in Chinese, or English with Accept-Language: en. */
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'machine-readable code' }) code: string;
  @ApiProperty({ example: '请求参数无效：name 不能为空' }) message: string;
  @ApiProperty({ type: [ErrorDetailBody], description: 'one entry per problem; empty when the message says it all' }) details: ErrorDetailBody[];
  @ApiPropertyOptional({ description: 'quote this id when reporting a server error' }) errorId?: string;
}
