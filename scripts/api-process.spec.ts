import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENV, API_NODE_ARGS, API_SCRIPT } from './api-process';

describe('the API process settings', () => {
  it('are the ones `npm run start:api` starts the API with', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const env = Object.entries(API_ENV).map(([k, v]) => `${k}=${v}`);
    expect(pkg.scripts['start:api']).toBe([...env, 'node', ...API_NODE_ARGS, `dist/${API_SCRIPT}`].join(' '));
  });
});
