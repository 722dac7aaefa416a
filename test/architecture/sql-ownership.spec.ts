import { join } from 'node:path';
import { foreignTables, libFiles, migrationTables, READ_SIDE_LIB, tableOwners } from './table-ownership';

const ROOT = join(__dirname, '..', '..');

describe('each context owns its tables', () => {
  it('every table the migrations create has an entity, so it has an owner', () => {
    const files = libFiles(ROOT);
    const owners = tableOwners(files);
    expect([...migrationTables(files)].filter((t) => !owners.has(t))).toEqual([]);
  });

  it(`no lib's SQL names another lib's table (the read side, libs/${READ_SIDE_LIB}, may)`, () => {
    const leaks = foreignTables(ROOT);
    if (leaks.length) {
      throw new Error(
        `${leaks.length} SQL reference(s) to a table another lib owns; ask the owner for a read port from its index.ts instead:\n` +
          leaks.map((f) => `${f.file}:${f.line} ${f.table} (${f.owner})`).join('\n'),
      );
    }
  });
});
