import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineKey, foreignTables, libFiles, migrationTables, READ_SIDE_LIB, tableOwners } from './table-ownership';

const ROOT = join(__dirname, '..', '..');
const BASELINE = join(__dirname, 'sql-ownership-baseline.txt');

function baseline(): Set<string> {
  const lines = readFileSync(BASELINE, 'utf8').split('\n').map((l) => l.trim());
  return new Set(lines.filter((l) => l && !l.startsWith('#')));
}

describe('each context owns its tables', () => {
  const found = foreignTables(ROOT);

  it('every table the migrations create has an entity, so it has an owner', () => {
    const files = libFiles(ROOT);
    const owners = tableOwners(files);
    expect([...migrationTables(files)].filter((t) => !owners.has(t))).toEqual([]);
  });

  it(`no lib's SQL names another lib's table (the read side, libs/${READ_SIDE_LIB}, may) beyond the baseline`, () => {
    const known = baseline();
    const leaks = found.filter((f) => !known.has(baselineKey(f)));
    if (leaks.length) {
      throw new Error(
        `${leaks.length} SQL reference(s) to a table another lib owns; ask the owner for a read port from its index.ts instead:\n` +
          leaks.map((f) => `${f.file}:${f.line} ${f.table} (${f.owner})`).join('\n'),
      );
    }
  });

  it('the baseline lists only references the code still has', () => {
    const current = new Set(found.map(baselineKey));
    const stale = [...baseline()].filter((line) => !current.has(line));
    if (stale.length) {
      throw new Error(`remove these lines from the baseline (${BASELINE.slice(ROOT.length + 1)}), the code no longer has them:\n${stale.join('\n')}`);
    }
  });
});
