// One app process of a multi-process bench (bench/support/app-processes.ts forks it with node:cluster).
// Plain JavaScript that registers the TypeScript loader, as bench/run.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./app-process-main.ts');
