/*
 * <background-operation-bar>: renders a BackgroundOperation in shadow DOM. The light-DOM
 * children are the fallback shown before the element upgrades; the shadow root has no slot, so
 * they disappear once it does. The live region sits outside the progressbar because a
 * progressbar's children are presentational. All bars adopt one constructed stylesheet.
 */
import { BackgroundOperation, OperationError } from './client.js';
import { adopt, language, pick, reflect, upgrade } from './common.js';
import { en, ru } from './messages.js';
import { timeLine } from './time.js';

/** @typedef {import('./client.js').OperationStatus} OperationStatus */
/** @typedef {import('./client.js').OperationErrorDetail} OperationErrorDetail */
/** @typedef {import('./client.js').Transport} Transport */
/** @typedef {import('./messages.js').Messages} Messages */
/** @typedef {import('./common.js').FetchHook} FetchHook */

/**
 * @typedef {object} BackgroundOperationBarEventMap
 * @property {CustomEvent<OperationStatus>} operation-update Every new status, and again on recovery from an error.
 * @property {CustomEvent<OperationStatus>} operation-end The operation succeeded, failed or stopped.
 * @property {CustomEvent<OperationErrorDetail>} operation-error A request failed, or `params` is not JSON.
 */

/**
 * The properties that reflect attributes.
 *
 * @typedef {object} BackgroundOperationBarAttributes
 * @property {string} url Attribute `url`: the operation type's base URL.
 * @property {number} interval Attribute `interval`: poll interval in ms. Default 3000.
 * @property {string} label Attribute `label`: text above the bar, also its accessible name.
 * @property {string} text Attribute `text`: shown while no operation is followed.
 * @property {number | null} value Attribute `value`, 0 to 1: shown while no operation is followed.
 * @property {Transport} transport Attribute `transport`. Default `auto`.
 * @property {Record<string, unknown>} params Attribute `params` (JSON): the body `start()` sends by default.
 * @property {string} omit Attribute `omit`: parts of the line of time to leave out, space-separated: `stage`, `elapsed`, `remaining`, `stalled`.
 */

/**
 * @typedef {new () => {
 *   addEventListener<K extends keyof BackgroundOperationBarEventMap>(type: K, listener: (event: BackgroundOperationBarEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
 *   removeEventListener<K extends keyof BackgroundOperationBarEventMap>(type: K, listener: (event: BackgroundOperationBarEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
 * } & HTMLElement & BackgroundOperationBarAttributes} BarBase
 */

// Under SSR there is no HTMLElement; the class then only has to load.
const Base = /** @type {BarBase} */ (globalThis.HTMLElement ?? class {});

// State colours come from custom properties (--c is the current one); ::part(bar) styles the rest.
const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}' +
  ':host([hidden]){display:none}' +
  ':host([state=succeeded]){--c:var(--asyncops-success-color,#15803d)}' +
  ':host([state=failed]),:host([state=lost]){--c:var(--asyncops-error-color,#dc2626)}' +
  ':host([state^=stop]){--c:var(--asyncops-stopped-color,#6b7280)}' +
  '[part=percent]{float:right}' +
  '[part=bar]{height:.5em;margin:.25em 0;overflow:hidden;border-radius:1em;background:#e5e7eb}' +
  '[part=fill]{height:100%;width:0;background:var(--c);transition:width .3s}' +
  ':host([error]) [part=text]{color:var(--asyncops-error-color,#dc2626)}' +
  '[part=time]{font-size:.85em;opacity:.8}[part=time]:empty{display:none}';

const HTML =
  '<span part=percent aria-hidden=true></span><span part=label id=label></span>' +
  '<div part=bar role=progressbar aria-labelledby=label aria-valuemin=0 aria-valuemax=100>' +
  '<div part=fill></div></div><div part=text aria-live=polite></div><div part=time></div>';

/** @param {string} v */
const asIs = (v) => v;

/**
 * Attributes reflected as properties: the attribute value assumed while absent, and its parser.
 *
 * @type {Record<keyof BackgroundOperationBarAttributes, [string, (value: string) => unknown]>}
 */
const ATTRS = {
  url: ['', asIs],
  label: ['', asIs],
  text: ['', asIs],
  transport: ['auto', asIs],
  interval: ['', (v) => +v || 3000],
  value: ['', (v) => (v === '' || isNaN(/** @type {any} */ (v)) ? null : +v)],
  params: ['{}', JSON.parse],
  omit: ['', asIs],
};
const PROPS = [...Object.keys(ATTRS), 'messages', 'fetch'];

/**
 * A progress bar that starts, follows and stops a background operation.
 *
 * @tagname background-operation-bar
 * @attr {string} url - The operation type's base URL in the adapter.
 * @attr {number} interval - Poll interval in ms, when the server sends no Retry-After. Default 3000.
 * @attr {string} label - Text above the bar, also its accessible name.
 * @attr {string} text - Text below the bar while no operation is followed.
 * @attr {number} value - Progress 0 to 1 while no operation is followed.
 * @attr {'auto' | 'sse' | 'poll'} transport - SSE falling back to polling, SSE only, or polling. Default `auto`.
 * @attr {string} params - The JSON body that `start()` sends. Default `{}`.
 * @attr {string} omit - Parts of the line of time to leave out, space-separated: `stage`, `elapsed`, `remaining`, `stalled`.
 * @attr {string} state - Set by the bar: `queued`, `running`, `stopping`, `succeeded`, `failed`, `stopped` or `lost`.
 * @attr {boolean} error - Set by the bar while a request failed.
 * @attr {boolean} stalled - Set by the bar while the server says the operation stalled.
 * @fires {CustomEvent<OperationStatus>} operation-update - Every new status, and again on recovery from an error.
 * @fires {CustomEvent<OperationStatus>} operation-end - The operation succeeded, failed or stopped.
 * @fires {CustomEvent<OperationErrorDetail>} operation-error - A request failed, or `params` is not JSON.
 * @csspart label - The label above the bar.
 * @csspart percent - The percentage, right of the label.
 * @csspart bar - The track, with `role="progressbar"`.
 * @csspart fill - The filled part of the track.
 * @csspart text - The status text, an `aria-live="polite"` region.
 * @csspart time - The line of time under the text: stage, time elapsed, time left, a stall.
 * @cssprop --asyncops-bar-color - Running and queued. Default #2563eb.
 * @cssprop --asyncops-success-color - Succeeded. Default #15803d.
 * @cssprop --asyncops-error-color - Failed, lost, and the error text. Default #dc2626.
 * @cssprop --asyncops-stopped-color - Stopping and stopped. Default #6b7280.
 */
export class BackgroundOperationBar extends Base {
  static observedAttributes = Object.keys(ATTRS);

  /**
   * Registers the element under `tag` unless the registry already has that tag.
   *
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   * @returns {typeof BackgroundOperationBar}
   */
  static define(tag = 'background-operation-bar', registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {BackgroundOperation | null} */
  #client = null;
  #live = false;
  /** @type {Partial<Messages> | null} */
  #messages = null;
  /** @type {FetchHook | null} */
  #hook = null;
  /** @type {Record<string, HTMLElement>} */
  #parts = {};
  #arrived = 0;
  /** @type {ReturnType<typeof setInterval> | null} */
  #clock = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adopt(root, STYLE);
    root.innerHTML = HTML;
    for (const el of root.querySelectorAll('[part]')) this.#parts[/** @type {string} */ (el.getAttribute('part'))] = /** @type {HTMLElement} */ (el);
  }

  /**
   * The texts in use: English, or Russian under `lang="ru"`, with your overrides on top.
   *
   * @returns {Messages}
   */
  get messages() {
    return { ...pick(this, en, ru), ...this.#messages };
  }
  /** @param {Partial<Messages> | null} v */
  set messages(v) {
    this.#messages = v;
    if (this.#client) this.#client.messages = this.messages;
    this.#render();
  }

  /**
   * Makes the bar's requests instead of the global `fetch`, e.g. to add a bearer token; null for
   * the global one. Setting it reconnects. An event stream cannot carry headers: `auto` then polls.
   *
   * @returns {FetchHook | null}
   */
  get fetch() {
    return this.#hook;
  }
  /** @param {FetchHook | null} v */
  set fetch(v) {
    this.#hook = v;
    if (this.#live) this.#connect();
  }

  /** The client while connected with a `url`, else null. */
  get operation() {
    return this.#client;
  }

  /** The last known status, or null. */
  get status() {
    return this.#client?.status ?? null;
  }

  /**
   * Starts an operation with `params`, by default the `params` attribute. Resolves with the status,
   * or with null when the request failed or the attribute is not JSON (see `operation-error`).
   *
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<OperationStatus | null>}
   */
  start(params) {
    return this.#call('start', params);
  }
  /**
   * Asks the server to stop the operation. Resolves like `start()`.
   *
   * @returns {Promise<OperationStatus | null>}
   */
  stop() {
    return this.#call('stop');
  }
  /**
   * Polls now. Resolves like `start()`.
   *
   * @returns {Promise<OperationStatus | null>}
   */
  ping() {
    return this.#call('ping');
  }

  connectedCallback() {
    upgrade(this, PROPS);
    this.#live = true;
    this.#connect();
  }

  disconnectedCallback() {
    this.#live = false;
    this.#tick(false);
    this.#client?.destroy();
    this.#client = null;
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (this.#live && /^(url|interval|transport)$/.test(name)) this.#connect();
    else this.#render();
  }

  /**
   * Failures are reported through `operation-error`, so the methods resolve with null instead.
   *
   * @param {'start' | 'stop' | 'ping'} method
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<OperationStatus | null>}
   */
  async #call(method, params) {
    try {
      if (method === 'start') params ??= this.params;
      return (await this.#client?.[method](params)) ?? null;
    } catch (e) {
      // Only parsing the params attribute throws a SyntaxError here; the client rejects with OperationError.
      if (e instanceof SyntaxError) {
        this.#dispatch('error', { status: this.status, error: new OperationError(e.message, 'params'), retrying: false });
      }
      return null;
    }
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(`operation-${type}`, { detail, bubbles: true, composed: true }));
  }

  #connect() {
    this.#client?.destroy();
    const url = this.getAttribute('url');
    this.#client = url
      ? new BackgroundOperation({
          url,
          interval: this.interval,
          transport: this.transport,
          messages: this.messages,
          fetch: this.#hook,
          lang: language(this),
        })
      : null;
    for (const type of ['update', 'end', 'error']) {
      this.#client?.addEventListener(type, (event) => {
        if (type === 'update') this.#arrived = Date.now();
        this.#render();
        this.#dispatch(type, /** @type {CustomEvent} */ (event).detail);
      });
    }
    this.#render();
  }

  #render() {
    const p = this.#parts;
    const s = this.status;
    const m = this.messages;
    const error = this.#client?.error;
    const state = s && (/^(unknown|expired)$/.test(/** @type {string} */ (error?.code)) ? 'lost' : s.state.toLowerCase());
    const value = s ? s.value : this.value;
    const percent = value === null || value === undefined ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
    const text = error?.message || (s ? s.error || s.text || /** @type {Record<string, string>} */ (m)[/** @type {string} */ (state)] : this.text) || '';
    const time = timeLine(s, Date.now() - this.#arrived, m, language(this), this.omit);
    if (state) this.setAttribute('state', state);
    else this.removeAttribute('state');
    this.toggleAttribute('error', !!error);
    this.toggleAttribute('stalled', !!(s?.active && s.stalled));
    p.label.textContent = this.label;
    p.percent.textContent = percent === null ? '' : `${percent}%`;
    p.fill.style.width = `${percent ?? 0}%`;
    if (p.text.textContent !== text) p.text.textContent = text;
    if (p.time.textContent !== time.shown) p.time.textContent = time.shown;
    this.#tick(this.#live && !!(s?.active && time.shown));
    const bar = p.bar;
    bar.toggleAttribute('aria-busy', !!s?.active);
    const spoken = [text, time.spoken].filter(Boolean).join(', ') || null;
    for (const [name, v] of /** @type {[string, unknown][]} */ ([['aria-valuenow', percent], ['aria-valuetext', spoken]])) {
      if (v === null) bar.removeAttribute(name);
      else bar.setAttribute(name, /** @type {string} */ (v));
    }
  }

  /**
   * Moves the line of time on once a second while an operation with times is active.
   *
   * @param {boolean} on
   */
  #tick(on) {
    if (on && !this.#clock) this.#clock = setInterval(() => this.#render(), 1000);
    else if (!on && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = null;
    }
  }
}

reflect(BackgroundOperationBar.prototype, ATTRS);
