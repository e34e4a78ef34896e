/*
 * The headless client. Design notes:
 * - One timer and at most one poll in flight: the next poll is scheduled only after the previous
 *   answer, and stop() aborts a pending poll before it posts.
 * - Every switch of operation (start, attach, resume, a final status, destroy) bumps #gen; an
 *   answer that arrives for an older generation is dropped.
 * - Failures keep the last status, report an error and retry with exponential backoff; the next
 *   good answer clears the error. 404 and 410 end following for good.
 */
import { en } from './messages.js';

/** Longest wait between retries after failures, in ms. */
const MAX_BACKOFF = 60_000;
/** A hidden tab polls this many times less often. */
const HIDDEN_FACTOR = 5;

/** Why a request failed: what start() and stop() reject with, and what `error` events carry. */
export class OperationError extends Error {
  name = 'OperationError';

  constructor(message, code, res, problem) {
    super(message);
    const wait = retryAfter(res);
    Object.assign(this, { code, httpStatus: res?.status ?? 0, problem: problem || null, retryAfter: wait && wait / 1000 });
  }
}

/** Starts, follows and stops one background operation of the type at `url`. */
export class BackgroundOperation extends EventTarget {
  status = null;
  error = null;
  messages = en;
  #url;
  #interval;
  #transport;
  #self = null;
  #etag = null;
  #timer = null;
  #failures = 0;
  #gen = 0;
  #aborts = new Set();
  #source = null;
  #polling = false;
  #inflight = null;
  #starting = null;
  #dead = false;

  constructor({ url, interval = 3000, transport = 'auto', messages, resume = true } = {}) {
    super();
    this.#url = new URL(url, globalThis.document?.baseURI).href;
    this.#interval = interval;
    this.#transport = transport;
    if (messages) this.messages = { ...en, ...messages };
    globalThis.document?.addEventListener('visibilitychange', this.#onVisibility);
    this.ready = resume ? this.#resume() : Promise.resolve(null);
  }

  start(params = {}) {
    return (this.#starting ??= this.#start(params).finally(() => {
      this.#starting = null;
    }));
  }

  async stop() {
    await this.ready;
    const link = this.#self && this.status?.active && this.status.links.stop;
    if (!link) return this.status;
    this.#pause();
    const error = await this.#exchange(link, 'POST', {});
    if (error) throw error;
    return this.status;
  }

  async ping() {
    await this.ready;
    if (this.#self && this.status?.active) await this.#poll();
    return this.status;
  }

  async attach(id) {
    this.#halt();
    this.#self = `${this.#url.replace(/\/$/, '')}/${encodeURIComponent(id)}`;
    this.#etag = null;
    this.status = null;
    await this.#poll();
    return this.status;
  }

  destroy() {
    this.#halt();
    this.#dead = true;
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisibility);
  }

  async #start(params) {
    await this.ready;
    if (this.#self && this.status?.active) return this.status;
    this.#halt();
    let res, data;
    try {
      ({ res, data } = await this.#request(this.#url, 'POST', params));
    } catch (e) {
      throw e.name === 'AbortError' ? e : this.#report('unreachable', false);
    }
    if (!res.ok || !data) {
      throw this.#report(res.status === 429 ? 'busy' : 'rejected', false, res, data);
    }
    this.#follow(data, res, this.#url);
    return this.status;
  }

  async #resume() {
    const gen = this.#gen;
    const url = `${this.#url}?active=true&limit=1`;
    const again = () => this.#resume();
    try {
      const { res, data } = await this.#request(url);
      if (gen !== this.#gen) return this.status;
      if (res.ok && Array.isArray(data)) {
        if (data[0]?.active) this.#follow(data[0], res, url);
      } else if (res.status >= 500 || res.status === 429) {
        this.#retry('server', res, again);
      } else {
        this.#report('rejected', false, res, data);
      }
    } catch (e) {
      if (gen === this.#gen && e.name !== 'AbortError') this.#retry('network', null, again);
    }
    return this.status;
  }

  #follow(data, res, base) {
    this.#halt();
    const status = withLinks(data, res.url || base);
    this.#self = status.links.self;
    this.#etag = null;
    this.#accept(status);
    if (status.active) this.#watch(this.#delay(res));
  }

  #poll() {
    if (!this.#inflight) {
      const p = this.#exchange(this.#self, 'GET').finally(() => {
        if (this.#inflight === p) this.#inflight = null;
      });
      this.#inflight = p;
    }
    return this.#inflight;
  }

  /** One request about the followed operation: applies the answer, schedules what comes next. */
  async #exchange(url, method, body) {
    const gen = this.#gen;
    let res, data;
    try {
      ({ res, data } = await this.#request(url, method, body));
    } catch (e) {
      return e.name === 'AbortError' || gen !== this.#gen ? null : this.#retry('network');
    }
    if (gen !== this.#gen) return null;
    const code = res.status;
    let error = null;
    if (res.ok && data) this.#accept(withLinks(data, res.url || url));
    else if (code === 304) {
      if (this.error) this.#accept(this.status);
    } else if (code === 404 || code === 410) return this.#lose(code === 404 ? 'unknown' : 'expired', res, data);
    else if (code >= 500 || code === 429 || res.ok) return this.#retry('server', res);
    else if (method === 'GET') return this.#lose('rejected', res, data);
    else error = this.#report('rejected', false, res, data);
    if (gen === this.#gen && this.status?.active) this.#watch(this.#delay(res));
    return error;
  }

  async #request(url, method = 'GET', body) {
    if (this.#dead) throw new DOMException('The client was destroyed', 'AbortError');
    const ctrl = new AbortController();
    this.#aborts.add(ctrl);
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-Requested-With'] = 'asyncops';
    } else if (url === this.#self && this.#etag) headers['If-None-Match'] = this.#etag;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body: body && JSON.stringify(body),
        credentials: 'same-origin',
        signal: ctrl.signal,
      });
      const data = /json/.test(res.headers.get('Content-Type')) ? await res.json() : null;
      if (res.ok && url === this.#self) this.#etag = res.headers.get('ETag');
      return { res, data };
    } finally {
      this.#aborts.delete(ctrl);
    }
  }

  #accept(status) {
    this.#failures = 0;
    this.error = null;
    this.status = status;
    this.#emit('update', status);
    if (!status.active) {
      this.#halt();
      this.#emit('end', status);
    }
  }

  #watch(delay) {
    const sse = this.#transport !== 'poll' && !this.#polling;
    if (sse && this.status.links.events && globalThis.EventSource) this.#open();
    else this.#schedule(delay);
  }

  #open() {
    if (this.#source) return;
    const url = this.status.links.events;
    const source = (this.#source = new EventSource(url));
    source.addEventListener('status', (e) => this.#accept(withLinks(JSON.parse(e.data), url)));
    source.onerror = () => {
      source.close();
      this.#source = null;
      if (this.#transport === 'sse') return this.#retry('network');
      this.#polling = true;
      this.#poll();
    };
  }

  #delay(res) {
    const wait = retryAfter(res) ?? this.#interval;
    return globalThis.document?.hidden ? wait * HIDDEN_FACTOR : wait;
  }

  #schedule(delay, task = () => this.#poll()) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      task();
    }, delay);
  }

  #retry(code, res, task) {
    const backoff = Math.min(this.#interval * 2 ** this.#failures++, MAX_BACKOFF);
    this.#schedule(Math.max(backoff, retryAfter(res) ?? 0), task);
    return this.#report(code, true, res);
  }

  #lose(code, res, data) {
    this.#halt();
    this.#self = null;
    return this.#report(code, false, res, data);
  }

  #report(code, retrying, res, problem) {
    const own = !retrying && code !== 'unknown' && code !== 'expired' && (problem?.detail || problem?.title);
    const error = new OperationError(own || this.messages[code], code, res, problem);
    this.error = error;
    this.#emit('error', { status: this.status, error, retrying });
    return error;
  }

  #pause() {
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#inflight = null;
    for (const ctrl of this.#aborts) ctrl.abort();
  }

  #halt() {
    this.#gen++;
    this.#pause();
    this.#source?.close();
    this.#source = null;
    this.#polling = false;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // A pending timer without failures is always a poll: retries of the resume look-up count as failures.
  #onVisibility = () => {
    if (!document.hidden && this.#timer && !this.#failures) this.#schedule(0);
  };
}

/** The status with its links resolved against the URL of the response that carried it. */
function withLinks(status, base) {
  const links = {};
  for (const [name, href] of Object.entries(status.links ?? {})) {
    links[name] = href && new URL(href, base).href;
  }
  return { ...status, links };
}

/** Retry-After in ms, or null. The adapter sends seconds, never an HTTP date. */
function retryAfter(res) {
  const seconds = parseFloat(res?.headers.get('Retry-After'));
  return seconds >= 0 ? seconds * 1000 : null;
}
