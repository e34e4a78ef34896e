// `npm pack` and `npm publish` run this first. The tarball holds files that the dev dependencies
// generate (types/, dist/, custom-elements.json); on a fresh checkout those are not installed yet,
// and the build failed with ERR_MODULE_NOT_FOUND. So install them from the lockfile first (what
// `npm ci` would install, without install scripts), then build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = ['typescript', 'esbuild', '@custom-elements-manifest/analyzer'];
if (!tools.every((tool) => existsSync(`node_modules/${tool}/package.json`))) {
  const npm = process.env.npm_execpath;
  const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];
  // npm's own output goes to stderr, so that `npm pack --json` still prints only its JSON.
  const stdio = ['ignore', process.stderr, process.stderr];
  if (npm) execFileSync(process.execPath, [npm, ...args], { stdio });
  else execFileSync('npm', args, { stdio });
}
await import('./build.js');
