import { coordinatesProblem } from './coordinates';

describe('checkpoint coordinates', () => {
  it('takes both or neither', () => {
    expect(coordinatesProblem({})).toBeNull();
    expect(coordinatesProblem({ latitude: 30.3199, longitude: 120.1426 })).toBeNull();
    expect(coordinatesProblem({ latitude: 30.3199, longitude: null })).toEqual({ field: 'longitude', message: '经纬度须同时填写或同时留空' });
    expect(coordinatesProblem({ longitude: 120.1426 })?.field).toBe('latitude');
  });

  it('keeps degrees within WGS-84 ranges, ends included', () => {
    expect(coordinatesProblem({ latitude: -90, longitude: 180 })).toBeNull();
    expect(coordinatesProblem({ latitude: 90.000001, longitude: 120 })?.field).toBe('latitude');
    expect(coordinatesProblem({ latitude: 30, longitude: -180.5 })?.field).toBe('longitude');
  });
});
