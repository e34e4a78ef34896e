// Everything `npm test` and `npm pack` need, generated from src/: the declarations (tsc reads the
// JSDoc), the ready file (esbuild) and custom-elements.json (the analyzer reads the element's JSDoc).
// Tools run with this Node directly, so the build does not depend on which npm is on the PATH.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { ready } from './bundle.js';

const run = (script, ...args) => execFileSync(process.execPath, [script, ...args], { stdio: ['ignore', 2, 2] });

run('node_modules/typescript/bin/tsc', '-p', '.');
await build(ready);
run('node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet');
