/*
 * <background-operations>: the caller's operations of one type, or of every type, newest first,
 * each with its own bar, a download link once it ended with a result and a stop button while it is
 * active. Design notes:
 * - The adapter's lists are the source: one request per type each round (the types come from the
 *   adapter's index when no `type` is given), so a reload, another tab or another device of the
 *   same user shows up at the next round. One timer and one round in flight at a time.
 * - Items are keyed by id and updated in place, so a focused stop button keeps its focus.
 * - A hidden tab asks less often; it asks at once when it is shown again.
 * - Endings seen between two rounds are announced in a polite live region and, while the tab is
 *   hidden, as a notification once the user granted it with the element's button.
 * Imports neither the bar nor the client, so the list costs a page of bars nothing.
 */
import { enShared, ruShared } from './texts.js';
import { fill, timeLine } from './time.js';

/** @typedef {import('./client.js').OperationStatus} OperationStatus */

/**
 * @typedef {object} BackgroundOperationsEventMap
 * @property {CustomEvent<OperationStatus>} operation-end An operation that was active at the last round has ended.
 */

/**
 * @typedef {new () => {
 *   addEventListener<K extends keyof BackgroundOperationsEventMap>(type: K, listener: (event: BackgroundOperationsEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
 *   removeEventListener<K extends keyof BackgroundOperationsEventMap>(type: K, listener: (event: BackgroundOperationsEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
 * } & HTMLElement} ListBase
 */

// Under SSR there is no HTMLElement; the class then only has to load.
const Base = /** @type {ListBase} */ (globalThis.HTMLElement ?? class {});

/** The list's own English texts, besides the bar's state names and time templates. */
export const listEn = {
  stop: 'Stop',
  download: 'Download',
  notify: 'Notify me when one ends',
  none: 'No operations yet',
  ended: '{title}: {state}',
};

/** The list's own Russian texts, with the same keys as `listEn`. */
export const listRu = {
  stop: 'Остановить',
  download: 'Скачать',
  notify: 'Уведомить, когда закончится',
  none: 'Операций пока нет',
  ended: '{title}: {state}',
};

/** A hidden tab without active operations polls this many times less often. */
const HIDDEN_FACTOR = 5;

const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}:host([hidden]){display:none}' +
  '[part=list]{list-style:none;margin:0;padding:0}[part=item]{margin:.5em 0}[part=percent]{float:right}' +
  '[part=bar]{height:.5em;margin:.25em 0;overflow:hidden;border-radius:1em;background:#e5e7eb}' +
  '[part=fill]{height:100%;width:0;background:var(--c);transition:width .3s}' +
  '[data-state=succeeded]{--c:var(--asyncops-success-color,#16a34a)}[data-state=failed]{--c:var(--asyncops-error-color,#dc2626)}' +
  '[data-state=stopped],[data-state=stopping]{--c:var(--asyncops-stopped-color,#6b7280)}' +
  '[part=time]{font-size:.85em;opacity:.8}[part=time]:empty,[part=empty]:empty{display:none}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';

const HTML =
  `<style>${STYLE}</style><button part="notify" type="button" hidden></button>` +
  '<ul part="list"></ul><p part="empty"></p><div class="sr" role="status" aria-live="polite"></div>';

/**
 * The caller's background operations, newest first, each with its own bar.
 *
 * @tagname background-operations
 * @attr {string} url - The adapter's base URL, such as `/api/operations`.
 * @attr {string} type - Lists only this operation type; every type of the adapter's index when absent.
 * @attr {number} limit - How many operations to show, 1 to 100. Default 10.
 * @attr {number} interval - Milliseconds between two rounds; five times as long in a hidden tab without active operations. Default 5000.
 * @attr {string} label - The list's accessible name, also the notifications' body.
 * @attr {string} omit - Parts of each bar's line of time to leave out, space-separated: `stage`, `elapsed`, `remaining`, `stalled`.
 * @attr {boolean} notify - Offers a button that asks for permission to notify when an operation ends in a hidden tab.
 * @attr {boolean} error - Set by the list while the last round failed.
 * @fires {CustomEvent<OperationStatus>} operation-end - An operation that was active at the last round has ended.
 * @csspart notify - The button that asks for permission to notify.
 * @csspart list - The list of operations.
 * @csspart item - One operation.
 * @csspart title - The operation type's title and when it started.
 * @csspart percent - The percentage, right of the title.
 * @csspart bar - The track, with `role="progressbar"`.
 * @csspart fill - The filled part of the track.
 * @csspart text - The status text.
 * @csspart time - The line of time: stage, time elapsed, time left, a stall.
 * @csspart download - The link to the result, once there is one.
 * @csspart stop - The stop button, while the operation is active.
 * @csspart empty - Shown when the caller has no operations.
 * @cssprop --asyncops-bar-color - Running and queued. Default #2563eb.
 * @cssprop --asyncops-success-color - Succeeded. Default #16a34a.
 * @cssprop --asyncops-error-color - Failed. Default #dc2626.
 * @cssprop --asyncops-stopped-color - Stopping and stopped. Default #6b7280.
 */
export class BackgroundOperations extends Base {
  static observedAttributes = ['url', 'type', 'limit', 'interval', 'label', 'omit', 'notify'];

  /**
   * Registers the element under `tag` unless the registry already has that tag.
   *
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   * @returns {typeof BackgroundOperations}
   */
  static define(tag = 'background-operations', registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {OperationStatus[]} the operations of the last round, newest first */
  operations = [];
  /** @type {Record<string, string> | null} */
  #messages = null;
  /** @type {Record<string, string>} type name to title */
  #titles = {};
  /** @type {Map<string, HTMLLIElement>} */
  #items = new Map();
  /** @type {Map<string, boolean>} id to whether it was active at the last round */
  #seen = new Map();
  #arrived = 0;
  #live = false;
  #timer = 0;
  #clock = 0;
  #gen = 0;
  /** @type {AbortController | null} */
  #abort = null;
  /** @type {ShadowRoot} */
  #root;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.innerHTML = HTML;
    this.#part('notify').addEventListener('click', () => this.#ask());
    this.#part('list').addEventListener('click', (e) => this.#stop(e));
  }

  /**
   * The texts in use: English, or Russian under `lang="ru"`, with your overrides on top.
   *
   * @returns {Record<string, string>}
   */
  get messages() {
    const russian = this.#lang()?.slice(0, 2) === 'ru';
    return { ...(russian ? ruShared : enShared), ...(russian ? listRu : listEn), ...this.#messages };
  }
  /** @param {Record<string, string> | null} v */
  set messages(v) {
    this.#messages = v;
    this.#render();
  }

  connectedCallback() {
    this.#live = true;
    globalThis.document?.addEventListener('visibilitychange', this.#onVisible);
    this.#round();
  }

  disconnectedCallback() {
    this.#live = false;
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisible);
    this.#halt();
  }

  /** A tab that comes back asks at once: the person looks again, and the rounds were slower. */
  #onVisible = () => {
    if (!document.hidden) this.#round();
  };

  /** @param {string} name */
  attributeChangedCallback(name) {
    if (!this.#live) return;
    this.#render();
    if (/^(url|type|limit|interval)$/.test(name)) this.#round();
  }

  /**
   * Asks the server now, instead of at the next round.
   *
   * @returns {Promise<OperationStatus[]>}
   */
  refresh() {
    return this.#round();
  }

  async #round() {
    this.#halt();
    const gen = this.#gen;
    const abort = (this.#abort = new AbortController());
    const base = new URL(this.getAttribute('url') || '', globalThis.document?.baseURI).href.replace(/\/$/, '');
    const limit = Math.min(Math.max(+(this.getAttribute('limit') ?? 10) || 10, 1), 100);
    /** @param {string} url */
    const get = (url) =>
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: abort.signal }).then((res) => {
        if (!res.ok) throw new Error(`${res.status}`);
        return res.json();
      });
    try {
      const only = this.getAttribute('type');
      let types = only ? [only] : Object.keys(this.#titles);
      if (!types.length || !(only ? only in this.#titles : true)) {
        /** @type {{name: string, title: string}[]} */
        const all = await get(base);
        for (const t of all) this.#titles[t.name] = t.title;
        if (!only) types = all.map((t) => t.name);
      }
      const lists = await Promise.all(types.map((t) => get(`${base}/${encodeURIComponent(t ?? '')}?limit=${limit}`)));
      if (gen !== this.#gen) return this.operations;
      const ops = /** @type {OperationStatus[]} */ (lists.flat());
      ops.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      for (const op of ops) {
        const links = /** @type {Record<string, string | null | undefined>} */ (op.links);
        for (const [name, href] of Object.entries(links)) links[name] = href && new URL(href, base).href;
      }
      this.operations = ops.slice(0, limit);
      this.#arrived = Date.now();
      this.removeAttribute('error');
      this.#announce();
      this.#render();
    } catch (e) {
      if (gen !== this.#gen || /** @type {Error} */ (e).name === 'AbortError') return this.operations;
      this.setAttribute('error', '');
    }
    this.#schedule();
    return this.operations;
  }

  #schedule() {
    const active = this.operations.some((op) => op.active);
    const interval = +(this.getAttribute('interval') ?? 5000) || 5000;
    const wait = globalThis.document?.hidden && !active ? interval * HIDDEN_FACTOR : interval;
    this.#timer = setTimeout(() => this.#round(), wait);
  }

  #halt() {
    this.#gen++;
    this.#abort?.abort();
    clearTimeout(this.#timer);
    clearInterval(this.#clock);
    this.#clock = 0;
  }

  /** Tells of operations that were active at the last round and have ended since. */
  #announce() {
    const m = this.messages;
    const ended = [];
    for (const op of this.operations) {
      if (this.#seen.get(op.id) && !op.active) {
        ended.push(op);
        this.dispatchEvent(new CustomEvent('operation-end', { detail: op, bubbles: true, composed: true }));
      }
      this.#seen.set(op.id, !!op.active);
    }
    if (!ended.length) return;
    const texts = ended.map((op) => fill(m.ended, { title: this.#title(op), state: m[op.state.toLowerCase()] }));
    this.#part('status').textContent = texts.join('. ');
    const N = globalThis.Notification;
    if (this.hasAttribute('notify') && globalThis.document?.hidden && N?.permission === 'granted') {
      for (const text of texts) new N(text, { tag: 'asyncops', body: this.getAttribute('label') ?? '' });
    }
  }

  async #ask() {
    await globalThis.Notification?.requestPermission();
    this.#render();
  }

  /** @param {Event} e */
  async #stop(e) {
    const button = /** @type {HTMLElement} */ (e.target).closest?.('[part=stop]');
    const href = button?.getAttribute('data-href');
    if (!button || !href) return;
    button.setAttribute('disabled', '');
    // Whatever the answer, even none, the next round shows what became of the operation.
    await fetch(href, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'asyncops' },
      body: '{}',
      credentials: 'same-origin',
    }).catch(() => null);
    this.#round();
  }

  #render() {
    const m = this.messages;
    const list = this.#part('list');
    const label = this.getAttribute('label');
    if (label) list.setAttribute('aria-label', label);
    else list.removeAttribute('aria-label');
    const N = globalThis.Notification;
    const notify = this.#part('notify');
    notify.hidden = !(this.hasAttribute('notify') && N?.permission === 'default');
    notify.textContent = m.notify;
    this.#part('empty').textContent = this.#arrived && !this.operations.length ? m.none : '';
    const keep = new Set();
    let previous = null;
    for (const op of this.operations) {
      keep.add(op.id);
      const li = this.#items.get(op.id) ?? this.#item(op.id);
      this.#fillItem(li, op, m);
      if (li.previousElementSibling !== previous || li.parentNode !== list) {
        list.insertBefore(li, previous ? previous.nextSibling : list.firstChild);
      }
      previous = li;
    }
    for (const [id, li] of this.#items) {
      if (!keep.has(id)) {
        li.remove();
        this.#items.delete(id);
      }
    }
    const ticking = this.#live && this.operations.some((op) => op.active);
    if (ticking && !this.#clock) this.#clock = setInterval(() => this.#render(), 1000);
    if (!ticking && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = 0;
    }
  }

  /** @param {string} id */
  #item(id) {
    const li = document.createElement('li');
    li.setAttribute('part', 'item');
    li.setAttribute('aria-labelledby', `t-${id}`);
    li.innerHTML =
      `<span part="title" id="t-${id}"></span> <span part="percent" aria-hidden="true"></span>` +
      `<div part="bar" role="progressbar" aria-labelledby="t-${id}" aria-valuemin="0" aria-valuemax="100"><div part="fill"></div></div>` +
      '<div part="text"></div><div part="time"></div><a part="download" download hidden></a> <button part="stop" type="button" hidden></button>';
    this.#items.set(id, li);
    return li;
  }

  /**
   * @param {HTMLLIElement} li
   * @param {OperationStatus} op
   * @param {Record<string, string>} m
   */
  #fillItem(li, op, m) {
    /** @param {string} name */
    const part = (name) => /** @type {HTMLElement} */ (li.querySelector(`[part=${name}]`));
    const state = op.state.toLowerCase();
    const percent = op.value == null ? null : Math.round(Math.min(Math.max(op.value, 0), 1) * 100);
    const text = op.error || op.text || m[state];
    const time = timeLine(op, Date.now() - this.#arrived, /** @type {any} */ (m), this.#lang(), this.getAttribute('omit') ?? '');
    const created = new Date(op.createdAt);
    const when = Number.isNaN(+created) ? '' : ` · ${created.toLocaleTimeString(this.#lang(), { hour: '2-digit', minute: '2-digit' })}`;
    li.dataset.state = state;
    li.toggleAttribute('data-stalled', !!(op.active && op.stalled));
    set(part('title'), this.#title(op) + when);
    set(part('percent'), percent == null ? '' : `${percent}%`);
    part('fill').style.width = `${percent ?? 0}%`;
    set(part('text'), text);
    set(part('time'), time.shown);
    const bar = part('bar');
    bar.toggleAttribute('aria-busy', op.active);
    if (percent == null) bar.removeAttribute('aria-valuenow');
    else bar.setAttribute('aria-valuenow', `${percent}`);
    bar.setAttribute('aria-valuetext', [text, time.spoken].filter(Boolean).join(', '));
    const download = /** @type {HTMLAnchorElement} */ (part('download'));
    download.hidden = op.active || !op.resultAvailable || !op.links.result;
    if (!download.hidden) download.href = /** @type {string} */ (op.links.result);
    set(download, m.download);
    const stop = part('stop');
    stop.hidden = !op.active || op.state === 'STOPPING' || !op.links.stop;
    stop.setAttribute('data-href', op.links.stop ?? '');
    set(stop, m.stop);
  }

  /** @param {OperationStatus} op */
  #title(op) {
    return this.#titles[op.type] ?? op.type;
  }

  #lang() {
    return this.closest('[lang]')?.getAttribute('lang') ?? undefined;
  }

  /** @param {string} name */
  #part(name) {
    return /** @type {HTMLElement} */ (this.#root.querySelector(name === 'status' ? '[role=status]' : `[part=${name}]`));
  }
}

/**
 * Sets a node's text only when it changed, so screen readers and layout see no needless change.
 *
 * @param {Node} node
 * @param {string} text
 */
function set(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
