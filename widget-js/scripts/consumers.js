// The consumer check, run by `npm test` after the unit tests (alone: `npm run test:consumers`): from
// the tarball that `npm pack` builds, three small apps in test/consumers/ (Vite + TypeScript, React 19
// TSX, a Vue 3 SFC) each install the package into a temporary copy, with their own dependencies as
// their lock files pin them, then type-check (tsc; vue-tsc for Vue, on TypeScript 6, whose JavaScript
// API vue-tsc needs) and build with Vite. Each uses both elements and their events as the README
// shows; the wrongly typed handlers that must fail are checked by test/frameworks.test.js.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const projects = readdirSync(join(root, 'test/consumers'));
const npmCli = process.env.npm_execpath;
const npm = (args, cwd) =>
  npmCli && /npm-cli\.js$/.test(npmCli)
    ? run(process.execPath, [npmCli, ...args], { cwd, maxBuffer: 1 << 26 })
    : run('npm', args, { cwd, maxBuffer: 1 << 26 });

/** Runs one step, printing its output only when it fails. */
async function step(name, promise) {
  const start = Date.now();
  try {
    const { stdout } = await promise;
    console.log(`ok   ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    return stdout;
  } catch (e) {
    console.error(`FAIL ${name}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    throw new Error(`${name} failed`, { cause: e });
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'asyncops-consumers-'));
const started = Date.now();
try {
  const packed = JSON.parse(await step('npm pack', npm(['pack', '--json', '--pack-destination', tmp], root)));
  const tarball = join(tmp, packed[0].filename);
  const results = await Promise.allSettled(
    projects.map(async (project) => {
      const dir = join(tmp, project);
      cpSync(join(root, 'test/consumers', project), dir, { recursive: true });
      await step(`${project}: npm install`, npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir));
      await step(`${project}: type-check`, npm(['run', 'typecheck'], dir));
      await step(`${project}: vite build`, npm(['run', 'build'], dir));
    }),
  );
  const failed = results.filter((r) => r.status === 'rejected');
  console.log(`${projects.length - failed.length} of ${projects.length} consumers passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed.length) process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
