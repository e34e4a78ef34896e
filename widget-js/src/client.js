/*
 * The headless client. Design notes:
 * - One timer and at most one poll in flight: the next poll is scheduled only after the previous
 *   answer, and stop() aborts a pending poll before it posts.
 * - Every switch of operation (start, attach, resume, a final status, destroy) bumps #gen; an
 *   answer that arrives for an older generation is dropped.
 * - Failures keep the last status, report an error and retry with exponential backoff; the next
 *   good answer clears the error. 404 and 410 end following for good.
 * - The JSDoc types are the package's types: tsc checks this file and emits the declarations.
 */
import { announce, request, resolve } from './common.js';
import { en } from './messages.js';

/** @typedef {import('./common.js').FetchHook} FetchHook */
/** @typedef {import('./messages.js').Messages} Messages */

/** @typedef {'QUEUED' | 'RUNNING' | 'STOPPING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED'} OperationState */

/**
 * Links of a status, resolved to absolute URLs by the client.
 *
 * @typedef {object} OperationLinks
 * @property {string} self
 * @property {string | null} [stop]
 * @property {string | null} [result]
 * @property {string | null} [events]
 */

/**
 * A status object as the adapter sends it.
 *
 * @typedef {object} OperationStatus
 * @property {string} id
 * @property {string} type
 * @property {OperationState} state
 * @property {number | null} value Progress from 0 to 1, or null when unknown.
 * @property {string | null} text
 * @property {boolean} active
 * @property {string | null} key
 * @property {string} createdAt
 * @property {string | null} startedAt
 * @property {string | null} updatedAt
 * @property {string | null} finishedAt
 * @property {string | null} error A user-safe message when the state is FAILED.
 * @property {boolean} resultAvailable
 * @property {boolean} stopRequested
 * @property {number | null} [elapsed] Whole seconds running as of the response, or null if it never ran (absent from older servers).
 * @property {number | null} [remaining] Estimated whole seconds left as of the response, or null while there is no trustworthy estimate.
 * @property {boolean} [stalled] Whether it runs but nothing moved for longer than its type's stall threshold.
 * @property {{ index: number, count: number, name: string | null } | null} [stage] The stage the worker reported, or null.
 * @property {OperationLinks} links
 */

/**
 * An RFC 9457 problem+json body.
 *
 * @typedef {{ type?: string, title?: string, status?: number, detail?: string, [member: string]: unknown }} Problem
 */

/** `poll`; `sse`; or `auto`: SSE, falling back to polling after the first stream error. @typedef {'poll' | 'sse' | 'auto'} Transport */

/**
 * Why a request failed; also the key of its text in `messages`. `blocked`: a cross-origin request
 * failed, which the browser reports alike whether CORS refused it or the server is unreachable.
 * `params`: the element's `params` attribute is not JSON; the message is the parser's.
 *
 * @typedef {'network' | 'server' | 'unreachable' | 'blocked' | 'rejected' | 'busy' | 'unknown' | 'expired' | 'params'} OperationErrorCode
 */

/**
 * @typedef {object} OperationErrorDetail
 * @property {OperationStatus | null} status The last known status, kept while the client retries.
 * @property {OperationError} error
 * @property {boolean} retrying True while the client retries on its own.
 */

/**
 * @typedef {object} BackgroundOperationEventMap
 * @property {CustomEvent<OperationStatus>} update Every new status, and the kept status once the client recovers from an error.
 * @property {CustomEvent<OperationStatus>} end A final status; the client stops following.
 * @property {CustomEvent<OperationErrorDetail>} error A request failed.
 */

/**
 * @typedef {object} BackgroundOperationOptions
 * @property {string} url The operation type's base URL in the adapter, e.g. `/api/operations/missile-launch`.
 * @property {number} [interval] Poll interval in ms when the server sends no Retry-After. Default 3000.
 * @property {Transport} [transport] Default `auto`.
 * @property {Partial<Messages>} [messages] Replaces some of the English texts.
 * @property {boolean} [resume] Look up and follow the caller's active operation on creation. Default true.
 * @property {FetchHook | null} [fetch] Makes every request instead of the global `fetch`, e.g. to add a bearer token. An event stream cannot carry such headers, so `auto` then polls.
 * @property {string} [lang] The language the server renders texts in, e.g. `en`: sent as `Accept-Language`, and as `?lang=` on the event stream, which cannot set headers. Default: the browser's languages.
 */

/**
 * An EventTarget whose addEventListener and removeEventListener know the events' types.
 *
 * @template {object} M
 * @typedef {{ new (): {
 *   addEventListener<K extends keyof M & string>(type: K, listener: (event: M[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
 *   removeEventListener<K extends keyof M & string>(type: K, listener: (event: M[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
 * } & EventTarget }} TypedEventTarget
 */

/** Why a request failed: what start() and stop() reject with, and what `error` events carry. */
export class OperationError extends Error {
  /** @type {'OperationError'} */
  name = 'OperationError';

  /**
   * @param {string} message
   * @param {OperationErrorCode} code Also the key of its text in `messages`.
   * @param {Response | null} [res]
   * @param {Problem | null} [problem]
   */
  constructor(message, code, res, problem) {
    super(message);
    const wait = retryAfter(res);
    /** @readonly */
    this.code = code;
    /** The HTTP status, 0 when the server could not be reached. @readonly */
    this.httpStatus = res?.status ?? 0;
    /** @readonly @type {Problem | null} */
    this.problem = problem || null;
    /** The server's Retry-After in seconds, or null. @readonly */
    this.retryAfter = wait && wait / 1000;
  }
}

/** Starts, follows and stops one background operation of the type at `url`. */
export class BackgroundOperation extends /** @type {TypedEventTarget<BackgroundOperationEventMap>} */ (EventTarget) {
  /** @type {OperationStatus | null} */
  #status = null;
  /** The current error, or null once requests succeed again. @type {OperationError | null} */
  error = null;
  /** Texts of the errors the client reports. @type {Messages} */
  messages = en;
  #url;
  #interval;
  #transport;
  #hook;
  #lang;
  /** @type {string | null} */
  #self = null;
  /** @type {string | null} */
  #etag = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  #failures = 0;
  #gen = 0;
  /** @type {Set<AbortController>} */
  #aborts = new Set();
  /** @type {EventSource | null} */
  #source = null;
  #polling = false;
  /** @type {Promise<OperationError | null> | null} */
  #inflight = null;
  /** @type {Promise<OperationStatus> | null} */
  #starting = null;
  #dead = false;

  /** @param {BackgroundOperationOptions} options */
  constructor({ url, interval = 3000, transport = 'auto', messages, resume = true, fetch, lang }) {
    super();
    this.#lang = lang;
    this.#url = new URL(url, globalThis.document?.baseURI).href;
    this.#interval = interval;
    this.#hook = fetch;
    this.#transport = fetch && transport == 'auto' ? 'poll' : transport;
    if (messages) this.messages = { ...en, ...messages };
    globalThis.document?.addEventListener('visibilitychange', this.#onVisibility);
    /** Settles once the resume look-up made on creation has answered. @type {Promise<OperationStatus | null>} */
    this.ready = resume ? this.#resume() : Promise.resolve(null);
  }

  /** The last known status, or null. */
  get status() {
    return this.#status;
  }

  /**
   * Starts an operation, or resolves with the active one this client already follows.
   *
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<OperationStatus>}
   */
  start(params = {}) {
    return (this.#starting ??= this.#start(params).finally(() => {
      this.#starting = null;
    }));
  }

  /**
   * Asks the server to stop the followed operation. Idempotent.
   *
   * @returns {Promise<OperationStatus | null>}
   */
  async stop() {
    await this.ready;
    const link = this.#self && this.#status?.active && this.#status.links.stop;
    if (!link) return this.#status;
    this.#pause();
    const error = await this.#exchange(link, 'POST', {});
    if (error) throw error;
    return this.#status;
  }

  /**
   * Polls now instead of waiting.
   *
   * @returns {Promise<OperationStatus | null>}
   */
  async ping() {
    await this.ready;
    if (this.#self && this.#status?.active) await this.#poll();
    return this.#status;
  }

  /**
   * Follows the operation with this id instead of the current one.
   *
   * @param {string} id
   * @returns {Promise<OperationStatus | null>}
   */
  async attach(id) {
    this.#halt();
    this.#self = `${this.#url.replace(/\/$/, '')}/${encodeURIComponent(id)}`;
    this.#etag = null;
    this.#status = null;
    await this.#poll();
    return this.#status;
  }

  /** Aborts requests, timers and the event stream. The client cannot be used afterwards. */
  destroy() {
    this.#halt();
    this.#dead = true;
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisibility);
  }

  /**
   * @param {Record<string, unknown>} params
   * @returns {Promise<OperationStatus>}
   */
  async #start(params) {
    await this.ready;
    if (this.#self && this.#status?.active) return this.#status;
    this.#halt();
    let res, data;
    try {
      ({ res, data } = await this.#request(this.#url, 'POST', params));
    } catch (e) {
      throw isAbort(e) ? e : this.#report('unreachable', false);
    }
    if (!res.ok || !data) {
      throw this.#report(res.status === 429 ? 'busy' : 'rejected', false, res, data);
    }
    this.#follow(data, res, this.#url);
    const status = /** @type {OperationStatus} */ (this.#status);
    if (status.active) announce({ event: 'start', type: status.type, id: status.id });
    return status;
  }

  /** @returns {Promise<OperationStatus | null>} */
  async #resume() {
    const gen = this.#gen;
    const url = `${this.#url}?active=true&limit=1`;
    const again = () => this.#resume();
    try {
      const { res, data } = await this.#request(url);
      if (gen !== this.#gen) return this.#status;
      if (res.ok && Array.isArray(data)) {
        if (data[0]?.active) this.#follow(data[0], res, url);
      } else if (res.status >= 500 || res.status === 429) {
        this.#retry('server', res, again);
      } else {
        this.#report('rejected', false, res, data);
      }
    } catch (e) {
      if (gen === this.#gen && !isAbort(e)) this.#retry('network', null, again);
    }
    return this.#status;
  }

  /**
   * @param {OperationStatus} data
   * @param {Response} res
   * @param {string} base
   */
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
      const p = this.#exchange(/** @type {string} */ (this.#self), 'GET').finally(() => {
        if (this.#inflight === p) this.#inflight = null;
      });
      this.#inflight = p;
    }
    return this.#inflight;
  }

  /**
   * One request about the followed operation: applies the answer, schedules what comes next.
   *
   * @param {string} url
   * @param {string} method
   * @param {object} [body]
   * @returns {Promise<OperationError | null>}
   */
  async #exchange(url, method, body) {
    const gen = this.#gen;
    let res, data;
    try {
      ({ res, data } = await this.#request(url, method, body));
    } catch (e) {
      return isAbort(e) || gen !== this.#gen ? null : this.#retry('network');
    }
    if (gen !== this.#gen) return null;
    const code = res.status;
    let error = null;
    if (res.ok && data) this.#accept(withLinks(data, res.url || url));
    else if (code === 304) {
      if (this.error) this.#accept(/** @type {OperationStatus} */ (this.#status));
    } else if (code === 404 || code === 410) return this.#lose(code === 404 ? 'unknown' : 'expired', res, data);
    else if (code >= 500 || code === 429 || res.ok) return this.#retry('server', res);
    else if (method === 'GET') return this.#lose('rejected', res, data);
    else error = this.#report('rejected', false, res, data);
    if (gen === this.#gen && this.#status?.active) this.#watch(this.#delay(res));
    return error;
  }

  /**
   * @param {string} url
   * @param {string} [method]
   * @param {object} [body]
   * @returns {Promise<{ res: Response, data: any }>}
   */
  async #request(url, method = 'GET', body) {
    if (this.#dead) throw new DOMException('', 'AbortError');
    const ctrl = new AbortController();
    this.#aborts.add(ctrl);
    /** @type {Record<string, string>} */
    const headers = method == 'GET' && url === this.#self && this.#etag ? { 'If-None-Match': this.#etag } : {};
    if (this.#lang) headers['Accept-Language'] = this.#lang;
    try {
      const { res, data } = await request(url, { method, body, headers, signal: ctrl.signal, hook: this.#hook });
      if (res.ok && url === this.#self) this.#etag = res.headers.get('ETag');
      return { res, data };
    } finally {
      this.#aborts.delete(ctrl);
    }
  }

  /** @param {OperationStatus} status */
  #accept(status) {
    this.#failures = 0;
    this.error = null;
    this.#status = status;
    this.#emit('update', status);
    if (!status.active) {
      this.#halt();
      announce({ event: 'end', type: status.type, id: status.id });
      this.#emit('end', status);
    }
  }

  /** @param {number} delay */
  #watch(delay) {
    const sse = this.#transport !== 'poll' && !this.#polling;
    if (sse && this.#status?.links.events && globalThis.EventSource) this.#open(this.#status.links.events);
    else this.#schedule(delay);
  }

  /** @param {string} url */
  #open(url) {
    if (this.#source) return;
    const stream = new URL(url);
    if (this.#lang) stream.searchParams.set('lang', this.#lang);
    const source = (this.#source = new EventSource(stream.href, { withCredentials: true }));
    source.addEventListener('status', (e) => this.#accept(withLinks(JSON.parse(e.data), url)));
    source.onerror = () => {
      source.close();
      this.#source = null;
      if (this.#transport === 'sse') return this.#retry('network');
      this.#polling = true;
      this.#poll();
    };
  }

  /** @param {Response} res */
  #delay(res) {
    const wait = retryAfter(res) ?? this.#interval;
    // A hidden tab polls five times less often.
    return globalThis.document?.hidden ? wait * 5 : wait;
  }

  /**
   * @param {number} delay
   * @param {() => unknown} [task]
   */
  #schedule(delay, task = () => this.#poll()) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      task();
    }, delay);
  }

  /**
   * @param {OperationErrorCode} code
   * @param {Response | null} [res]
   * @param {() => unknown} [task]
   */
  #retry(code, res, task) {
    // At most a minute between retries.
    const backoff = Math.min(this.#interval * 2 ** this.#failures++, 60_000);
    this.#schedule(Math.max(backoff, retryAfter(res) ?? 0), task);
    return this.#report(code, true, res);
  }

  /**
   * @param {OperationErrorCode} code
   * @param {Response} res
   * @param {Problem | null} data
   */
  #lose(code, res, data) {
    this.#halt();
    this.#self = null;
    return this.#report(code, false, res, data);
  }

  /**
   * @param {OperationErrorCode} code
   * @param {boolean} retrying
   * @param {Response | null} [res]
   * @param {Problem | null} [problem]
   */
  #report(code, retrying, res, problem) {
    // The browser does not tell a CORS refusal from an unreachable server: for a server on another
    // origin, a request that got no answer reports `blocked`, whose text names both.
    if (!res && globalThis.location && new URL(this.#url).origin != location.origin) code = 'blocked';
    const own = !retrying && code !== 'unknown' && code !== 'expired' && (problem?.detail || problem?.title);
    const error = new OperationError(own || this.messages[/** @type {keyof Messages} */ (code)], code, res, problem);
    this.error = error;
    this.#emit('error', { status: this.#status, error, retrying });
    return error;
  }

  #pause() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
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

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // A pending timer without failures is always a poll: retries of the resume look-up count as failures.
  #onVisibility = () => {
    if (!document.hidden && this.#timer && !this.#failures) this.#schedule(0);
  };
}

/**
 * The status with its links resolved against the URL of the response that carried it.
 *
 * @param {OperationStatus} status
 * @param {string} base
 * @returns {OperationStatus}
 */
function withLinks(status, base) {
  return { ...status, links: resolve(status.links, base) };
}

/** @param {unknown} e */
const isAbort = (e) => /** @type {Error} */ (e).name === 'AbortError';

/**
 * Retry-After in ms, or null. The adapter sends seconds, never an HTTP date.
 *
 * @param {Response | null} [res]
 */
function retryAfter(res) {
  const seconds = parseFloat(/** @type {string} */ (res?.headers.get('Retry-After')));
  return seconds >= 0 ? seconds * 1000 : null;
}
