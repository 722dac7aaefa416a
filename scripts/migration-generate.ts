import { loadConfig } from '@app/config';
import { freshMigratedDataSource } from '@app/composition';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a migration with the SQL that brings the database from the committed
 * migrations to the current entities, the way `typeorm migration:generate`
 * does. Runs against a scratch database so a developer's data is never touched.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  const config = loadConfig({ ...process.env, DB_NAME: `${loadConfig().DB_NAME}_migration_scratch` });
  const ds = await freshMigratedDataSource(config);
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (!sql.upQueries.length) {
      console.log('entities and migrations agree: nothing to generate');
      return;
    }
    const ts = Date.now();
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = [...sql.downQueries].reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const file = join(__dirname, '..', '..', 'libs', 'database', 'src', 'migrations', `${ts}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`wrote ${file}; add ${name}${ts} to libs/database/src/migrations/index.ts`);
  } finally {
    await ds.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``).catch(() => undefined);
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
