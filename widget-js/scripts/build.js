import { build } from 'esbuild';
import { ready } from './bundle.js';

await build(ready);
