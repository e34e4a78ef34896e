// @vitest-environment jsdom
/**
 * <background-operations> in jsdom with a fake adapter on fake timers: one type and all types,
 * newest first, download links and stop buttons, new operations from elsewhere, announcements and
 * notifications of endings, texts, failures and removal. Reloads, other tabs and real downloads
 * are the demo's browser tests (example-app DemoOperationsIT).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundOperations, listRu } from '../src/operations.js';
import { FakeBroadcastChannel, fakeFetch, json, problem, settle, status } from './fakes.js';

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

  test('a bar’s newer status of a listed operation shows in the list at once, without a request', async () => {
    const requests = adapter({ export: [op('e1', 'export', 1, { value: 0.75, text: 'Row 750' })] });
    const el = list({ type: 'export', interval: '5000' });
    await settle();
    const made = requests.length;
    const bar = document.createElement('div');
    document.body.append(bar);
    const update = (detail) => bar.dispatchEvent(new CustomEvent('operation-update', { detail, bubbles: true, composed: true }));

    update(status({ id: 'e1', type: 'export', value: 0.78, text: 'Row 780' }));
    update(status({ id: 'other', type: 'export', value: 0.1 }));
    const [item] = items(el);
    expect(within(item, 'percent').textContent).toBe('78%');
    expect(within(item, 'text').textContent).toBe('Row 780');
    expect(within(item, 'stop').getAttribute('data-href')).toBe('http://localhost:3000/api/operations/export/e1/stop');
    expect(items(el)).toHaveLength(1);
    expect(requests).toHaveLength(made);

    el.remove();
    update(status({ id: 'e1', type: 'export', value: 0.9 }));
    expect(el.operations[0].value).toBe(0.78);
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

  test('an operation started in another tab appears once that tab announces it, and the clock runs only while one is active', async () => {
    const lists = { export: [] };
    adapter(lists);
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    expect(items(el)).toHaveLength(0);
    expect(el.shadowRoot.querySelector('[part=empty]').textContent).toBe('No operations yet');
    expect(vi.getTimerCount()).toBe(0);

    lists.export = [op('e1', 'export', 1, { elapsed: 1 })];
    new FakeBroadcastChannel('asyncops').postMessage({ event: 'start', type: 'export', id: 'e1' });
    await settle();

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
    expect(post.credentials).toBe('include');
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

describe('an idle page makes no request', () => {
  test('an idle list asks once on connection and then nothing over 60 s', async () => {
    const requests = adapter({ export: [op('e1', 'export', 1, { state: 'SUCCEEDED', resultAvailable: true })] });
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    const made = requests.length;
    expect(made).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(made);
    expect(vi.getTimerCount()).toBe(0);
    expect(el.hasAttribute('polling')).toBe(false);
  });

  test('polls while an operation is active and stops once it ended', async () => {
    const lists = { export: [op('e1', 'export', 1)] };
    const requests = adapter(lists);
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    expect(el.hasAttribute('polling')).toBe(true);
    const rounds = () => requests.filter((r) => r.url.includes('?limit=')).length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(rounds()).toBe(4);

    lists.export = [op('e1', 'export', 1, { state: 'SUCCEEDED' })];
    await vi.advanceTimersByTimeAsync(1000);
    expect(rounds()).toBe(5);
    expect(el.hasAttribute('polling')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rounds()).toBe(5);
  });

  test('a start that a bar announces makes it ask, and so it polls; other types do not', async () => {
    const lists = { export: [] };
    const requests = adapter(lists);
    list({ type: 'export', interval: '1000' });
    await settle();
    const made = requests.length;
    const tab = new FakeBroadcastChannel('asyncops');

    tab.postMessage({ event: 'start', type: 'launch', id: 'l1' });
    await settle();
    expect(requests).toHaveLength(made);

    lists.export = [op('e1', 'export', 1)];
    tab.postMessage({ event: 'start', type: 'export', id: 'e1' });
    await settle();
    expect(requests).toHaveLength(made + 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(made + 2);
    tab.close();
  });

  test('a list of every type asks on any announcement', async () => {
    const requests = adapter({ launch: [], export: [] });
    list();
    await settle();
    const made = requests.length;
    new FakeBroadcastChannel('asyncops').postMessage({ event: 'end', type: 'launch', id: 'l1' });
    await settle();
    expect(requests.slice(made).map((r) => new URL(r.url).pathname)).toEqual(['/api/operations/launch', '/api/operations/export']);
  });

  test('a failed round is retried with backoff even on an idle list, and it closes its channel on removal', async () => {
    const lists = { export: new TypeError('offline') };
    const requests = adapter(lists);
    const el = list({ type: 'export', interval: '1000' });
    await settle();
    expect(el.hasAttribute('error')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(requests.filter((r) => r.url.includes('?limit=')).length).toBe(4);
    lists.export = [];
    await vi.advanceTimersByTimeAsync(8000);
    expect(el.hasAttribute('error')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    const open = FakeBroadcastChannel.open.size;
    el.remove();
    expect(FakeBroadcastChannel.open.size).toBe(open - 1);
  });
});

describe('plumbing shared with the bar', () => {
  test('a fetch hook makes every request, e.g. with a bearer token', async () => {
    const requests = adapter({ export: [op('e1', 'export', 1)] });
    const el = document.createElement('background-operations');
    el.type = 'export';
    el.url = '/api/operations';
    el.fetch = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer t0k3n' } });
    document.body.append(el);
    await settle();
    within(items(el)[0], 'stop').click();
    await settle();
    expect(requests.length).toBeGreaterThan(2);
    for (const r of requests) expect(r.headers.Authorization).toBe('Bearer t0k3n');
    expect(requests.find((r) => r.method === 'POST').headers['X-Requested-With']).toBe('asyncops');
  });

  test('attributes reflect to typed properties, set before or after the upgrade', async () => {
    adapter({ export: [] });
    const el = document.createElement('background-operations');
    expect([el.url, el.type, el.limit, el.interval, el.notify]).toEqual(['', '', 10, 5000, false]);
    el.limit = 500;
    el.notify = true;
    el.interval = '2000';
    expect([el.getAttribute('limit'), el.limit, el.hasAttribute('notify'), el.interval]).toEqual(['500', 100, true, 2000]);
    el.notify = false;
    expect(el.hasAttribute('notify')).toBe(false);

    const early = document.createElement('div');
    early.innerHTML = '<background-operations-late></background-operations-late>';
    const late = early.firstChild;
    late.type = 'export';
    late.limit = 3;
    class Late extends BackgroundOperations {}
    Late.define('background-operations-late');
    late.url = '/api/operations';
    document.body.append(early);
    await settle();
    expect([late.getAttribute('type'), late.getAttribute('limit')]).toEqual(['export', '3']);
  });

  test('every list adopts the same constructed stylesheet and has no <style> of its own', () => {
    adapter({ export: [] });
    const [a, b] = [list({ type: 'export' }), list({ type: 'export' })];
    expect(a.shadowRoot.querySelector('style')).toBeNull();
    expect(a.shadowRoot.adoptedStyleSheets).toHaveLength(1);
    expect(a.shadowRoot.adoptedStyleSheets[0]).toBe(b.shadowRoot.adoptedStyleSheets[0]);
  });

  test('an active operation that the server no longer knows shows as lost, as on the bar', async () => {
    const lists = { export: [op('e1', 'export', 1)] };
    const requests = fakeFetch((r) => {
      const path = new URL(r.url).pathname;
      if (path === '/api/operations') return json(TYPES);
      if (path === '/api/operations/export/e1') return problem(410, 'Gone');
      return json(lists.export);
    });
    const ends = [];
    const el = list({ type: 'export', interval: '1000' });
    el.addEventListener('operation-end', (e) => ends.push(e.detail.id));
    await settle();
    lists.export = [];
    await vi.advanceTimersByTimeAsync(1000);

    const [item] = items(el);
    expect(item.dataset.state).toBe('lost');
    expect(within(item, 'text').textContent).toBe('Removed from the server');
    expect(within(item, 'stop').hidden).toBe(true);
    expect(announced(el)).toBe('CSV export: Removed from the server');
    expect(ends).toEqual([]);
    const made = requests.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(made);
  });

  test('a stop answered with 404 shows the operation as lost', async () => {
    let listed = [op('e1', 'export', 1)];
    fakeFetch((r) => {
      const path = new URL(r.url).pathname;
      if (r.method === 'POST') {
        listed = [];
        return problem(404, 'No such operation');
      }
      if (path === '/api/operations') return json(TYPES);
      return json(listed);
    });
    const el = list({ type: 'export' });
    await settle();
    within(items(el)[0], 'stop').click();
    await settle();
    expect(items(el)[0].dataset.state).toBe('lost');
    expect(within(items(el)[0], 'text').textContent).toBe('Unknown to the server');
  });

  test('asks for the texts in the language of the page, as the bar does', async () => {
    document.documentElement.lang = 'ru-RU';
    const requests = adapter({ export: [op('e1', 'export', 1, { value: 0.4 })] });
    const el = list();
    await settle();
    within(items(el)[0], 'stop').click();
    await settle();

    expect(requests.length).toBeGreaterThan(2);
    expect(requests.every((r) => r.headers['Accept-Language'] === 'ru-RU')).toBe(true);
    expect(requests.some((r) => r.method === 'POST')).toBe(true);
  });

  test('its own lang wins over the page, and without any the browser chooses', async () => {
    document.documentElement.lang = 'ru';
    const requests = adapter({ export: [] });
    list({ type: 'export', lang: 'en' });
    await settle();
    document.body.replaceChildren();
    document.documentElement.removeAttribute('lang');
    list({ type: 'export' });
    await settle();

    const [own, none] = [requests[0], requests.at(-1)];
    expect(own.headers['Accept-Language']).toBe('en');
    expect('Accept-Language' in none.headers).toBe(false);
  });
});

test('refresh() on a list that is not connected asks once and does not go on polling', async () => {
  const requests = adapter({ export: [op('e1', 'export', 1)] });
  const el = document.createElement('background-operations');
  el.url = '/api/operations';
  el.type = 'export';
  await el.refresh();
  const made = requests.length;
  await vi.advanceTimersByTimeAsync(60_000);
  expect(requests).toHaveLength(made);
  expect(vi.getTimerCount()).toBe(0);
});
