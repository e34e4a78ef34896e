/**
 * The package as published: metadata, the version in step with Maven, the runtime API that the
 * .d.ts files describe (types.ts checks the types themselves), and imports without a DOM (SSR).
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));

test('the npm version equals the Maven version', () => {
  const parent = read('pom.xml').match(/<parent>[\s\S]*?<version>(.+?)<\/version>/)[1];
  expect(pkg.version).toBe(parent);
  expect(JSON.parse(read('package-lock.json')).version).toBe(parent);
});

test('has no runtime dependencies and only the define files have side effects', () => {
  expect(pkg.dependencies).toBeUndefined();
  expect(pkg.type).toBe('module');
  expect(pkg.sideEffects).toEqual(['./src/define.js', './src/operations-define.js', './dist/asyncops-widget.min.js']);
});

test('every export has its types and its files exist', () => {
  expect(Object.keys(pkg.exports)).toEqual(['.', './define', './operations', './operations/define', './package.json']);
  for (const entry of ['.', './define', './operations', './operations/define'].map((name) => pkg.exports[name])) {
    expect(Object.keys(entry)).toEqual(['types', 'default']);
    for (const file of Object.values(entry)) expect(existsSync(new URL(`../${file}`, import.meta.url))).toBe(true);
  }
});

test('the runtime API is the one the types declare', async () => {
  const api = await import('../src/index.js');
  expect(Object.keys(api).sort()).toEqual(['BackgroundOperation', 'BackgroundOperationBar', 'OperationError', 'en', 'ru']);
  const methods = (cls) => Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== 'constructor').sort();
  expect(methods(api.BackgroundOperation)).toEqual(['attach', 'destroy', 'ping', 'start', 'stop']);
  expect(methods(api.BackgroundOperationBar)).toEqual(
    [
      'attributeChangedCallback', 'connectedCallback', 'disconnectedCallback', 'interval', 'label', 'messages',
      'omit', 'operation', 'params', 'ping', 'start', 'status', 'stop', 'text', 'transport', 'url', 'value',
    ].sort(),
  );
  expect(api.BackgroundOperationBar.observedAttributes.sort()).toEqual(['interval', 'label', 'omit', 'params', 'text', 'transport', 'url', 'value']);
  expect(Object.keys(api.ru)).toEqual(Object.keys(api.en));
});

test('the operations entry exports the list and its texts, and nothing of the bar', async () => {
  const api = await import('../src/operations.js');
  expect(Object.keys(api).sort()).toEqual(['BackgroundOperations', 'listEn', 'listRu']);
  expect(Object.keys(api.listRu)).toEqual(Object.keys(api.listEn));
  const methods = Object.getOwnPropertyNames(api.BackgroundOperations.prototype).filter((n) => n !== 'constructor').sort();
  expect(methods).toEqual(['attributeChangedCallback', 'connectedCallback', 'disconnectedCallback', 'messages', 'refresh']);
});

test('imports without a DOM, as under SSR, and define does nothing there', async () => {
  expect(globalThis.customElements).toBeUndefined();
  const api = await import('../src/define.js');
  expect(typeof api.BackgroundOperationBar.define).toBe('function');
  const list = await import('../src/operations-define.js');
  expect(typeof list.BackgroundOperations.define).toBe('function');
});
