import { beijingTime, plainRows, sheetWithHeader, streamedWorkbook } from '@app/common';
import { streamRows } from '@app/database';
import { PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RouteAccess } from './route-access';

const STATUS: Record<string, string> = { registered: '已报名', started: '已出发', on_course: '行进中', finished: '完赛', withdrawn: '退出', timed_out: '超时', disqualified: '取消资格' };
const FLAG: Record<string, string> = { duplicate: '重复', off_route: '非本路线', out_of_order: '顺序异常', no_start_scan: '无出发记录', clock_skew: '设备时钟偏差', questionable: '存疑', team_incomplete: '队伍不完整' };

interface ScanRow {
  walkerId: number;
  seq: number;
  name: string;
  direction: string;
  deviceId: string;
  rawAt: Date;
  correctedAt: Date;
  counted: number;
  flags: string;
}

export interface HikingWorkbook {
  fileName: string;
  localName: string;
  body: Buffer;
}

/** A route's walkers and every scan as a workbook for the organizers; times in Beijing time, flags in Chinese. */
@Injectable()
export class HikingExport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly people: PeopleDirectory,
  ) {}

  async workbook(principal: Principal, routeId: number): Promise<HikingWorkbook> {
    const route = await this.access.organizerRoute(principal, routeId);
    const walkers: { id: number; userId: number; bib: string | null; status: string; lastSeq: number | null; lastScanAt: Date | null; dropReason: string | null; startedAt: Date | null }[] =
      await this.dataSource.query(
        `SELECT id, user_id AS userId, bib, status, last_checkpoint_seq AS lastSeq, last_scan_at AS lastScanAt, drop_reason AS dropReason, started_at AS startedAt
           FROM hiking_walkers WHERE route_id = ? ORDER BY bib, id`,
        [routeId],
      );
    const names = await this.people.people(walkers.map((w) => Number(w.userId)));
    const byId = new Map(walkers.map((w) => [Number(w.id), w]));
    const nameOf = (w: { userId: number } | undefined) => (w ? (names.get(Number(w.userId))?.realName ?? '') : '');
    const body = await streamedWorkbook(async (book) => {
      book.title = `${route.name} 扫码与成绩`;
      const people = sheetWithHeader(book, '队员', ['号码', '姓名', '状态', '最后打卡点', '最后打卡时间', '出发扫码时间', '退出原因']);
      const person = plainRows(people);
      for (const w of walkers) {
        await person([w.bib ?? '', nameOf(w), STATUS[w.status] ?? w.status, w.lastSeq ?? '', beijingTime(w.lastScanAt, 'second') ?? '', beijingTime(w.startedAt, 'second') ?? '', w.dropReason ?? '']);
      }
      people.commit();
      const sheet = sheetWithHeader(book, '扫码记录', ['号码', '姓名', '打卡点序号', '打卡点', '方向', '设备', '设备时间', '校正时间', '计入', '标记']);
      // A night's scans (600,000 on a big walk) are read as they are written into the sheet.
      const scans = streamRows<ScanRow>(
        this.dataSource,
        `SELECT s.walker_id AS walkerId, c.seq, c.name, s.direction, s.device_id AS deviceId, s.raw_at AS rawAt, s.corrected_at AS correctedAt, s.counted, s.flags
           FROM hiking_scans s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id JOIN hiking_walkers w ON w.id = s.walker_id
          WHERE w.route_id = ? ORDER BY s.corrected_at, s.id`,
        [routeId],
      );
      const scan = plainRows(sheet);
      for await (const s of scans) {
        const w = byId.get(Number(s.walkerId));
        const flags = s.flags ? s.flags.split(',').map((f) => FLAG[f] ?? f).join('、') : '';
        await scan([w?.bib ?? '', nameOf(w), Number(s.seq), s.name, s.direction === 'in' ? '进' : '出', s.deviceId, beijingTime(s.rawAt, 'second'), beijingTime(s.correctedAt, 'second'), Number(s.counted) ? '是' : '否', flags]);
      }
      sheet.commit();
    });
    return { fileName: `hiking-route-${routeId}.xlsx`, localName: `${route.name}-扫码与成绩.xlsx`, body };
  }
}
