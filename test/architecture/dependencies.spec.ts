import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

interface Outcome {
  modules: number;
  dependencies: number;
  throughIndex: number;
  violations: { rule: string; from: string; to: string; cycle?: string[] }[];
}

const ROOT = join(__dirname, '..', '..');

/** One line per broken rule: what imports what, and for a cycle the whole way round. */
function describeViolations(violations: Outcome['violations']): string {
  return violations
    .map((v) => (v.cycle?.length ? `${v.rule}: ${[v.from, ...v.cycle].join(' → ')}` : `${v.rule}: ${v.from} → ${v.to}`))
    .join('\n');
}

describe('import rules (.dependency-cruiser.cjs)', () => {
  let outcome: Outcome;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'cruise.mjs')], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    outcome = JSON.parse(stdout) as Outcome;
  }, 180_000);

  it('reads the whole code base and follows the @app aliases to the libs', () => {
    expect(outcome.modules).toBeGreaterThan(300);
    expect(outcome.throughIndex).toBeGreaterThan(100);
  });

  it('holds: no cycle, libs through their index.ts, libs below apps, config and the foundation libs import no context', () => {
    if (outcome.violations.length) {
      throw new Error(`${outcome.violations.length} import rule(s) broken (see .dependency-cruiser.cjs for why each rule is there):\n${describeViolations(outcome.violations)}`);
    }
  });
});
