import { localBase, startBanner } from './start-banner';

const account = (username: string) => ({ username, password: 'Longjing-tea-demo-2026', realName: '王丽华', role: 'organizer' as const, organisation: '拱墅区总工会' });

describe('the start banner', () => {
  it('points a person on this machine at localhost when the API listens on every interface', () => {
    expect(localBase({ HTTP_HOST: '0.0.0.0', HTTP_PORT: 3000 })).toBe('http://localhost:3000');
    expect(localBase({ HTTP_HOST: '127.0.0.1', HTTP_PORT: 4910 })).toBe('http://127.0.0.1:4910');
    expect(localBase({ HTTP_HOST: '::1', HTTP_PORT: 3000 })).toBe('http://[::1]:3000');
  });

  it('says where the API, its document, the health check and the queue board are, and the demo accounts made just now', () => {
    const banner = startBanner({ HTTP_HOST: '0.0.0.0', HTTP_PORT: 3000 }, [account('organizer'), account('judge1')]);
    for (const url of ['http://localhost:3000/api/v1', 'http://localhost:3000/docs', 'http://localhost:3000/health', 'http://localhost:3000/admin/queues']) {
      expect(banner).toContain(url);
    }
    expect(banner).toMatch(/ {2}organizer {4}Longjing-tea-demo-2026 {2}organizer/);
    expect(banner.split('\n').length).toBeLessThanOrEqual(30);
  });

  it('names the accounts without passwords on a later start, and how to get new ones', () => {
    const banner = startBanner({ HTTP_HOST: '0.0.0.0', HTTP_PORT: 3000 }, null);
    expect(banner).not.toContain('Longjing');
    expect(banner).toContain('npm run demo:reset');
  });
});
