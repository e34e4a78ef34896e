// @vitest-environment jsdom
/**
 * <background-operations> in jsdom with a fake adapter on fake timers: one type and all types,
 * newest first, download links and stop buttons, new operations from elsewhere, announcements and
 * notifications of endings, texts, failures and removal. Reloads, other tabs and real downloads
 * are the demo's browser tests (example-app DemoOperationsIT).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundOperations, listRu } from '../src/operations.js';
import { fakeFetch, json, settle, status } from './fakes.js';

BackgroundOperations.define();

const TYPES = [
  { name: 'launch', title: 'Launch', scope: 'GLOBAL', startPolicy: 'JOIN' },
  { name: 'export', title: 'CSV export', scope: 'USER', startPolicy: 'JOIN' },
];

/** A listed status of `type`, created at minute `minute`. */
function op(id, type, minute, overrides = {}) {
  const body = status({ id, type, createdAt: `2026-11-26T12:${String(minute).padStart(2, '0')}:00Z`, ...overrides });
  const self = `/api/operations/${type}/${id}`;
  body.links = { self, stop: `${self}/stop`, result: `${self}/result`, events: `${self}/events` };
  return body;
}

/** A fake adapter whose lists come from `lists[type]`, which the test may change. */
function adapter(lists) {
  return fakeFetch((r) => {
    const path = new URL(r.url).pathname;
    if (r.method === 'POST') return json(status({ state: 'STOPPING' }));
    if (path === '/api/operations') return json(TYPES);
    const type = path.split('/')[3];
    return lists[type] instanceof Error ? lists[type] : json(lists[type] ?? []);
  });
}

let notified;

beforeEach(() => {
  vi.useFakeTimers();
  notified = [];
  const FakeNotification = class {
    static permission = 'default';
    static requestPermission = vi.fn(async () => (FakeNotification.permission = 'granted'));
    constructor(title, options) {
      notified.push([title, options]);
    }
  };
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.useRealTimers();
});

function list(attributes = {}) {
  const el = document.createElement('background-operations');
  for (const [name, value] of Object.entries({ url: '/api/operations', ...attributes })) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

const items = (el) => [...el.shadowRoot.querySelectorAll('[part=item]')];
const within = (item, part) => item.querySelector(`[part=${part}]`);
const announced = (el) => el.shadowRoot.querySelector('[role=status]').textContent;

describe('<background-operations>', () => {
  test('lists the operations of one type newest first, each with its own bar, link or button', async () => {
    adapter({
      export: [
        op('e2', 'export', 5, { value: 0.4, text: 'Row 400', elapsed: 20, remaining: 30 }),
        op('e1', 'export', 1, { state: 'SUCCEEDED', value: 1, text: 'Done: 1000 rows', resultAvailable: true }),
      ],
    });
    const el = list({ type: 'export', label: 'My exports' });
    await settle();

    expect(el.shadowRoot.querySelector('[part=list]').getAttribute('aria-label')).toBe('My exports');
    const [running, done] = items(el);
    expect(running.getAttribute('aria-labelledby')).toBe('t-e2');
    expect(el.shadowRoot.getElementById('t-e2').textContent).toMatch(/^CSV export · /);
    const bar = within(running, 'bar');
    expect([bar.getAttribute('role'), bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-labelledby')]).toEqual(['progressbar', '40', 't-e2']);
    expect(within(running, 'time').textContent).toBe('20 seconds elapsed · about 30 seconds left');
    expect(within(running, 'stop').hidden).toBe(false);
    expect(within(running, 'download').hidden).toBe(true);
    expect(within(done, 'text').textContent).toBe('Done: 1000 rows');
    expect(within(done, 'stop').hidden).toBe(true);
    const link = within(done, 'download');
    expect(link.hidden).toBe(false);
    expect(link.href).toBe('http://localhost:3000/api/operations/export/e1/result');
    expect(link.textContent).toBe('Download');
  });

  test('without a type it lists every type, merged by creation time', async () => {
    const requests = adapter({ launch: [op('l1', 'launch', 3)], export: [op('e2', 'export', 4), op('e1', 'export', 2)] });
    const el = list({ limit: '2' });
    await settle();

    expect(items(el).map((li) => li.getAttribute('aria-labelledby'))).toEqual(['t-e2', 't-l1']);
    expect(requests.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toEqual([
      '/api/operations', '/api/operations/launch?limit=2', '/api/operations/export?limit=2',
    ]);
  });

  test('an operation started elsewhere appears at the next round, and the clock runs only while one is active', async () => {
    const lists = { export: [] };
    adapter(lists);
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    expect(items(el)).toHaveLength(0);
    expect(el.shadowRoot.querySelector('[part=empty]').textContent).toBe('No operations yet');

    lists.export = [op('e1', 'export', 1, { elapsed: 1 })];
    await vi.advanceTimersByTimeAsync(1000);

    expect(items(el)).toHaveLength(1);
    expect(el.shadowRoot.querySelector('[part=empty]').textContent).toBe('');
    expect(vi.getTimerCount()).toBe(2);
  });

  test('the stop button posts to the stop link as the widget does, then asks again', async () => {
    const requests = adapter({ export: [op('e1', 'export', 1)] });
    const el = list({ type: 'export' });
    await settle();

    within(items(el)[0], 'stop').click();
    await settle();

    const post = requests.find((r) => r.method === 'POST');
    expect(post.url).toBe('http://localhost:3000/api/operations/export/e1/stop');
    expect(post.headers).toMatchObject({ 'X-Requested-With': 'asyncops', 'Content-Type': 'application/json' });
    expect(post.credentials).toBe('same-origin');
    expect(requests.filter((r) => r.url.endsWith('?limit=10'))).toHaveLength(2);
  });

  test('announces an ending, fires operation-end, and notifies while hidden once granted', async () => {
    const lists = { export: [op('e1', 'export', 1)] };
    adapter(lists);
    const ends = [];
    const el = list({ type: 'export', notify: '', label: 'My exports' });
    el.addEventListener('operation-end', (e) => ends.push(e.detail.id));
    await settle();
    const ask = el.shadowRoot.querySelector('[part=notify]');
    expect(ask.hidden).toBe(false);
    ask.click();
    await settle();
    expect(Notification.requestPermission).toHaveBeenCalledOnce();
    expect(ask.hidden).toBe(true);

    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    lists.export = [op('e1', 'export', 1, { state: 'SUCCEEDED', value: 1, resultAvailable: true })];
    await vi.advanceTimersByTimeAsync(5000);
    delete document.hidden;

    expect(announced(el)).toBe('CSV export: Done');
    expect(ends).toEqual(['e1']);
    expect(notified).toEqual([['CSV export: Done', { tag: 'asyncops', body: 'My exports' }]]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ends).toEqual(['e1']);
  });

  test('does not notify without the attribute, or while the tab is visible', async () => {
    Notification.permission = 'granted';
    const lists = { export: [op('e1', 'export', 1)] };
    adapter(lists);
    const el = list({ type: 'export' });
    await settle();
    expect(el.shadowRoot.querySelector('[part=notify]').hidden).toBe(true);
    lists.export = [op('e1', 'export', 1, { state: 'FAILED', error: 'Disk full' })];
    await vi.advanceTimersByTimeAsync(5000);

    expect(announced(el)).toBe('CSV export: Failed');
    expect(within(items(el)[0], 'text').textContent).toBe('Disk full');
    expect(notified).toEqual([]);
  });

  test('speaks Russian under lang="ru" and takes replaced messages', async () => {
    document.documentElement.lang = 'ru';
    adapter({ export: [op('e1', 'export', 1, { state: 'SUCCEEDED', text: null, resultAvailable: true })] });
    const el = list({ type: 'export' });
    await settle();
    const [item] = items(el);
    expect(within(item, 'download').textContent).toBe(listRu.download);
    expect(within(item, 'text').textContent).toBe('Готово');
    el.messages = { download: 'Забрать файл' };
    expect(within(item, 'download').textContent).toBe('Забрать файл');
  });

  test('marks a failed round with the error attribute and keeps the last list until it recovers', async () => {
    const lists = { export: [op('e1', 'export', 1)] };
    adapter(lists);
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    lists.export = new TypeError('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(el.hasAttribute('error')).toBe(true);
    expect(items(el)).toHaveLength(1);
    lists.export = [op('e2', 'export', 2), op('e1', 'export', 1)];
    await vi.advanceTimersByTimeAsync(1000);
    expect(el.hasAttribute('error')).toBe(false);
    expect(items(el)).toHaveLength(2);
  });

  test('removal stops every request and timer', async () => {
    const requests = adapter({ export: [op('e1', 'export', 1)] });
    const el = list({ type: 'export' });
    await settle();
    const made = requests.length;
    el.remove();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(made);
    expect(vi.getTimerCount()).toBe(0);
  });
});

test('a tab shown again asks at once', async () => {
  const requests = adapter({ export: [] });
  list({ type: 'export', interval: '60000' });
  await settle();
  const made = requests.length;
  document.dispatchEvent(new Event('visibilitychange'));
  await settle();
  expect(requests.length).toBe(made + 1);
});

test('a stop that fails to reach the server leaves the list to the next round', async () => {
  let down = false;
  const requests = fakeFetch((r) => {
    if (r.method === 'POST' || down) return new TypeError('offline');
    if (new URL(r.url).pathname === '/api/operations') return json(TYPES);
    return json([op('e1', 'export', 1)]);
  });
  const el = list({ type: 'export' });
  await settle();
  down = true;
  within(items(el)[0], 'stop').click();
  await settle();
  expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  expect(el.hasAttribute('error')).toBe(true);
  expect(items(el)).toHaveLength(1);
});

test('a new label or omit renders again without asking the server', async () => {
  const requests = adapter({ export: [op('e1', 'export', 1, { elapsed: 5 })] });
  const el = list({ type: 'export' });
  await settle();
  const made = requests.length;
  el.setAttribute('label', 'Exports');
  el.setAttribute('omit', 'elapsed');
  await settle();
  expect(requests).toHaveLength(made);
  expect(within(items(el)[0], 'time').textContent).toBe('');
  expect(el.shadowRoot.querySelector('[part=list]').getAttribute('aria-label')).toBe('Exports');
});
