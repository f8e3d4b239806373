#!/usr/bin/env node
// The `yanxun` command line (npx yanxun … from the repository root). Runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
