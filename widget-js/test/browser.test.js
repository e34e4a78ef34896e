/**
 * The element in the installed headless Chromium (never a downloaded browser), loaded from the
 * WebJar layout of a tiny local server with a fake adapter: fallback content, the ESM and the
 * ready file, the accessibility tree, SSE and polling, reload and resume, errors, several bars.
 * Waits are page.waitForFunction calls with a deadline, never sleeps.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { WEBJAR, startServer } from './support/server.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const MODULE = `<script type="module" src="${WEBJAR}/define.js"></script>`;
const page = (body, head = MODULE) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const PAGES = {
  '/fallback.html': page('<background-operation-bar label="Launch"><p id="fallback">Loading the launch…</p></background-operation-bar>', ''),
  '/sse.html': page('<background-operation-bar url="/api/operations/launch" label="Launch" params=\'{"target":"moon"}\'></background-operation-bar>'),
  '/poll.html': page('<background-operation-bar url="/api/operations/launch" label="Launch" transport="poll" interval="100"></background-operation-bar>'),
  '/two.html': page(
    '<background-operation-bar id="a" url="/api/operations/a" label="A" transport="poll" interval="100"></background-operation-bar>' +
      '<background-operation-bar id="b" url="/api/operations/b" label="B" transport="poll" interval="100"></background-operation-bar>',
  ),
  '/list.html': page(
    '<background-operations url="/api/operations" type="launch" label="My launches"></background-operations>',
    `<script type="module" src="${WEBJAR}/operations-define.js"></script>`,
  ),
  '/ready.html': page('<background-operation-bar label="Ready" value="0.4" text="Waiting"></background-operation-bar>', `<script src="${WEBJAR}/asyncops-widget.min.js"></script>`),
};

let browser;
let server;
let tab;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it (apt-get install -y chromium) to run the browser test; it does not skip`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 30_000);
afterAll(() => browser?.close());

beforeEach(async () => {
  server = await startServer(PAGES);
  tab = await browser.newPage();
  tab.setDefaultTimeout(5000);
});
afterEach(async () => {
  await tab?.close();
  await server?.close();
});

const open = (path) => tab.goto(server.origin + path);
/** Waits until the bar's shadow progressbar has `name` = `value`. */
const waitForAria = (name, value, selector = 'background-operation-bar') =>
  tab.waitForFunction(
    ([sel, n, v]) => document.querySelector(sel)?.shadowRoot?.querySelector('[role=progressbar]')?.getAttribute(n) === v,
    [selector, name, value],
  );
const barText = (selector = 'background-operation-bar') =>
  tab.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part=text]').textContent, selector);
const posts = () => server.requests.filter((r) => /^POST \/api\/operations\/[^/]+$/.test(r));

describe('in Chromium', () => {
  test('shows the fallback content until the element is defined', async () => {
    await open('/fallback.html');
    expect(await tab.isVisible('#fallback')).toBe(true);
    await tab.addScriptTag({ type: 'module', url: `${WEBJAR}/define.js` });
    await tab.waitForFunction(() => customElements.get('background-operation-bar'));
    expect(await tab.isVisible('#fallback')).toBe(false);
    expect(await tab.getByRole('progressbar', { name: 'Launch' }).count()).toBe(1);
  });

  test('follows an operation over SSE from start to success', async () => {
    await open('/sse.html');
    await tab.evaluate(() => {
      window.seen = [];
      for (const type of ['operation-update', 'operation-end']) document.addEventListener(type, (e) => window.seen.push(`${type}:${e.detail.state}`));
    });
    const started = await tab.evaluate(() => document.querySelector('background-operation-bar').start());
    expect(started).toMatchObject({ id: 'launch-1', text: 'Starting moon' });
    await tab.waitForFunction(() => document.querySelector('background-operation-bar').operation.status.links.events);
    server.update('launch-1', { value: 0.5, text: 'Half way' });
    await waitForAria('aria-valuenow', '50');
    const bar = tab.getByRole('progressbar', { name: 'Launch' });
    expect(await bar.getAttribute('aria-valuetext')).toBe('Half way');
    server.update('launch-1', { state: 'SUCCEEDED', value: 1, text: 'Landed' });
    await waitForAria('aria-valuenow', '100');
    expect(await tab.getAttribute('background-operation-bar', 'state')).toBe('succeeded');
    expect(await tab.evaluate(() => window.seen.at(-1))).toBe('operation-end:SUCCEEDED');
    expect(server.requests.some((r) => r.endsWith('/launch-1/events?lang=en'))).toBe(true);
  });

  test('a reload resumes the running operation instead of starting another', async () => {
    await open('/poll.html');
    await tab.evaluate(() => document.querySelector('background-operation-bar').start());
    server.update('launch-1', { value: 0.3 });
    await waitForAria('aria-valuenow', '30');
    await tab.reload();
    await waitForAria('aria-valuenow', '30');
    expect(await tab.evaluate(() => document.querySelector('background-operation-bar').start().then((s) => s.id))).toBe('launch-1');
    expect(posts()).toHaveLength(1);
    await tab.evaluate(() => document.querySelector('background-operation-bar').stop());
    await tab.waitForFunction(() => document.querySelector('background-operation-bar').getAttribute('state') === 'stopped');
    expect(await barText()).toBe('Stopped by you');
  });

  test('shows the error while the server is down and recovers by itself', async () => {
    await open('/poll.html');
    await tab.evaluate(() => document.querySelector('background-operation-bar').start());
    server.setDown(true);
    await tab.waitForFunction(() => document.querySelector('background-operation-bar').hasAttribute('error'));
    expect(await barText()).toBe('Server error, retrying…');
    server.setDown(false);
    server.update('launch-1', { value: 0.8, text: 'Back' });
    await waitForAria('aria-valuenow', '80');
    expect(await barText()).toBe('Back');
  });

  test('the line of time shows time left, then the stalled hint, and screen readers hear both', async () => {
    await open('/poll.html');
    await tab.evaluate(() => document.querySelector('background-operation-bar').start());
    server.update('launch-1', { value: 0.3, elapsed: 30, remaining: 70, stalled: false });
    const time = () => tab.evaluate(() => document.querySelector('background-operation-bar').shadowRoot.querySelector('[part=time]').textContent);
    await tab.waitForFunction(() => document.querySelector('background-operation-bar').shadowRoot.querySelector('[part=time]').textContent.includes('left'));
    expect(await time()).toMatch(/^3\d seconds elapsed · about 1 minute left$/);
    server.update('launch-1', { remaining: null, stalled: true });
    await tab.waitForFunction(() => document.querySelector('background-operation-bar').hasAttribute('stalled'));
    expect(await time()).toMatch(/ · No progress for a while$/);
    expect(await tab.getByRole('progressbar', { name: 'Launch' }).getAttribute('aria-valuetext')).toBe('Starting, No progress for a while');
    expect(await tab.evaluate(() => getComputedStyle(document.querySelector('background-operation-bar').shadowRoot.querySelector('[part=time]')).display)).toBe('block');
  });

  test('two bars on a page follow their own operations', async () => {
    await open('/two.html');
    await tab.evaluate(() => Promise.all([...document.querySelectorAll('background-operation-bar')].map((el) => el.start())));
    server.update('a-1', { value: 0.1 });
    server.update('b-1', { value: 0.9 });
    await waitForAria('aria-valuenow', '10', '#a');
    await waitForAria('aria-valuenow', '90', '#b');
    expect(await tab.getByRole('progressbar', { name: 'B' }).getAttribute('aria-valuenow')).toBe('90');
  });

  test('a list in another tab hears a bar start an operation and shows it at once', async () => {
    // Two tabs of one browser profile (browser.newPage() would give each page a profile of its own).
    const context = await browser.newContext();
    try {
      const [list, bar] = [await context.newPage(), await context.newPage()];
      for (const p of [list, bar]) p.setDefaultTimeout(5000);
      await list.goto(`${server.origin}/list.html`);
      await list.waitForFunction(() => document.querySelector('background-operations')?.shadowRoot.querySelector('[part=empty]').textContent);
      expect(await list.evaluate(() => document.querySelector('background-operations').hasAttribute('polling'))).toBe(false);
      await bar.goto(`${server.origin}/poll.html`);
      await bar.evaluate(() => document.querySelector('background-operation-bar').start());
      await list.waitForFunction(() => document.querySelector('background-operations').shadowRoot.querySelectorAll('[part=item]').length === 1);
      expect(await list.evaluate(() => document.querySelector('background-operations').hasAttribute('polling'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  test('the ready file works from a plain script tag', async () => {
    await open('/ready.html');
    expect(await tab.evaluate(() => typeof window.AsyncOpsWidget.BackgroundOperation)).toBe('function');
    const bar = tab.getByRole('progressbar', { name: 'Ready' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('40');
    expect(await bar.getAttribute('aria-valuetext')).toBe('Waiting');
  });
});
