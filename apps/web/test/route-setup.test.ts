import { describe, expect, it } from 'vitest';
import { cellErrors, checkpointsBody, kmOf, metresOf, moved, rowOf } from '../src/hike/route-setup';
import { fromBeijingInput, toBeijingInput } from '../src/time';

describe('Beijing times typed and shown', () => {
  it('reads a datetime-local value as Beijing time, whatever the device zone', () => {
    expect(fromBeijingInput('2026-05-16T19:00')).toBe('2026-05-16T11:00:00.000Z');
    expect(fromBeijingInput('2026-05-17T03:30:15')).toBe('2026-05-16T19:30:15.000Z');
    expect(fromBeijingInput('  ')).toBeNull();
    expect(fromBeijingInput('2026-05-16 19:00')).toBe('invalid');
    expect(fromBeijingInput('2026-13-40T19:00')).toBe('invalid');
  });

  it('shows an instant in Beijing time to the minute, midnight as 00', () => {
    expect(toBeijingInput('2026-05-16T11:00:59.900Z')).toBe('2026-05-16T19:00');
    expect(toBeijingInput('2026-05-16T16:00:00Z')).toBe('2026-05-17T00:00');
    expect(toBeijingInput(null)).toBe('');
  });
});

describe('checkpoints edited as a table', () => {
  const view = { id: 7, routeId: 1, seq: 1, name: '拱宸桥', distanceM: 5250, location: null, latitude: 30.3199, longitude: 120.1426, opensAt: '2026-05-16T11:00:00.000Z', arrivalCutoffAt: '2026-05-16T13:30:20.500Z', departureCutoffAt: null };

  it('shows metres as km and takes km back as whole metres', () => {
    expect(kmOf(5250)).toBe('5.25');
    expect(metresOf('5.25')).toBe(5250);
    expect(metresOf(' 12 ')).toBe(12000);
    expect(metresOf('0.0005')).toBeNull();
    expect(metresOf('五')).toBeNull();
    expect(metresOf('')).toBeNull();
  });

  it('sends metres, coordinates (blank as none) and each time as the instant typed in Beijing time', () => {
    const start = { ...rowOf(), name: ' 武林门码头 ', km: '0', opensAt: '2026-05-16T18:30' };
    const cp = { ...rowOf(view), arrivalCutoffAt: '2026-05-16T22:00', departureCutoffAt: '2026-05-16T22:15' };
    expect(checkpointsBody([start, cp])).toEqual({
      ok: true,
      checkpoints: [
        { name: '武林门码头', distanceM: 0, latitude: null, longitude: null, opensAt: '2026-05-16T10:30:00.000Z', arrivalCutoffAt: null, departureCutoffAt: null },
        // A saved checkpoint goes back with its id, a new one without.
        { id: 7, name: '拱宸桥', distanceM: 5250, latitude: 30.3199, longitude: 120.1426, opensAt: '2026-05-16T11:00:00.000Z', arrivalCutoffAt: '2026-05-16T14:00:00.000Z', departureCutoffAt: '2026-05-16T14:15:00.000Z' },
      ],
    });
  });

  it('sends a time left as it was exactly as the API gave it, seconds and all', () => {
    const body = checkpointsBody([rowOf(view)]);
    expect(body.ok && body.checkpoints[0].arrivalCutoffAt).toBe('2026-05-16T13:30:20.500Z');
  });

  it('sends one coordinate alone as typed, for the API to refuse by its field', () => {
    const body = checkpointsBody([{ ...rowOf(view), longitude: '' }]);
    expect(body.ok && [body.checkpoints[0].latitude, body.checkpoints[0].longitude]).toEqual([30.3199, null]);
  });

  it('names the first cell that is not a number or a time', () => {
    expect(checkpointsBody([rowOf(view), { ...rowOf(view), km: '5,2' }])).toEqual({ ok: false, row: 1, field: 'km' });
    expect(checkpointsBody([{ ...rowOf(view), latitude: '北纬30' }])).toEqual({ ok: false, row: 0, field: 'latitude' });
    expect(checkpointsBody([{ ...rowOf(view), departureCutoffAt: 'tomorrow' }])).toEqual({ ok: false, row: 0, field: 'departureCutoffAt' });
  });

  it('moves a row up or down, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it("maps the API's field errors to the cells they name", () => {
    const details = [
      { field: 'checkpoints[2].longitude', message: '请同时填写经度和纬度' },
      { field: 'checkpoints[3].distanceM', message: '打卡点距离必须逐个增加' },
      { field: 'checkpoints', message: '路线至少要有起点和终点两个打卡点' },
      { field: null, message: '—' },
    ];
    expect(cellErrors(details)).toEqual({ '2.longitude': '请同时填写经度和纬度', '3.km': '打卡点距离必须逐个增加' });
    expect(cellErrors(undefined)).toEqual({});
  });
});
