// Jest's globalSetup runs outside Jest's module mapper, so the @app/* aliases are registered here.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';

register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: { '@app/config': ['config/index.ts'], '@app/config/*': ['config/*'], '@app/*': ['libs/*/src/index.ts'] },
});
