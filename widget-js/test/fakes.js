/** Fakes shared by the unit tests: a scripted fetch, an EventSource and status objects. */
import { vi } from 'vitest';

export const TYPE_URL = 'https://app.test/api/operations/launch';

/** A status object as the adapter sends it, with links relative to the server root. */
export function status(overrides = {}) {
  const id = overrides.id ?? 'op1';
  const state = overrides.state ?? 'RUNNING';
  const self = `/api/operations/launch/${id}`;
  return {
    id,
    type: 'launch',
    state,
    value: 0.1,
    text: 'Working',
    active: ['QUEUED', 'RUNNING', 'STOPPING'].includes(state),
    key: null,
    createdAt: '2026-11-26T12:00:00Z',
    startedAt: '2026-11-26T12:00:00Z',
    updatedAt: '2026-11-26T12:00:01Z',
    finishedAt: null,
    error: null,
    resultAvailable: false,
    stopRequested: false,
    links: { self, stop: `${self}/stop`, result: `${self}/result`, events: `${self}/events` },
    ...overrides,
  };
}

export function json(body, init = {}) {
  const headers = { 'Content-Type': 'application/json', ...init.headers };
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

export function problem(code, detail, headers = {}) {
  const body = { type: 'about:blank', title: 'Problem', status: code, detail };
  return json(body, { status: code, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/**
 * Installs a fake global fetch. `route(request)` returns a Response, a promise of one, or an Error
 * to throw. Pending requests reject with AbortError when their signal aborts.
 */
export function fakeFetch(route) {
  const requests = [];
  const fetch = vi.fn((url, init = {}) => {
    const request = {
      url: String(url),
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      credentials: init.credentials,
      signal: init.signal,
    };
    requests.push(request);
    return new Promise((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve(route(request)).then((res) => (res instanceof Error ? reject(res) : resolve(res)), reject);
    });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

/** A promise with its resolve function, for answers the test releases itself. */
export function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

export class FakeEventSource extends EventTarget {
  static instances = [];
  closed = false;
  onerror = null;

  constructor(url) {
    super();
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  send(data) {
    this.dispatchEvent(new MessageEvent('status', { data: JSON.stringify(data) }));
  }

  fail() {
    this.onerror?.(new Event('error'));
  }

  close() {
    this.closed = true;
  }
}

export function installEventSource() {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return FakeEventSource.instances;
}

/** Lets pending promise callbacks run without moving the fake clock. */
export const settle = () => vi.advanceTimersByTimeAsync(0);

/**
 * A BroadcastChannel between the objects of this test run, as between the tabs of an origin: a
 * message reaches every other open channel of the same name, after the current task. `sent` records
 * every message; a test posts as another tab through a channel of its own.
 */
export class FakeBroadcastChannel {
  static open = new Set();
  static sent = [];
  onmessage = null;

  constructor(name) {
    this.name = name;
    FakeBroadcastChannel.open.add(this);
  }

  postMessage(data) {
    FakeBroadcastChannel.sent.push(data);
    for (const channel of FakeBroadcastChannel.open) {
      if (channel !== this && channel.name === this.name) queueMicrotask(() => channel.onmessage?.(new MessageEvent('message', { data })));
    }
  }

  close() {
    FakeBroadcastChannel.open.delete(this);
  }
}
