/**
 * <background-operations-console> in the installed headless Chromium (never a downloaded browser),
 * loaded as an ES module from the WebJar layout of a tiny local server with a fake admin API: the
 * accessibility tree, the native modal dialog driven by the keyboard (Escape cancels, focus goes
 * back), the stop with the CSRF header, progress over a real event stream, and the cause in the
 * details. Waits are waitForFunction calls with a deadline, never sleeps. The real admin API on two
 * nodes is example-app's AdminConsoleIT.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const WEBJAR = '/webjars/asyncops-widget/test';
const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  `<script type="module" src="${WEBJAR}/console-define.js"></script></head>` +
  '<body><background-operations-console id="c" url="/api/operations"></background-operations-console></body></html>';
const CAUSE = 'java.lang.IllegalStateException: paper jammed\n\tat demo.Jam.run(Jam.java:12)\nCaused by: java.io.IOException: tray 2 is empty';

const row = (id, overrides) => ({
  id, type: 'csv-export', state: 'RUNNING', owner: 'bob', node: 'node-b', progress: { value: 0.2, text: 'Row 200' },
  stopRequested: false, createdAt: '2026-12-07T06:00:00Z', startedAt: '2026-12-07T06:00:01Z', finishedAt: null, error: null, ...overrides,
});
const SUMMARY = {
  types: [{ type: 'csv-export', counts: { QUEUED: 0, RUNNING: 1, STOPPING: 0, SUCCEEDED: 0, FAILED: 1, STOPPED: 0 } }],
  nodes: [{ node: 'node-a', running: 0, lastSeen: '2026-12-07T06:00:00Z' }, { node: 'node-b', running: 1, lastSeen: '2026-12-07T06:00:00Z' }],
  queued: 0, failedLastHour: 1, oldestQueued: null, at: '2026-12-07T06:00:00Z',
};

/** The page, the package's files and a fake admin API; `push` sends an event to the open streams. */
async function startAdmin() {
  const rows = [row('r1'), row('f1', { state: 'FAILED', progress: null, error: 'Paper jam', node: 'node-a' })];
  const streams = new Set();
  const requests = [];
  const send = (res, code, body, type = 'application/json') => {
    res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push({ method: req.method, path: url.pathname, csrf: req.headers['x-requested-with'] });
    if (url.pathname === '/') return send(res, 200, PAGE, 'text/html; charset=utf-8');
    if (url.pathname.startsWith(`${WEBJAR}/`)) {
      const file = await readFile(new URL(`../src/${url.pathname.slice(WEBJAR.length + 1)}`, import.meta.url), 'utf8').catch(() => null);
      return file == null ? send(res, 404, 'not found', 'text/plain') : send(res, 200, file, 'text/javascript; charset=utf-8');
    }
    const path = url.pathname.replace('/api/operations/_admin', '');
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(`event: summary\ndata: ${JSON.stringify(SUMMARY)}\n\n`);
      streams.add(res);
      return res.on('close', () => streams.delete(res));
    }
    if (path === '/summary') return send(res, 200, SUMMARY);
    if (path === '/operations') return send(res, 200, { items: rows, next: null });
    const [, , id, action] = path.split('/');
    const op = rows.find((r) => r.id === id);
    if (!op) return send(res, 404, { title: 'Not Found', status: 404, detail: 'no such path' }, 'application/problem+json');
    if (action === 'stop' && req.method === 'POST') {
      if (req.headers['x-requested-with'] !== 'asyncops') return send(res, 403, { title: 'Forbidden', status: 403 }, 'application/problem+json');
      Object.assign(op, { state: 'STOPPING', stopRequested: true });
      return send(res, 202, op);
    }
    return send(res, 200, { ...op, parameters: { rows: 500 }, result: null, cause: op.state === 'FAILED' ? CAUSE : null, key: null, slot: 0, epoch: 1 });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    push(event, data) {
      for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    streams: () => streams.size,
    close() {
      for (const stream of streams) stream.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

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
  server = await startAdmin();
  tab = await browser.newPage();
  tab.setDefaultTimeout(5000);
  await tab.goto(`${server.origin}/`);
  await tab.getByRole('row', { name: /^r1 / }).waitFor();
});
afterEach(async () => {
  await tab?.close();
  await server?.close();
});

/** The id of the element that has the focus inside the console, or its button's name. */
const focused = () => tab.evaluate(() => {
  const active = document.getElementById('c').shadowRoot.activeElement;
  return active?.id || active?.getAttribute('aria-label') || active?.tagName || null;
});

describe('the console in Chromium', () => {
  test('exposes real tables, named buttons and progress bars to assistive technology', async () => {
    const operations = tab.getByRole('table', { name: 'Operations', exact: true });
    expect(await operations.getByRole('columnheader').allTextContents()).toEqual(['ID', 'Type', 'State', 'Owner', 'Node', 'Progress', 'Created', 'Actions']);
    expect(await operations.getByRole('rowheader').allTextContents()).toEqual(['r1', 'f1']);
    expect(await tab.getByRole('progressbar', { name: 'Progress r1' }).getAttribute('aria-valuenow')).toBe('20');
    expect(await tab.getByRole('button', { name: 'Stop r1' }).isVisible()).toBe(true);
    expect(await tab.getByRole('button', { name: 'Stop f1' }).isVisible()).toBe(false);
    expect(await tab.getByRole('table', { name: 'Nodes' }).getByRole('button', { name: 'Show the operations of node-b' }).count()).toBe(1);
    expect(await tab.getByRole('search', { name: 'Filters' }).getByRole('textbox', { name: 'Owner' }).count()).toBe(1);
    expect(await tab.getByRole('group', { name: 'States' }).getByRole('checkbox').count()).toBe(6);
    expect(await tab.getByRole('status').textContent()).toBe('2 operations shown');
  });

  test('the keyboard stops an operation through the modal dialog; Escape cancels and focus comes back', async () => {
    await tab.getByRole('button', { name: 'Stop r1' }).focus();
    await tab.keyboard.press('Enter');
    const dialog = tab.getByRole('dialog', { name: 'Stop operation r1 (csv-export) of bob?' });
    await dialog.waitFor();
    expect(await focused()).toBe('cancel');
    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toBe('Stop r1');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await tab.keyboard.press('Enter');
    await dialog.waitFor();
    await tab.keyboard.press('Tab');
    expect(await focused()).toBe('ok');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => document.getElementById('c').shadowRoot.querySelector('[role=status]').textContent === 'Stop requested for r1');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/operations/_admin/operations/r1/stop', csrf: 'asyncops' }]);
    expect(await tab.getByRole('row', { name: /^r1 / }).getByRole('cell').nth(1).textContent()).toBe('Stopping… (Stop)');
  });

  test('moves a bar as progress arrives on the event stream', async () => {
    await tab.waitForFunction(() => document.getElementById('c').summary);
    server.push('progress', row('r1', { progress: { value: 0.65, text: 'Row 650' } }));
    const bar = tab.getByRole('progressbar', { name: 'Progress r1' });
    await tab.waitForFunction(() => document.getElementById('c').shadowRoot.querySelector('tr[data-id=r1] [role=progressbar]').getAttribute('aria-valuenow') === '65');
    expect(await bar.getAttribute('aria-valuetext')).toBe('65% Row 650');
    expect(server.requests.filter((r) => r.path.endsWith('/_admin/operations'))).toHaveLength(1);
  });

  test('shows a failure\'s cause preformatted in the details, which take the focus', async () => {
    await tab.getByRole('button', { name: 'Details f1' }).click();
    const details = tab.getByRole('region', { name: 'Operation f1' });
    await details.waitFor();
    expect(await focused()).toBe('d-h');
    const cause = details.locator('pre');
    expect(await cause.textContent()).toBe(CAUSE);
    expect(await cause.evaluate((pre) => getComputedStyle(pre).whiteSpace)).toBe('pre-wrap');
    await details.getByRole('button', { name: 'Close' }).click();
    expect(await focused()).toBe('Details f1');
  });
});
