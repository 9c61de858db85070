#!/usr/bin/env node
// The `motcua` command (npx motcua --help): operators' and scripts' entry point.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
