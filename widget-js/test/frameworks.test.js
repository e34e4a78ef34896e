/**
 * The React and Vue typings as the frameworks' compilers see them. test/react.tsx and test/vue.ts
 * compile in `tsc -p test` (with @ts-expect-error for what must fail); here vue-tsc compiles real
 * single-file components (test/vue/), and both compilers must reject a wrongly typed handler: a
 * declaration that accepted any handler would pass every positive test.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

/** Runs a compiler and returns its exit code and its errors as `file(line) TSxxxx`. */
function compile(script, project) {
  try {
    execFileSync(process.execPath, [script, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, errors: [] };
  } catch (e) {
    return { code: e.status, errors: e.stdout.split('\n').filter((l) => /error TS\d+/.test(l)).map((l) => l.replace(/,\d+\): error (TS\d+):.*/, ') $1')) };
  }
}

test('vue-tsc accepts both elements in templates and rejects exactly the wrongly typed handler', () => {
  const { code, errors } = compile('scripts/vue-tsc.cjs', 'test/vue');
  expect(errors).toEqual(['test/vue/WrongHandler.vue(10) TS2322']);
  expect(code).not.toBe(0);
}, 120_000);

test('tsc rejects a wrongly typed handler in TSX', () => {
  const { code, errors } = compile('node_modules/typescript/bin/tsc', 'test/react-fail');
  expect(errors).toEqual(['test/react-fail/WrongHandler.tsx(8) TS2322']);
  expect(code).not.toBe(0);
}, 60_000);
