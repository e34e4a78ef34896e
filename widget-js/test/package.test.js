/**
 * The package as published: metadata, the version in step with Maven, the tarball's files, the
 * runtime API against the declarations tsc generates from the sources (types.ts, react.tsx and
 * vue.ts check the types themselves), the custom elements manifest, and imports without a DOM.
 * The pretest script has generated types/, dist/ and custom-elements.json; run through `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));

test('the npm version equals the Maven version', () => {
  const parent = read('pom.xml').match(/<parent>[\s\S]*?<version>(.+?)<\/version>/)[1];
  expect(pkg.version).toBe(parent);
  expect(JSON.parse(read('package-lock.json')).version).toBe(parent);
});

test('says where it comes from, under the project licence', () => {
  expect(pkg.license).toBe('Apache-2.0');
  expect(read('LICENSE')).toBe(read('../LICENSE'));
  expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/asyncops/asyncops.git', directory: 'widget-js' });
  expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/asyncops\/asyncops\//);
  expect(pkg.bugs.url).toBe('https://github.com/asyncops/asyncops/issues');
});

test('has no runtime dependencies and only the define files have side effects', () => {
  expect(pkg.dependencies).toBeUndefined();
  expect(pkg.type).toBe('module');
  expect(pkg.sideEffects).toEqual(['./src/define.js', './src/operations-define.js', './src/console-define.js', './dist/asyncops-widget.min.js']);
});

test('every export has its types and its files exist', () => {
  expect(Object.keys(pkg.exports)).toEqual([
    '.', './define', './operations', './operations/define', './console', './console/define', './react', './vue', './custom-elements.json', './package.json',
  ]);
  for (const entry of ['.', './define', './operations', './operations/define', './console', './console/define']) expect(Object.keys(pkg.exports[entry])).toEqual(['types', 'default']);
  for (const entry of ['./react', './vue']) expect(Object.keys(pkg.exports[entry])).toEqual(['types']);
  const files = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
  for (const file of files) expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
});

test('the tarball holds the sources, generated types, typings, ready file, manifest and licence, nothing else', () => {
  const [{ files }] = JSON.parse(execFileSync(process.execPath, [process.env.npm_execpath, 'pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
  const paths = files.map((f) => f.path).sort();
  const modules = ['client', 'common', 'console', 'console-define', 'console-filters', 'console-texts', 'console-view', 'define', 'element', 'index', 'messages', 'operations', 'operations-define', 'texts', 'time'];
  expect(paths).toEqual(
    [
      'LICENSE', 'README.md', 'package.json', 'custom-elements.json', 'dist/asyncops-widget.min.js',
      ...modules.map((m) => `src/${m}.js`), ...modules.map((m) => `types/${m}.d.ts`),
      ...['attributes', 'console', 'console-define', 'define', 'index', 'operations', 'operations-define', 'react', 'tags', 'vue'].map((t) => `typings/${t}.d.ts`),
    ].sort(),
  );
});

/** What a generated .d.ts declares: exported values, and the members of each exported class. */
function declared(file) {
  const text = read(`types/${file}.d.ts`);
  const values = [...text.matchAll(/^export declare (?:class|const) (\w+)/gm)].map((m) => m[1]);
  for (const m of text.matchAll(/^export \{ ([^}]+) \} from/gm)) values.push(...m[1].split(', '));
  const classes = {};
  for (const m of text.matchAll(/^export declare class (\w+).*\{\n([\s\S]*?)^\}/gm)) {
    const members = [...m[2].matchAll(/^ {4}(?:static |readonly |get |set )*([a-zA-Z]\w*)[?(:<]/gm)].map((x) => x[1]);
    classes[m[1]] = [...new Set(members)].filter((n) => n !== 'constructor').sort();
  }
  return { values: values.sort(), classes };
}

/** A class's own public members at run time, static ones included. */
const members = (cls) =>
  [...Object.getOwnPropertyNames(cls.prototype), ...Object.getOwnPropertyNames(cls).filter((n) => !['length', 'name', 'prototype'].includes(n))]
    .filter((n) => n !== 'constructor')
    .sort();

test('the runtime API is the one the generated declarations describe', async () => {
  const api = await import('../src/index.js');
  expect(Object.keys(api).sort()).toEqual(declared('index').values);
  const client = declared('client').classes;
  // Instance fields are not on the prototype: compare them with a live instance.
  const op = new api.BackgroundOperation({ url: 'https://app.test/x', resume: false });
  expect([...new Set([...members(api.BackgroundOperation), ...Object.keys(op)])].sort()).toEqual(client.BackgroundOperation);
  op.destroy();
  const error = new api.OperationError('m', 'network');
  expect(Object.keys(error).sort()).toEqual(client.OperationError);
  const element = declared('element');
  const attributes = [...read('types/element.d.ts').match(/export type BackgroundOperationBarAttributes = \{([\s\S]*?)\};/)[1].matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
  const runtime = members(api.BackgroundOperationBar);
  expect(runtime).toEqual([...element.classes.BackgroundOperationBar, ...attributes].sort());
  expect(api.BackgroundOperationBar.observedAttributes.sort()).toEqual([...attributes].sort());
  expect(Object.keys(api.ru)).toEqual(Object.keys(api.en));
});

test('the operations entry exports the list and its texts, nothing of the bar, as its declarations say', async () => {
  const api = await import('../src/operations.js');
  expect(Object.keys(api).sort()).toEqual(declared('operations').values);
  expect(Object.keys(api).sort()).toEqual(['BackgroundOperations', 'listEn', 'listRu']);
  expect(Object.keys(api.listRu)).toEqual(Object.keys(api.listEn));
  const list = declared('operations').classes.BackgroundOperations;
  expect(list).toContain('operations');
  const attributes = [...read('types/operations.d.ts').match(/export type BackgroundOperationsAttributes = \{([\s\S]*?)\};/)[1].matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
  expect(attributes.sort()).toEqual(['interval', 'label', 'limit', 'notify', 'omit', 'type', 'url']);
  expect(members(api.BackgroundOperations)).toEqual([...list.filter((n) => n !== 'operations'), ...attributes].sort());
  expect(api.BackgroundOperations.observedAttributes.sort()).toEqual(attributes);
});

test('the console entry exports the console and its texts, nothing of the bar or the list, as its declarations say', async () => {
  const api = await import('../src/console.js');
  expect(Object.keys(api).sort()).toEqual(declared('console').values);
  expect(Object.keys(api).sort()).toEqual(['BackgroundOperationsConsole', 'consoleEn', 'consoleRu']);
  expect(Object.keys(api.consoleRu)).toEqual(Object.keys(api.consoleEn));
  const declaredMembers = declared('console').classes.BackgroundOperationsConsole;
  const attributes = [...read('types/console.d.ts').match(/export type BackgroundOperationsConsoleAttributes = \{([\s\S]*?)\};/)[1].matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
  expect(attributes.sort()).toEqual(['limit', 'url']);
  const fields = ['operations', 'summary'];
  expect(declaredMembers).toEqual(expect.arrayContaining(fields));
  expect(members(api.BackgroundOperationsConsole)).toEqual([...declaredMembers.filter((n) => !fields.includes(n)), ...attributes].sort());
  expect(api.BackgroundOperationsConsole.observedAttributes.sort()).toEqual(attributes);
});

test('the custom elements manifest describes all three elements and package.json names it', async () => {
  const { BackgroundOperationBar: pkgBar } = await import('../src/element.js');
  const { BackgroundOperations: pkgList } = await import('../src/operations.js');
  const { BackgroundOperationsConsole: pkgConsole } = await import('../src/console.js');
  expect(pkg.customElements).toBe('custom-elements.json');
  const manifest = JSON.parse(read('custom-elements.json'));
  const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
  expect(elements.map((d) => [d.name, d.tagName])).toEqual([
    ['BackgroundOperationBar', 'background-operation-bar'],
    ['BackgroundOperations', 'background-operations'],
    ['BackgroundOperationsConsole', 'background-operations-console'],
  ]);
  const [bar, list, admin] = elements;
  expect(admin.attributes.map((a) => a.name)).toEqual(['url', 'limit', 'error']);
  expect(admin.cssParts.map((p) => p.name)).toContain('cause');
  expect(bar.attributes.map((a) => a.name)).toEqual(['url', 'interval', 'label', 'text', 'value', 'transport', 'params', 'omit', 'state', 'error', 'stalled']);
  expect(bar.events.map((e) => e.name)).toEqual(['operation-update', 'operation-end', 'operation-error']);
  expect(bar.cssParts.map((p) => p.name)).toEqual(['label', 'percent', 'bar', 'fill', 'text', 'time']);
  expect(list.attributes.map((a) => a.name)).toEqual(['url', 'type', 'limit', 'interval', 'label', 'omit', 'notify', 'error', 'polling']);
  // Every reflected attribute is in the manifest; the rest are the ones the elements set themselves.
  expect(bar.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(pkgBar.observedAttributes));
  expect(list.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(pkgList.observedAttributes));
  for (const [element, cls] of [[bar, pkgBar], [list, pkgList], [admin, pkgConsole]]) {
    for (const name of cls.observedAttributes) {
      expect(element.attributes.find((a) => a.name === name).fieldName, name).toBe(name);
      expect(element.members.find((m) => m.name === name), name).toMatchObject({ kind: 'field', attribute: name, reflects: true });
    }
  }
  expect(list.events.map((e) => e.name)).toEqual(['operation-end']);
});

test('imports without a DOM, as under SSR, and define does nothing there', async () => {
  expect(globalThis.customElements).toBeUndefined();
  const api = await import('../src/define.js');
  expect(typeof api.BackgroundOperationBar.define).toBe('function');
  const list = await import('../src/operations-define.js');
  expect(typeof list.BackgroundOperations.define).toBe('function');
  const admin = await import('../src/console-define.js');
  expect(typeof admin.BackgroundOperationsConsole.define).toBe('function');
});
