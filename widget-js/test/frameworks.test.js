/**
 * The React and Vue typings as the frameworks' compilers see them. test/react.tsx and test/vue.ts
 * compile in `tsc -p test` (with @ts-expect-error for what must fail); here vue-tsc compiles real
 * single-file components (test/vue/), and both compilers must reject a wrongly typed handler: a
 * declaration that accepted any handler would pass every positive test. The README's TSX and Vue
 * examples are compiled alongside (written to *.generated.* files, which git ignores).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** The README's example in a fenced block of `lang`, which must compile as it stands. */
function example(lang) {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]);
  expect(blocks, `README.md has one ${lang} example`).toHaveLength(1);
  return blocks[0];
}

/** Runs a compiler and returns its exit code and its errors as `file(line) TSxxxx`. */
function compile(script, project) {
  try {
    execFileSync(process.execPath, [script, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, errors: [] };
  } catch (e) {
    return { code: e.status, errors: e.stdout.split('\n').filter((l) => /error TS\d+/.test(l)).map((l) => l.replace(/,\d+\): error (TS\d+):.*/, ') $1')) };
  }
}

test('vue-tsc accepts both elements in templates and the README example, and rejects exactly the wrongly typed handler', () => {
  writeFileSync(new URL('vue/Readme.generated.vue', import.meta.url), example('vue'));
  const { code, errors } = compile('scripts/vue-tsc.cjs', 'test/vue');
  expect(errors).toEqual(['test/vue/WrongHandler.vue(10) TS2322']);
  expect(code).not.toBe(0);
}, 120_000);

test('tsc accepts the README example and rejects a wrongly typed handler in TSX', () => {
  writeFileSync(new URL('tsx/Readme.generated.tsx', import.meta.url), example('tsx'));
  const { code, errors } = compile('node_modules/typescript/bin/tsc', 'test/tsx');
  expect(errors).toEqual(['test/tsx/WrongHandler.tsx(8) TS2322']);
  expect(code).not.toBe(0);
}, 60_000);
