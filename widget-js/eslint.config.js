// ESLint: the recommended rules, run by `npm test` (and so by the Maven build). The globals are
// listed by hand, as few as the code uses, instead of a dependency on the `globals` package.
import js from '@eslint/js';

const names = (list, kind = 'readonly') => Object.fromEntries(list.split(' ').map((n) => [n, kind]));

const browser = names(
  'AbortController BroadcastChannel CSSStyleSheet CustomEvent DOMException Element Event EventSource EventTarget HTMLElement ' +
    'MessageEvent Notification Response URL URLSearchParams clearInterval getComputedStyle clearTimeout customElements document fetch location queueMicrotask ' +
    'setInterval setTimeout window',
);
const node = names('process console');

export default [
  { ignores: ['types/', 'dist/', 'target/', 'node_modules/', 'test/tsx/'] },
  js.configs.recommended,
  { languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: browser } },
  { files: ['test/**', 'scripts/**', '*.config.*'], languageOptions: { globals: { ...browser, ...node } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: names('require module __dirname') } },
];
