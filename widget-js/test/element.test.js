// @vitest-environment jsdom
/**
 * <background-operation-bar> in jsdom with a fake fetch on fake timers: registration, attribute
 * and property reflection, ARIA, rendering of states and errors, events, messages, several bars
 * and removal. Layout and the real accessibility tree are checked in Chromium (browser.test.js).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundOperationBar } from '../src/element.js';
import { ru } from '../src/messages.js';
import { FakeBroadcastChannel, fakeFetch, json, problem, settle, status } from './fakes.js';

BackgroundOperationBar.define();

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.useRealTimers();
});

function bar(attributes = {}, children = '') {
  const el = document.createElement('background-operation-bar');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = children;
  document.body.append(el);
  return el;
}

const part = (el, name) => el.shadowRoot.querySelector(`[part=${name}]`);
const progressbar = (el) => el.shadowRoot.querySelector('[role=progressbar]');

/** A fake adapter whose polls answer from `answers` and then repeat the last one. */
function server(answers, list = []) {
  return fakeFetch((r) => {
    if (r.url.includes('active=true')) return json(list);
    if (r.method === 'POST') return r.url.endsWith('/stop') ? json(status({ state: 'STOPPING' })) : json(status({ value: 0 }), { status: 202 });
    return answers.length > 1 ? answers.shift() : answers[0];
  });
}

describe('registration', () => {
  test('define registers once and tolerates a second call', () => {
    expect(customElements.get('background-operation-bar')).toBe(BackgroundOperationBar);
    expect(BackgroundOperationBar.define()).toBe(BackgroundOperationBar);
  });

  test('define takes another tag and registry', () => {
    const registry = { defined: {}, get: (t) => registry.defined[t], define: (t, c) => (registry.defined[t] = c) };
    BackgroundOperationBar.define('my-bar', registry);
    expect(registry.defined).toEqual({ 'my-bar': BackgroundOperationBar });
  });

  test('define.js registers the element and re-exports the API', async () => {
    const api = await import('../src/define.js');
    expect(api.BackgroundOperationBar).toBe(BackgroundOperationBar);
    expect(document.createElement('background-operation-bar')).toBeInstanceOf(BackgroundOperationBar);
  });
});

describe('without an operation', () => {
  test('renders label, text and value from attributes as an accessible progress bar', () => {
    const el = bar({ label: 'Launch', text: 'Not started', value: '0.25' });
    const pb = progressbar(el);
    expect(pb.getAttribute('aria-valuemin')).toBe('0');
    expect(pb.getAttribute('aria-valuemax')).toBe('100');
    expect(pb.getAttribute('aria-valuenow')).toBe('25');
    expect(pb.getAttribute('aria-valuetext')).toBe('Not started');
    expect(el.shadowRoot.getElementById(pb.getAttribute('aria-labelledby')).textContent).toBe('Launch');
    expect(part(el, 'text').getAttribute('aria-live')).toBe('polite');
    expect(part(el, 'percent').textContent).toBe('25%');
    expect(part(el, 'fill').style.width).toBe('25%');
    expect(el.hasAttribute('state')).toBe(false);
  });

  test('attributes and properties reflect each other', () => {
    const el = bar();
    expect([el.url, el.interval, el.label, el.text, el.value, el.transport, el.params]).toEqual(['', 3000, '', '', null, 'auto', {}]);
    Object.assign(el, { url: '/api/x', interval: 500, label: 'L', text: 'T', value: 0.5, transport: 'sse', params: { n: 1 } });
    for (const [name, value] of Object.entries({ url: '/api/x', interval: '500', label: 'L', text: 'T', value: '0.5', transport: 'sse', params: '{"n":1}' })) {
      expect(el.getAttribute(name)).toBe(value);
    }
    el.setAttribute('value', '0.75');
    expect(el.value).toBe(0.75);
    el.value = null;
    expect(el.hasAttribute('value')).toBe(false);
    expect(progressbar(el).hasAttribute('aria-valuenow')).toBe(false);
  });

  test('all bars adopt one constructed stylesheet instead of a style element each', () => {
    const [a, b] = [bar(), bar()];
    expect(a.shadowRoot.adoptedStyleSheets).toHaveLength(1);
    expect(a.shadowRoot.adoptedStyleSheets[0]).toBe(b.shadowRoot.adoptedStyleSheets[0]);
    expect(a.shadowRoot.querySelector('style')).toBeNull();
    expect([...a.shadowRoot.adoptedStyleSheets[0].cssRules].map((r) => r.selectorText)).toContain(':host([error]) [part=text]');
  });

  test('keeps its fallback children out of the rendering', () => {
    const el = bar({}, '<p>Loading…</p>');
    expect(el.shadowRoot.querySelector('slot')).toBeNull();
    expect(el.textContent).toBe('Loading…');
  });

  test('takes properties set before it was defined', () => {
    const el = document.createElement('late-bar');
    el.label = 'Early';
    document.body.append(el);
    class LateBar extends BackgroundOperationBar {}
    LateBar.define('late-bar');
    expect(el.getAttribute('label')).toBe('Early');
    expect(part(el, 'label').textContent).toBe('Early');
  });

  test('start, stop and ping resolve with null', async () => {
    const el = bar();
    expect([await el.start(), await el.stop(), await el.ping()]).toEqual([null, null, null]);
  });
});

describe('with an operation', () => {
  test('resumes on connect, renders each status and fires events', async () => {
    server([json(status({ value: 0.5, text: 'Half way' })), json(status({ state: 'SUCCEEDED', value: 1, text: 'Landed' }))], [status({ value: 0.2 })]);
    const events = [];
    document.addEventListener('operation-update', (e) => events.push(['update', e.detail.state]));
    document.addEventListener('operation-end', (e) => events.push(['end', e.detail.state]));
    const el = bar({ url: '/api/operations/launch', label: 'Launch' });
    await settle();
    expect(el.getAttribute('state')).toBe('running');
    expect(progressbar(el).getAttribute('aria-valuenow')).toBe('20');
    expect(progressbar(el).hasAttribute('aria-busy')).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(part(el, 'text').textContent).toBe('Half way');
    expect(progressbar(el).getAttribute('aria-valuetext')).toBe('Half way');
    await vi.advanceTimersByTimeAsync(3000);
    expect(el.getAttribute('state')).toBe('succeeded');
    expect(progressbar(el).getAttribute('aria-valuenow')).toBe('100');
    expect(progressbar(el).hasAttribute('aria-busy')).toBe(false);
    expect(el.status.text).toBe('Landed');
    expect(events).toEqual([['update', 'RUNNING'], ['update', 'RUNNING'], ['update', 'SUCCEEDED'], ['end', 'SUCCEEDED']]);
  });

  test('start sends the params attribute, stop reflects STOPPING', async () => {
    const requests = server([json(status())]);
    const el = bar({ url: '/api/operations/launch', params: '{"target":"moon"}' });
    await settle();
    expect((await el.start()).state).toBe('RUNNING');
    expect(requests.find((r) => r.method === 'POST').body).toEqual({ target: 'moon' });
    expect((await el.stop()).state).toBe('STOPPING');
    expect(el.getAttribute('state')).toBe('stopping');
    expect(part(el, 'text').textContent).toBe('Working');
  });

  test('start with a malformed params attribute resolves with null and fires operation-error', async () => {
    const requests = server([json(status())]);
    const el = bar({ url: '/api/operations/launch', params: '{target: moon}' });
    await settle();
    const errors = [];
    el.addEventListener('operation-error', (e) => errors.push(e.detail));
    const started = el.start();
    expect(started).toBeInstanceOf(Promise);
    expect(await started).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: null, retrying: false, error: { name: 'OperationError', code: 'params', httpStatus: 0 } });
    expect(errors[0].error.message).toMatch(/JSON/);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect((await el.start({ target: 'mars' })).state).toBe('RUNNING');
  });

  test('shows state names when the server sends no text, and the error of a failed operation', async () => {
    server([json(status({ text: null })), json(status({ state: 'FAILED', text: 'At 40%', error: 'Fuel leak' }))]);
    const el = bar({ url: '/api/operations/launch' });
    await el.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(part(el, 'text').textContent).toBe('Running');
    await vi.advanceTimersByTimeAsync(3000);
    expect(el.getAttribute('state')).toBe('failed');
    expect(part(el, 'text').textContent).toBe('Fuel leak');
  });

  test('shows a connection error over the last status and clears it on recovery', async () => {
    server([new TypeError('offline'), json(status({ value: 0.3, text: 'Back' }))]);
    const errors = [];
    const el = bar({ url: '/api/operations/launch' });
    el.addEventListener('operation-error', (e) => errors.push(e.detail));
    await el.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(el.hasAttribute('error')).toBe(true);
    expect(el.getAttribute('state')).toBe('running');
    expect(part(el, 'text').textContent).toBe('Connection lost, retrying…');
    expect(errors[0]).toMatchObject({ retrying: true, status: { state: 'RUNNING' } });
    await vi.advanceTimersByTimeAsync(3000);
    expect(el.hasAttribute('error')).toBe(false);
    expect(part(el, 'text').textContent).toBe('Back');
  });

  test('says when the server no longer knows the operation', async () => {
    server([problem(404, 'No such operation')]);
    const el = bar({ url: '/api/operations/launch' });
    await el.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(el.getAttribute('state')).toBe('lost');
    expect(part(el, 'text').textContent).toBe('Unknown to the server');
  });

  test('speaks Russian under lang="ru" and takes replaced messages', async () => {
    document.documentElement.lang = 'ru-RU';
    server([new TypeError('offline')]);
    const el = bar({ url: '/api/operations/launch' });
    await el.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(part(el, 'text').textContent).toBe(ru.network);
    el.messages = { network: 'Связь пропала' };
    expect(el.messages.busy).toBe(ru.busy);
    await vi.advanceTimersByTimeAsync(3000);
    expect(part(el, 'text').textContent).toBe('Связь пропала');
  });

  test('several bars follow their own operations', async () => {
    fakeFetch((r) => {
      const id = r.url.includes('/api/a/') ? 'a1' : 'b1';
      const body = status({ id, value: id === 'a1' ? 0.1 : 0.9 });
      body.links.self = `${id}`;
      return json(r.url.includes('active=true') ? [body] : body);
    });
    const a = bar({ url: '/api/a/' });
    const b = bar({ url: '/api/b/' });
    await settle();
    expect([a, b].map((el) => progressbar(el).getAttribute('aria-valuenow'))).toEqual(['10', '90']);
    expect([a.status.id, b.status.id]).toEqual(['a1', 'b1']);
  });

  test('removing the element destroys its client', async () => {
    const requests = server([json(status())], [status()]);
    const el = bar({ url: '/api/operations/launch' });
    await settle();
    const client = el.operation;
    el.remove();
    expect(el.operation).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(await client.ping()).toBe(client.status);
    expect(requests).toHaveLength(1);
  });

  test('a new url replaces the client', async () => {
    const requests = server([json(status())]);
    const el = bar({ url: '/api/one' });
    el.url = '/api/two';
    await settle();
    expect(requests.map((r) => r.url)).toEqual(['http://localhost:3000/api/one?active=true&limit=1', 'http://localhost:3000/api/two?active=true&limit=1']);
    expect(requests[0].signal.aborted).toBe(true);
  });
});

describe('time on the bar', () => {
  const timed = (overrides = {}) => status({ elapsed: 30, remaining: 150, stalled: false, stage: { index: 2, count: 5, name: 'Loading rows' }, ...overrides });

  test('shows the stage, elapsed and time left, moving on by itself between statuses', async () => {
    server([json(timed())], [timed()]);
    const el = bar({ url: '/api/operations/launch', transport: 'poll', interval: '60000' });
    await settle();
    expect(part(el, 'time').textContent).toBe('Stage 2 of 5: Loading rows · 30 seconds elapsed · about 3 minutes left');
    expect(progressbar(el).getAttribute('aria-valuetext')).toBe('Working, Stage 2 of 5: Loading rows, about 3 minutes left');
    await vi.advanceTimersByTimeAsync(40_000);
    expect(part(el, 'time').textContent).toBe('Stage 2 of 5: Loading rows · 1 minute elapsed · about 2 minutes left');
  });

  test('a stalled status adds the hint and the stalled attribute', async () => {
    server([json(timed({ stalled: true, stage: null, remaining: null }))], [timed({ stalled: true, stage: null, remaining: null })]);
    const el = bar({ url: '/api/operations/launch' });
    await settle();
    expect(el.hasAttribute('stalled')).toBe(true);
    expect(part(el, 'time').textContent).toBe('30 seconds elapsed · No progress for a while');
  });

  test('omit turns parts off, and Russian comes with lang="ru"', async () => {
    document.documentElement.lang = 'ru';
    server([json(timed())], [timed()]);
    const el = bar({ url: '/api/operations/launch', omit: 'stage elapsed' });
    await settle();
    expect(part(el, 'time').textContent).toBe('ещё примерно 3 минуты');
    el.omit = 'stage elapsed remaining stalled';
    expect(part(el, 'time').textContent).toBe('');
  });

  test('without times from the server the bar looks as before and runs no clock', async () => {
    server([json(status())], [status()]);
    const el = bar({ url: '/api/operations/launch' });
    await settle();
    expect(part(el, 'time').textContent).toBe('');
    expect(progressbar(el).getAttribute('aria-valuetext')).toBe('Working');
    expect(vi.getTimerCount()).toBe(1);
  });

  test('the clock stops when the operation ends and when the element goes', async () => {
    server([json(timed({ state: 'SUCCEEDED', value: 1 }))], [timed()]);
    const el = bar({ url: '/api/operations/launch', transport: 'poll' });
    await settle();
    expect(part(el, 'time').textContent).not.toBe('');
    await vi.advanceTimersByTimeAsync(3000);
    expect(part(el, 'time').textContent).toBe('Stage 2 of 5: Loading rows');
    expect(vi.getTimerCount()).toBe(0);
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('plumbing shared with the list', () => {
  test('a fetch hook, set before the upgrade or after, makes every request of the bar', async () => {
    const requests = server([json(status())]);
    const el = document.createElement('background-operation-bar');
    el.setAttribute('url', 'https://app.test/api/operations/launch');
    const hook = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer one' } });
    el.fetch = hook;
    document.body.append(el);
    await el.start();
    expect(el.fetch).toBe(hook);
    expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer one', 'Bearer one']);

    el.fetch = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer two' } });
    await settle();
    expect(requests.at(-1).headers.Authorization).toBe('Bearer two');
  });

  test('bars share one constructed stylesheet, and a start is announced to the other tabs', async () => {
    server([json(status())]);
    const [a, b] = [bar({ url: '/api/operations/launch' }), bar({ url: '/api/operations/launch' })];
    expect(a.shadowRoot.adoptedStyleSheets[0]).toBe(b.shadowRoot.adoptedStyleSheets[0]);
    await a.start();
    expect(FakeBroadcastChannel.sent).toEqual([{ event: 'start', type: 'launch', id: 'op1' }]);
  });
});
