import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every failure the API returns. */
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'machine-readable code' }) code: string;
  @ApiProperty({ example: '请求参数无效：name 不能为空' }) message: string;
  @ApiPropertyOptional({ description: 'field-level details, when there are any' }) details?: unknown;
  @ApiPropertyOptional({ description: 'quote this id when reporting a server error' }) errorId?: string;
}
