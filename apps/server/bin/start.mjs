#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built yet, then runs the server (TypeScript via tsx).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
if (!existsSync(webIndex) && process.env.SKIP_WEB_BUILD !== '1') {
  console.log('Đang build giao diện web / building the web app (first start only)…');
  // Always a production build: an inherited NODE_ENV (vitest sets "test") would ship React's and antd's
  // slow development builds to users.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@motcua/web'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
register();
await import('../src/main.ts');
