import { EventsService } from '@app/events';
import { RoutesService, ScansService, WalkersService } from '@app/hiking';
import type { Principal } from '@app/identity';
import { RegistrationService, RegistrationSettingsService } from '@app/registration';
import type { INestApplicationContext } from '@nestjs/common';

/** The Grand Canal's heritage sites in walking order, Wulinmen pier to Tangqi old town. */
export const CANAL_CHECKPOINTS = [
  '武林门码头',
  '富义仓',
  '香积寺',
  '大兜路历史街区',
  '拱宸桥',
  '小河直街',
  '桥西历史街区',
  '运河文化广场',
  '中国京杭大运河博物馆',
  '杭州工艺美术博物馆',
  '通益公纱厂旧址',
  '乾隆御碑',
  '广济桥',
  '水北街',
  '塘栖古镇',
];

/** Where they are, WGS-84 degrees (approximate), so the safety board draws the route on a map. */
const CANAL_COORDINATES: [number, number][] = [
  [30.2780, 120.1570], // 武林门码头
  [30.2885, 120.1560], // 富义仓
  [30.2960, 120.1525], // 香积寺
  [30.2990, 120.1510], // 大兜路历史街区
  [30.3199, 120.1426], // 拱宸桥
  [30.3085, 120.1440], // 小河直街
  [30.3185, 120.1405], // 桥西历史街区
  [30.3215, 120.1440], // 运河文化广场
  [30.3225, 120.1450], // 中国京杭大运河博物馆
  [30.3170, 120.1400], // 杭州工艺美术博物馆
  [30.3160, 120.1410], // 通益公纱厂旧址
  [30.4830, 120.1950], // 乾隆御碑
  [30.4850, 120.1920], // 广济桥
  [30.4855, 120.1935], // 水北街
  [30.4840, 120.1960], // 塘栖古镇
];

const KM = 2000; // 28 km in 14 segments

/**
 * The demo's walk: 大运河职工毅行, one 28 km route of 15 checkpoints, started two hours ago; three
 * teams of two (one per enterprise union) out on the course, scanned by the checkpoint staff
 * through the same services the API uses, so the safety board has something to show.
 */
export async function seedHiking(app: INestApplicationContext, asOrganizer: Principal, districtId: number, staff: Principal, contestants: Principal[]): Promise<void> {
  const events = app.get(EventsService);
  const event = await events.create(asOrganizer, { organisationId: districtId, kind: 'hiking', name: '2026大运河职工毅行' });
  const item = await events.addItem(asOrganizer, event.id, '28公里毅行（团队）');
  const settings = app.get(RegistrationSettingsService);
  await settings.configureItem(asOrganizer, item.id, { entryType: 'team', teamMin: 2, teamMax: 6 });
  await settings.configureEvent(asOrganizer, event.id, { autoApprove: true, bibPrefix: 'YX' });
  await events.move(asOrganizer, event.id, 'registration_open');
  const teams = ['汽轮毅行队', '顺丰快递毅行队', '运河文化毅行队'];
  for (const [t, name] of teams.entries()) {
    const [captain, mate] = [contestants[t * 2], contestants[t * 2 + 1]];
    await app.get(RegistrationService).register(asOrganizer, item.id, { teamName: name, memberIds: [captain.userId, mate.userId], captainId: captain.userId });
  }
  await events.move(asOrganizer, event.id, 'registration_closed');
  await events.move(asOrganizer, event.id, 'in_progress');

  const routes = app.get(RoutesService);
  const gun = Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000;
  const route = await routes.create(asOrganizer, item.id, { distanceM: 28_000, referenceStartAt: new Date(gun), teamMin: 2, teamMax: 6 });
  const { checkpoints } = await routes.setCheckpoints(
    asOrganizer,
    route.id,
    CANAL_CHECKPOINTS.map((name, i) => ({ name, distanceM: i * KM, location: `京杭大运河杭州段第${i + 1}站`, latitude: CANAL_COORDINATES[i][0], longitude: CANAL_COORDINATES[i][1] })),
  );
  const wave = await routes.addWave(asOrganizer, route.id, { name: '第一批（18:00 出发）', startsAt: new Date(gun) });
  const walkers = app.get(WalkersService);
  await walkers.enrol(asOrganizer, route.id, wave.id);
  for (const cp of checkpoints) await walkers.assignStaff(asOrganizer, cp.id, staff.userId);
  const list = await walkers.list(asOrganizer, route.id);
  // Team by team a different pace (12, 14, 16 min per 2 km): the first team is at the eleventh checkpoint.
  const scans = list.flatMap((w, i) => {
    const pace = (12 + 2 * Math.floor(i / 2)) * 60_000;
    const reached = Math.min(14, Math.floor((Date.now() - gun) / pace));
    return Array.from({ length: reached + 1 }, (_, k) => ({
      clientScanId: `demo-${w.id}-${k}`,
      checkpointId: checkpoints[k].id,
      direction: k === 0 ? ('out' as const) : ('in' as const),
      deviceAt: new Date(gun + k * pace + (i % 2) * 20_000),
      walkerId: w.id,
    }));
  });
  await app.get(ScansService).upload(staff, event.id, { deviceId: 'demo-pad-1', deviceNow: new Date(), scans });
}
