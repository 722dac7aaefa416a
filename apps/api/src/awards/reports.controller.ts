import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('awards')
@Controller({ version: '1' })
export class ReportsController {}
