import { openApiProblems } from '../../apps/api/src/http/openapi-rules';
import { openDatabase } from './support/stack';
import { http } from './support/world';

describe('platform', () => {
  it('reports MySQL and Redis healthy', async () => {
    const res = await http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ mysql: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await http().get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/events', '/api/v1/items/{itemId}/marks', '/api/v1/items/{itemId}/results']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    // What a generated client needs, on the document the running API serves (apps/api/src/http/openapi-rules.ts).
    expect(openApiProblems(doc.body)).toEqual([]);
    const page = await http().get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('entities and migrations agree (fails on schema drift)', async () => {
    const ds = await openDatabase();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('stores and returns Chinese text intact (utf8mb4, including characters outside the BMP)', async () => {
    const ds = await openDatabase();
    try {
      const [db] = await ds.query('SELECT @@character_set_database AS cs, @@collation_database AS co');
      expect(db).toEqual({ cs: 'utf8mb4', co: 'utf8mb4_unicode_ci' });
      const res = await ds.query("SELECT name FROM organisations WHERE id = 1");
      expect(res[0].name).toBe('杭州市总工会');
    } finally {
      await ds.destroy();
    }
  });
});
