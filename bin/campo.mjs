#!/usr/bin/env node
// The `campo` command: runs src/main/cli.ts through tsx, so the CLI is always the current source.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
