/**
 * The headless client against a fake fetch and EventSource, on fake timers: polling cadence,
 * Retry-After, ETags, backoff and recovery, 404/410, resume, stop, destroy, transports, hidden
 * tabs and several clients. The element and a real browser are covered by other tests.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundOperation, OperationError } from '../src/client.js';
import { ru } from '../src/messages.js';
import { FakeBroadcastChannel, TYPE_URL, deferred, fakeFetch, installEventSource, json, problem, settle, status } from './fakes.js';

const SELF = 'https://app.test/api/operations/launch/op1';
const LIST = `${TYPE_URL}?active=true&limit=1`;

let clients;
beforeEach(() => {
  vi.useFakeTimers();
  clients = [];
});
afterEach(() => {
  for (const c of clients) c.destroy();
  vi.useRealTimers();
});

function client(options) {
  const c = new BackgroundOperation({ url: TYPE_URL, transport: 'poll', ...options });
  clients.push(c);
  return c;
}

/** A fake adapter: nothing active, POST starts op1, polls answer `poll(request)`. */
function server({ list = () => json([]), poll = () => json(status()), stop } = {}) {
  return fakeFetch((request) => {
    if (request.url === LIST) return list(request);
    if (request.url === TYPE_URL) return json(status({ value: 0 }), { status: 202 });
    if (request.url.endsWith('/stop')) return stop(request);
    return poll(request);
  });
}

const polls = (requests, url = SELF) => requests.filter((r) => r.method === 'GET' && r.url === url);

function record(c, type) {
  const details = [];
  c.addEventListener(type, (e) => details.push(e.detail));
  return details;
}

describe('polling', () => {
  test('polls at the interval, each poll scheduled after the previous answer', async () => {
    const requests = server();
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(2999);
    expect(polls(requests)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls(requests)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(2);
  });

  test('never has two polls in flight', async () => {
    const answer = deferred();
    const requests = server({ poll: () => answer.promise });
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls(requests)).toHaveLength(1);
    answer.resolve(json(status()));
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(2);
  });

  test('emits every status and stops polling once the operation is not active', async () => {
    const requests = server({ poll: () => json(status({ state: 'SUCCEEDED', value: 1 })) });
    const c = client();
    const updates = record(c, 'update');
    const ends = record(c, 'end');
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(updates.map((s) => s.state)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(ends).toEqual([c.status]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls(requests)).toHaveLength(1);
  });

  test('waits as long as Retry-After says', async () => {
    const requests = server({ poll: () => json(status(), { headers: { 'Retry-After': '10' } }) });
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    await vi.advanceTimersByTimeAsync(9999);
    expect(polls(requests)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls(requests)).toHaveLength(2);
  });

  test('sends If-None-Match and keeps the status on 304', async () => {
    const answers = [json(status({ value: 0.5 }), { headers: { ETag: '"v1"' } }), new Response(null, { status: 304 })];
    const requests = server({ poll: () => answers.shift() });
    const c = client();
    const updates = record(c, 'update');
    await c.start();
    await vi.advanceTimersByTimeAsync(6000);
    expect(polls(requests).map((r) => r.headers['If-None-Match'])).toEqual([undefined, '"v1"']);
    expect(updates).toHaveLength(2);
    expect(c.status.value).toBe(0.5);
  });

  test('resolves links against the URL of the response that carried them', async () => {
    server();
    const c = client();
    const started = await c.start();
    expect(started.links).toEqual({ self: SELF, stop: `${SELF}/stop`, result: `${SELF}/result`, events: `${SELF}/events` });
  });
});

describe('failures', () => {
  test('backs off exponentially on network errors, keeps the status, then recovers', async () => {
    const answers = [new TypeError('offline'), new TypeError('offline'), new TypeError('offline')];
    const times = [];
    const requests = server({
      poll: () => {
        times.push(Date.now());
        return answers.shift() ?? json(status({ value: 0.6 }));
      },
    });
    const c = client();
    const errors = record(c, 'error');
    const started = await c.start();
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(3000);
    expect(c.status).toBe(started);
    expect(c.error).toBeInstanceOf(OperationError);
    expect(c.error.message).toBe('Connection lost, retrying…');
    expect(errors[0]).toMatchObject({ status: started, retrying: true });
    await vi.advanceTimersByTimeAsync(3000 + 6000 + 12000);
    expect(times.map((t) => t - t0)).toEqual([3000, 6000, 12000, 24000]);
    expect(c.error).toBeNull();
    expect(c.status.value).toBe(0.6);
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(5);
  });

  test('backs off on 5xx answers and honours a longer Retry-After', async () => {
    const answers = [problem(503, 'Maintenance', { 'Retry-After': '20' })];
    const requests = server({ poll: () => answers.shift() ?? json(status()) });
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(c.error).toMatchObject({ code: 'server', httpStatus: 503, retryAfter: 20 });
    expect(c.error.message).toBe('Server error, retrying…');
    await vi.advanceTimersByTimeAsync(19_999);
    expect(polls(requests)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls(requests)).toHaveLength(2);
    expect(c.error).toBeNull();
  });

  test.each([
    [404, 'unknown', 'Unknown to the server'],
    [410, 'expired', 'Removed from the server'],
  ])('a %i stops polling and says why', async (code, name, message) => {
    const requests = server({ poll: () => problem(code, 'Not here') });
    const c = client();
    const errors = record(c, 'error');
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(errors).toHaveLength(1);
    expect(errors[0].retrying).toBe(false);
    expect(errors[0].error).toMatchObject({ code: name, httpStatus: code, message });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(polls(requests)).toHaveLength(1);
    expect(await c.ping()).toBe(c.status);
    expect(polls(requests)).toHaveLength(1);
  });

  test('start rejects with the problem detail, and with Retry-After on 429', async () => {
    const answers = [problem(400, 'Count must be positive'), problem(429, 'Queue is full', { 'Retry-After': '5' })];
    fakeFetch((r) => (r.url === LIST ? json([]) : answers.shift()));
    const c = client();
    await expect(c.start({ count: -1 })).rejects.toMatchObject({ code: 'rejected', httpStatus: 400, message: 'Count must be positive' });
    await expect(c.start()).rejects.toMatchObject({ code: 'busy', retryAfter: 5, problem: { detail: 'Queue is full' } });
    expect(c.status).toBeNull();
  });

  test('start rejects with its own text when the server cannot be reached', async () => {
    fakeFetch((r) => (r.url === LIST ? json([]) : new TypeError('offline')));
    const c = client({ messages: { unreachable: 'Nobody home' } });
    await expect(c.start()).rejects.toMatchObject({ code: 'unreachable', httpStatus: 0, message: 'Nobody home' });
  });

  test('a request to another origin that gets no answer says CORS may have blocked it', async () => {
    vi.stubGlobal('location', new URL('https://page.test/app/'));
    fakeFetch(() => new TypeError('Failed to fetch'));
    const c = client();
    const errors = record(c, 'error');
    await c.ready;
    expect(errors[0]).toMatchObject({ retrying: true, error: { code: 'blocked', httpStatus: 0, message: 'Connection lost (CORS?)' } });
    await expect(c.start()).rejects.toMatchObject({ code: 'blocked', message: 'Connection lost (CORS?)' });
  });

  test('a request to its own origin that gets no answer is a lost connection', async () => {
    vi.stubGlobal('location', new URL('https://app.test/page'));
    fakeFetch(() => new TypeError('Failed to fetch'));
    const c = client();
    const errors = record(c, 'error');
    await c.ready;
    expect(errors[0].error).toMatchObject({ code: 'network', message: 'Connection lost, retrying…' });
  });

  test('a refusal from another origin is the server\'s answer, not a CORS block', async () => {
    vi.stubGlobal('location', new URL('https://page.test/'));
    fakeFetch((r) => (r.url === LIST ? json([]) : problem(400, 'Count must be positive')));
    const c = client();
    await expect(c.start()).rejects.toMatchObject({ code: 'rejected', message: 'Count must be positive' });
  });
});

describe('resume', () => {
  test('follows the active operation found on creation and never starts a second one', async () => {
    const requests = server({ list: () => json([status({ value: 0.4 })]) });
    const c = client();
    expect((await c.ready).value).toBe(0.4);
    expect(await c.start()).toBe(c.status);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(1);
  });

  test('starts a new operation when none is active', async () => {
    const requests = server();
    const c = client();
    expect(await c.ready).toBeNull();
    await c.start();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  test('retries the look-up after a network error', async () => {
    const answers = [new TypeError('offline')];
    server({ list: () => answers.shift() ?? json([status()]) });
    const c = client();
    expect(await c.ready).toBeNull();
    expect(c.error.code).toBe('network');
    await vi.advanceTimersByTimeAsync(3000);
    expect(c.status.id).toBe('op1');
    expect(c.error).toBeNull();
  });

  test('is skipped with resume: false', async () => {
    const requests = server();
    await client({ resume: false }).ready;
    expect(requests).toHaveLength(0);
  });

  test('attach follows an operation by id', async () => {
    const requests = server({ poll: () => json(status({ id: 'a/b' })) });
    const c = client({ resume: false });
    expect((await c.attach('a/b')).id).toBe('a/b');
    expect(requests[0].url).toBe(`${TYPE_URL}/a%2Fb`);
  });
});

describe('state-changing requests', () => {
  test('start posts the params as JSON with the CSRF headers and credentials included', async () => {
    const requests = server();
    const c = client();
    await c.start({ count: 3 });
    await client({ url: `${TYPE_URL}-2`, resume: false }).start();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([{ count: 3 }, {}]);
    for (const post of posts) {
      expect(post.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Requested-With': 'asyncops' });
      expect(post.credentials).toBe('include');
    }
  });

  test('two start calls at once send one request', async () => {
    const requests = server();
    const c = client();
    const [a, b] = await Promise.all([c.start(), c.start()]);
    expect(a).toBe(b);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  test('stop aborts a poll in flight, posts {} and keeps polling while STOPPING', async () => {
    const first = deferred();
    const answers = [first.promise];
    const requests = server({
      poll: () => answers.shift() ?? json(status({ state: 'STOPPED' })),
      stop: () => json(status({ state: 'STOPPING', stopRequested: true })),
    });
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect((await c.stop()).state).toBe('STOPPING');
    expect(polls(requests)[0].signal.aborted).toBe(true);
    const stop = requests.find((r) => r.url === `${SELF}/stop`);
    expect(stop).toMatchObject({ method: 'POST', body: {}, credentials: 'include' });
    expect(stop.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Requested-With': 'asyncops' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(c.status.state).toBe('STOPPED');
  });

  test('stop rejects when refused and polling goes on', async () => {
    const requests = server({ stop: () => problem(403, 'CSRF header missing') });
    const c = client();
    await c.start();
    await expect(c.stop()).rejects.toMatchObject({ code: 'rejected', message: 'CSRF header missing' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(1);
  });

  test('ping polls at once', async () => {
    const requests = server({ poll: () => json(status({ value: 0.9 })) });
    const c = client();
    await c.start();
    expect((await c.ping()).value).toBe(0.9);
    expect(polls(requests)).toHaveLength(1);
  });
});

describe('destroy', () => {
  test('aborts the request in flight and cancels the timers', async () => {
    const requests = server({ poll: () => new Promise(() => {}) });
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    c.destroy();
    expect(polls(requests)[0].signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(requests).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('aborts the resume look-up', async () => {
    const requests = server({ list: () => new Promise(() => {}) });
    const c = client();
    c.destroy();
    expect(await c.ready).toBeNull();
    expect(requests[0].signal.aborted).toBe(true);
  });
});

describe('transports', () => {
  test('auto follows the event stream and closes it on a final status', async () => {
    const sources = installEventSource();
    const requests = server();
    const c = client({ transport: 'auto' });
    const ends = record(c, 'end');
    await c.start();
    expect(sources.map((s) => s.url)).toEqual([`${SELF}/events`]);
    sources[0].send(status({ value: 0.5, links: { self: '../op1', events: 'events' } }));
    expect(c.status.value).toBe(0.5);
    expect(c.status.links.self).toBe(SELF);
    sources[0].send(status({ state: 'SUCCEEDED', value: 1 }));
    expect(ends).toHaveLength(1);
    expect(sources[0].closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls(requests)).toHaveLength(0);
  });

  test('auto falls back to polling after a stream error', async () => {
    const sources = installEventSource();
    const requests = server();
    const c = client({ transport: 'auto' });
    await c.start();
    sources[0].fail();
    expect(sources[0].closed).toBe(true);
    await settle();
    expect(polls(requests)).toHaveLength(1);
    expect(c.error).toBeNull();
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(2);
    expect(sources).toHaveLength(1);
  });

  test('sse reports a stream error, checks the status and reopens the stream', async () => {
    const sources = installEventSource();
    const requests = server();
    const c = client({ transport: 'sse' });
    await c.start();
    sources[0].fail();
    expect(c.error.code).toBe('network');
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls(requests)).toHaveLength(1);
    expect(c.error).toBeNull();
    expect(sources).toHaveLength(2);
  });

  test('lang pins the language: Accept-Language on requests, ?lang= on the stream', async () => {
    const sources = installEventSource();
    const requests = server();
    const c = client({ transport: 'sse', lang: 'en' });
    await c.start();
    expect(requests.every((r) => r.headers['Accept-Language'] === 'en')).toBe(true);
    expect(new URL(sources[0].url).searchParams.get('lang')).toBe('en');
  });

  test('without lang the browser chooses the language', async () => {
    const sources = installEventSource();
    const requests = server();
    await client({ transport: 'sse' }).start();
    expect(requests.some((r) => 'Accept-Language' in r.headers)).toBe(false);
    expect(new URL(sources[0].url).searchParams.has('lang')).toBe(false);
  });

  test('poll never opens a stream', async () => {
    const sources = installEventSource();
    server();
    await client({ transport: 'poll' }).start();
    expect(sources).toHaveLength(0);
  });
});

test('polls five times less often in a hidden tab, and at once when it shows again', async () => {
  const doc = Object.assign(new EventTarget(), { hidden: true, baseURI: 'https://app.test/page' });
  vi.stubGlobal('document', doc);
  const requests = server();
  const c = client({ url: '/api/operations/launch' });
  await c.start();
  await vi.advanceTimersByTimeAsync(14_999);
  expect(polls(requests)).toHaveLength(0);
  await vi.advanceTimersByTimeAsync(1);
  expect(polls(requests)).toHaveLength(1);
  doc.hidden = false;
  doc.dispatchEvent(new Event('visibilitychange'));
  await settle();
  expect(polls(requests)).toHaveLength(2);
  c.destroy();
  doc.dispatchEvent(new Event('visibilitychange'));
  await settle();
  expect(polls(requests)).toHaveLength(2);
});

test('several clients follow their own operations independently', async () => {
  const requests = fakeFetch((r) => {
    const type = r.url.includes('/b') ? 'b' : 'a';
    const body = status({ id: `${type}1`, value: type === 'a' ? 0.1 : 0.7 });
    body.links.self = `/api/${type}/${type}1`;
    return r.url.includes('active=true') ? json([]) : json(body, { status: r.method === 'POST' ? 202 : 200 });
  });
  const a = client({ url: 'https://app.test/api/a' });
  const b = client({ url: 'https://app.test/api/b', interval: 1000 });
  await Promise.all([a.start(), b.start()]);
  await vi.advanceTimersByTimeAsync(3000);
  expect(polls(requests, 'https://app.test/api/a/a1')).toHaveLength(1);
  expect(polls(requests, 'https://app.test/api/b/b1')).toHaveLength(3);
  b.destroy();
  await vi.advanceTimersByTimeAsync(3000);
  expect(polls(requests, 'https://app.test/api/a/a1')).toHaveLength(2);
  expect([a.status.value, b.status.value]).toEqual([0.1, 0.7]);
});

test('messages can be replaced, wholly or in part', () => {
  fakeFetch(() => json([]));
  expect(client({ messages: ru }).messages.network).toBe(ru.network);
  expect(client({ messages: { busy: 'Wait' } }).messages).toMatchObject({ busy: 'Wait', network: 'Connection lost, retrying…' });
});

describe('plumbing shared with the list', () => {
  test('announces a start and an end to the other tabs, which is what wakes an idle list', async () => {
    const answers = [json(status({ state: 'SUCCEEDED', value: 1 }))];
    server({ poll: () => answers.shift() });
    const tab = new FakeBroadcastChannel('asyncops');
    const heard = [];
    tab.onmessage = (e) => heard.push(e.data);
    const c = client();
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(heard).toEqual([
      { event: 'start', type: 'launch', id: 'op1' },
      { event: 'end', type: 'launch', id: 'op1' },
    ]);
    tab.close();
  });

  test('a fetch hook makes every request, and auto then polls, as an event stream cannot carry its headers', async () => {
    const sources = installEventSource();
    const requests = server();
    const seen = [];
    const c = client({
      transport: 'auto',
      fetch: (url, init) => {
        seen.push(url);
        return fetch(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer t0k3n' } });
      },
    });
    await c.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(sources).toHaveLength(0);
    expect(seen).toEqual([LIST, TYPE_URL, SELF]);
    for (const r of requests) expect(r.headers).toMatchObject({ Authorization: 'Bearer t0k3n', Accept: 'application/json' });
  });
});
