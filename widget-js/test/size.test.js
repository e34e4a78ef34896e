/**
 * The size budget of each entry, minified and gzipped, and the README's statement of it. ESM
 * entries are measured as UTF-8 (modules always are); the ready file escapes non-ASCII, so that a
 * page in another encoding still shows the Russian texts, and has a budget of its own.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { ready } from '../scripts/bundle.js';

const ESM = { bundle: true, minify: true, format: 'esm', charset: 'utf8' };

/** Entry, esbuild options and budget in bytes. */
const ENTRIES = [
  ['@asyncops/widget', { ...ESM, entryPoints: ['src/index.js'] }, 5632],
  ['@asyncops/widget/define', { ...ESM, entryPoints: ['src/define.js'] }, 5632],
  ['asyncops-widget.min.js', ready, 5888],
  ['@asyncops/widget/operations', { ...ESM, entryPoints: ['src/operations.js'] }, 5120],
  ['@asyncops/widget/operations/define', { ...ESM, entryPoints: ['src/operations-define.js'] }, 5120],
  ['@asyncops/widget/console', { ...ESM, entryPoints: ['src/console.js'] }, 8192],
  ['@asyncops/widget/console/define', { ...ESM, entryPoints: ['src/console-define.js'] }, 8192],
];

/** How far the README's size may lag behind the measured one, in bytes. */
const SLACK = 32;

async function gzipped(options) {
  const { outputFiles } = await build({ ...options, write: false });
  return gzipSync(outputFiles[0].contents).length;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test.each(ENTRIES)('%s stays within its budget, as the README says', async (entry, options, budget) => {
  const size = await gzipped(options);
  expect(size, `${entry} is ${size} B`).toBeLessThanOrEqual(budget);
  const row = readme.match(new RegExp(`^\\| \`${entry}\` \\| (\\d+) B \\| (\\d+) B \\|$`, 'm'));
  expect(row, `README.md has no size row for ${entry}`).not.toBeNull();
  expect(Number(row[2]), 'budget in README.md').toBe(budget);
  expect(Math.abs(Number(row[1]) - size), `README.md says ${row[1]} B, measured ${size} B`).toBeLessThanOrEqual(SLACK);
});
