import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives local defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.DB_HOST).toBe('127.0.0.1');
    expect(c.DB_PORT).toBe(3306);
    expect(c.DB_USER).toBe('root');
    expect(c.DB_PASSWORD).toBe('');
    expect(c.REDIS_PORT).toBe(6379);
    expect(c.HTTP_PORT).toBe(3000);
  });

  it('parses numbers from strings', () => {
    expect(loadConfig({ HTTP_PORT: '8080', DB_PORT: '3307' })).toMatchObject({ HTTP_PORT: 8080, DB_PORT: 3307 });
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ HTTP_PORT: 'abc', NODE_ENV: 'staging' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/NODE_ENV[\s\S]*HTTP_PORT|HTTP_PORT[\s\S]*NODE_ENV/) }),
    );
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-0123456789', PII_KEY: 'another-real-key-0123456789' }),
    ).not.toThrow();
  });

  it('takes a map tile template with {z}, {x} and {y}, and lets pages load images from its host', () => {
    expect(loadConfig({}).cspImgOrigins).toEqual([]);
    const tiles = loadConfig({ HIKING_MAP_TILES: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png', CSP_IMG_ORIGINS: 'https://img.example.cn' });
    expect(tiles.cspImgOrigins).toEqual(['https://img.example.cn', 'https://*.tiles.example.cn']);
    expect(() => loadConfig({ HIKING_MAP_TILES: 'https://tiles.example.cn/{z}/{x}.png' })).toThrow(/HIKING_MAP_TILES/);
    expect(() => loadConfig({ HIKING_MAP_TILES: 'tiles/{z}/{x}/{y}.png' })).toThrow(/HIKING_MAP_TILES/);
  });

  it('runs one worker process per core, at most 4, unless told how many', () => {
    expect(loadConfig({}).workerProcesses).toBe(Math.min(availableParallelism(), 4));
    expect(loadConfig({ WORKER_PROCESSES: '1' }).workerProcesses).toBe(1);
    expect(loadConfig({ WORKER_PROCESSES: '6' }).workerProcesses).toBe(6);
  });
});
