import { Injectable } from '@nestjs/common';

/** A person's record across events and years, and statistics per organisation subtree and year (being written). */
@Injectable()
export class ReportsService {}
