import { AppConfig } from '@app/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (path: string) => readFileSync(join(__dirname, '..', path), 'utf8');
const TOUR_START = '# The tour';

/** The fenced block that follows the README's comment naming the replay script. */
function readmeTour(readme: string): string {
  const marker = readme.indexOf('<!-- The block below is scripts/demo-replay.sh');
  const open = readme.indexOf('```bash\n', marker) + '```bash\n'.length;
  return readme.slice(open, readme.indexOf('\n```', open) + 1);
}

describe('README', () => {
  const readme = read('README.md');

  it('shows the guided tour exactly as scripts/demo-replay.sh runs it', () => {
    const script = read('scripts/demo-replay.sh');
    expect(readme).toContain('<!-- The block below is scripts/demo-replay.sh');
    expect(readmeTour(readme)).toBe(script.slice(script.indexOf(TOUR_START)));
  });

  it('says how to run and test the platform', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });

  it('lists every configuration variable', () => {
    const missing = Object.keys(new AppConfig()).filter((key) => !readme.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });
});
