/*
 * <background-operations>: the caller's operations of one type, or of every type, newest first,
 * each with its own bar, a download link once it ended with a result and a stop button while it is
 * active. Design notes:
 * - The adapter's lists are the source: one request per type each round (the types come from the
 *   adapter's index when no `type` is given), so a reload shows the same list. One timer and one
 *   round in flight at a time.
 * - An idle list asks nothing: it polls only while one of its operations is active (and after a
 *   failed round, with backoff). Otherwise a round follows a start or an end that a bar of any tab
 *   of the origin announces on the BroadcastChannel, the tab becoming visible, or refresh().
 * - An operation that was active and is no longer listed is asked for by its own link; a 404 or
 *   410 there (or on its stop) shows it as lost, as the bar does.
 * - Every request carries the element's or the page's `lang` as `Accept-Language`, as the bar's
 *   do, so the server's texts match the element's own; it opens no event stream, so needs no
 *   `?lang=`.
 * - Items are keyed by id and updated in place, so a focused stop button keeps its focus.
 * - Endings seen between two rounds are announced in a polite live region and, while the tab is
 *   hidden, as a notification once the user granted it with the element's button.
 * Imports neither the bar nor the client, so the list costs a page of bars nothing.
 */
import { CHANNEL, adopt, language, pick, reflect, request, resolve, upgrade } from './common.js';
import { enShared, ruShared } from './texts.js';
import { fill, timeLine } from './time.js';

/** @typedef {import('./client.js').OperationStatus} OperationStatus */
/** @typedef {import('./common.js').FetchHook} FetchHook */
/** @typedef {import('./common.js').OperationAnnouncement} OperationAnnouncement */

/**
 * The properties that reflect attributes.
 *
 * @typedef {object} BackgroundOperationsAttributes
 * @property {string} url Attribute `url`: the adapter's base URL.
 * @property {string} type Attribute `type`: one operation type's name; `''` (absent) for every type.
 * @property {number} limit Attribute `limit`: how many operations to show, 1 to 100. Default 10.
 * @property {number} interval Attribute `interval`: ms between two rounds while an operation is active. Default 5000.
 * @property {string} label Attribute `label`: the list's accessible name.
 * @property {string} omit Attribute `omit`: parts of each line of time to leave out.
 * @property {boolean} notify Attribute `notify`: offer to notify when an operation ends in a hidden tab.
 */

/**
 * @typedef {object} BackgroundOperationsEventMap
 * @property {CustomEvent<OperationStatus>} operation-end An operation that was active at the last round has ended.
 */

/**
 * The texts of the list: the state names, time templates and lost texts it shares with the bar,
 * and its own.
 *
 * @typedef {typeof enShared & typeof listEn} ListMessages
 */

/**
 * @typedef {new () => {
 *   addEventListener<K extends keyof BackgroundOperationsEventMap>(type: K, listener: (event: BackgroundOperationsEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *   addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
 *   removeEventListener<K extends keyof BackgroundOperationsEventMap>(type: K, listener: (event: BackgroundOperationsEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
 *   removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
 * } & HTMLElement & BackgroundOperationsAttributes} ListBase
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

const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}:host([hidden]){display:none}' +
  '[part=list]{list-style:none;margin:0;padding:0}[part=item]{margin:.5em 0}[part=percent]{float:right}' +
  '[part=bar]{height:.5em;margin:.25em 0;overflow:hidden;border-radius:1em;background:#e5e7eb}' +
  '[part=fill]{height:100%;width:0;background:var(--c);transition:width .3s}' +
  '[data-state=succeeded]{--c:var(--asyncops-success-color,#15803d)}[data-state=failed]{--c:var(--asyncops-error-color,#dc2626)}' +
  '[data-state=lost]{--c:var(--asyncops-error-color,#dc2626)}' +
  '[data-state=stopped],[data-state=stopping]{--c:var(--asyncops-stopped-color,#6b7280)}' +
  '[part=time]{font-size:.85em;opacity:.8}[part=time]:empty,[part=empty]:empty{display:none}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';

const HTML =
  '<button part="notify" type="button" hidden></button>' +
  '<ul part="list"></ul><p part="empty"></p><div class="sr" role="status" aria-live="polite"></div>';

/**
 * Attributes reflected as properties: the attribute value assumed while absent (null for a boolean
 * attribute), and its parser.
 *
 * @type {Record<keyof BackgroundOperationsAttributes, [string | null, (value: string) => unknown]>}
 */
const ATTRS = {
  url: ['', String],
  type: ['', String],
  limit: ['', (v) => Math.min(Math.max(Math.round(+v) || 10, 1), 100)],
  interval: ['', (v) => +v || 5000],
  label: ['', String],
  omit: ['', String],
  notify: [null, Boolean],
};
const PROPS = [...Object.keys(ATTRS), 'messages', 'fetch'];

/**
 * The caller's background operations, newest first, each with its own bar.
 *
 * @tagname background-operations
 * @attr {string} url - The adapter's base URL, such as `/api/operations`.
 * @attr {string} type - Lists only this operation type; every type of the adapter's index when absent.
 * @attr {number} limit - How many operations to show, 1 to 100. Default 10.
 * @attr {number} interval - Milliseconds between two rounds while one of the operations is active; an idle list asks only when told of a start or an end, or when the tab is shown again. Default 5000.
 * @attr {string} label - The list's accessible name, also the notifications' body.
 * @attr {string} omit - Parts of each bar's line of time to leave out, space-separated: `stage`, `elapsed`, `remaining`, `stalled`.
 * @attr {boolean} notify - Offers a button that asks for permission to notify when an operation ends in a hidden tab.
 * @attr {boolean} error - Set by the list while the last round failed.
 * @attr {boolean} polling - Set by the list while it polls, that is while one of its operations is active.
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
 * @cssprop --asyncops-success-color - Succeeded. Default #15803d.
 * @cssprop --asyncops-error-color - Failed and lost. Default #dc2626.
 * @cssprop --asyncops-stopped-color - Stopping and stopped. Default #6b7280.
 */
export class BackgroundOperations extends Base {
  static observedAttributes = Object.keys(ATTRS);

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
  /** @type {Partial<ListMessages> | null} */
  #messages = null;
  /** @type {FetchHook | null} */
  #hook = null;
  /** @type {Record<string, string>} type name to title */
  #titles = {};
  /** @type {Map<string, HTMLLIElement>} */
  #items = new Map();
  /** @type {Map<string, boolean>} id to whether it was active at the last round */
  #seen = new Map();
  /** @type {Map<string, 'unknown' | 'expired'>} id to why the server no longer knows it */
  #lost = new Map();
  #arrived = 0;
  #failures = 0;
  #live = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  /** @type {ReturnType<typeof setInterval> | 0} */
  #clock = 0;
  #gen = 0;
  /** @type {AbortController | null} */
  #abort = null;
  /** @type {BroadcastChannel | null} */
  #channel = null;
  /** @type {ShadowRoot} */
  #root;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adopt(this.#root, STYLE);
    this.#root.innerHTML = HTML;
    this.#part('notify').addEventListener('click', () => this.#ask());
    this.#part('list').addEventListener('click', (e) => this.#stop(e));
  }

  /**
   * The texts in use: English, or Russian under `lang="ru"`, with your overrides on top.
   *
   * @returns {ListMessages}
   */
  get messages() {
    return { ...pick(this, { ...enShared, ...listEn }, { ...ruShared, ...listRu }), ...this.#messages };
  }
  /** @param {Partial<ListMessages> | null} v */
  set messages(v) {
    this.#messages = v;
    this.#render();
  }

  /**
   * Makes the list's requests instead of the global `fetch`, e.g. to add a bearer token; null for
   * the global one. Setting it asks again.
   *
   * @returns {FetchHook | null}
   */
  get fetch() {
    return this.#hook;
  }
  /** @param {FetchHook | null} v */
  set fetch(v) {
    this.#hook = v;
    if (this.#live) this.#round();
  }

  connectedCallback() {
    upgrade(this, PROPS);
    this.#live = true;
    globalThis.document?.addEventListener('visibilitychange', this.#onVisible);
    globalThis.document?.addEventListener('operation-update', this.#onUpdate);
    const Channel = globalThis.BroadcastChannel;
    if (Channel) {
      this.#channel = new Channel(CHANNEL);
      this.#channel.onmessage = this.#onAnnouncement;
    }
    this.#round();
  }

  disconnectedCallback() {
    this.#live = false;
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisible);
    globalThis.document?.removeEventListener('operation-update', this.#onUpdate);
    this.#channel?.close();
    this.#channel = null;
    this.#halt();
  }

  /** A tab that comes back asks at once: the person looks again, and an idle list asked nothing. */
  #onVisible = () => {
    if (!document.hidden) this.#round();
  };

  /**
   * A bar on this page has a new status of a listed operation: the item shows it too, so that the
   * two agree between the list's rounds. The item keeps the links the list resolved.
   *
   * @param {Event} e
   */
  #onUpdate = (e) => {
    const s = /** @type {CustomEvent<OperationStatus>} */ (e).detail;
    if (!this.operations.some((op) => op.id === s?.id)) return;
    this.operations = this.operations.map((op) => (op.id === s.id ? { ...op, ...s, links: op.links } : op));
    this.#render();
  };

  /**
   * A bar in this or another tab started or ended an operation: ask, if it is of the listed type.
   *
   * @param {MessageEvent<OperationAnnouncement>} e
   */
  #onAnnouncement = (e) => {
    const type = this.type;
    if (!type || e.data?.type === type) this.#round();
  };

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    if (!this.#live || old === value) return;
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
    const base = new URL(this.url, globalThis.document?.baseURI).href.replace(/\/$/, '');
    const limit = this.limit;
    const headers = this.#languageHeaders();
    /** @param {string} url */
    const ask = (url) => request(url, { headers, signal: abort.signal, hook: this.#hook });
    /** @param {string} url */
    const get = async (url) => {
      const { res, data } = await ask(url);
      if (!res.ok) throw new Error(`${res.status}`);
      return data;
    };
    try {
      const only = this.type;
      let types = only ? [only] : Object.keys(this.#titles);
      if (!types.length || !(only ? only in this.#titles : true)) {
        /** @type {{name: string, title: string}[]} */
        const all = await get(base);
        for (const t of all) this.#titles[t.name] = t.title;
        if (!only) types = all.map((t) => t.name);
      }
      const lists = await Promise.all(types.map((t) => get(`${base}/${encodeURIComponent(t)}?limit=${limit}`)));
      const ops = /** @type {OperationStatus[]} */ (lists.flat());
      for (const op of ops) op.links = resolve(op.links, base);
      // Operations active at the last round and no longer listed: each asked by its own link.
      const listed = new Set(ops.map((op) => op.id));
      const gone = this.operations.filter((op) => op.active && !listed.has(op.id) && !this.#lost.has(op.id));
      for (const op of gone) {
        const { res, data } = await ask(op.links.self);
        if (res.status == 404 || res.status == 410) this.#lost.set(op.id, res.status == 404 ? 'unknown' : 'expired');
        if (res.ok && data) ops.push({ ...data, links: resolve(data.links, res.url || op.links.self) });
      }
      for (const op of this.operations) if (this.#lost.has(op.id) && !listed.has(op.id)) ops.push({ ...op, active: false });
      if (gen !== this.#gen) return this.operations;
      ops.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      this.operations = ops.slice(0, limit);
      this.#arrived = Date.now();
      this.#failures = 0;
      this.removeAttribute('error');
      this.#announce();
      this.#render();
    } catch (e) {
      if (gen !== this.#gen || /** @type {Error} */ (e).name === 'AbortError') return this.operations;
      this.#failures++;
      this.setAttribute('error', '');
    }
    this.#schedule();
    return this.operations;
  }

  /** While connected: polls while an operation is active, retries a failed round with backoff, and otherwise waits to be told. */
  #schedule() {
    const active = this.operations.some((op) => op.active);
    const failures = this.#failures;
    const polling = this.#live && (active || !!failures);
    this.toggleAttribute('polling', polling);
    if (!polling) return;
    const wait = failures ? Math.min(this.interval * 2 ** (failures - 1), 60_000) : this.interval;
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
    const texts = [];
    for (const op of this.operations) {
      if (this.#seen.get(op.id) && !op.active) {
        const lost = this.#lost.get(op.id);
        texts.push(fill(m.ended, { title: this.#title(op), state: lost ? m[lost] : m[state(op)] }));
        if (!lost) this.dispatchEvent(new CustomEvent('operation-end', { detail: op, bubbles: true, composed: true }));
      }
      this.#seen.set(op.id, !!op.active);
    }
    if (!texts.length) return;
    this.#part('status').textContent = texts.join('. ');
    const N = globalThis.Notification;
    if (this.notify && globalThis.document?.hidden && N?.permission === 'granted') {
      for (const text of texts) new N(text, { tag: 'asyncops', body: this.label });
    }
  }

  async #ask() {
    await globalThis.Notification?.requestPermission();
    this.#render();
  }

  /**
   * Pins the server's texts to the element's or the page's `lang`, as the bar does; without one the
   * browser's languages choose.
   *
   * @returns {Record<string, string> | undefined}
   */
  #languageHeaders() {
    const lang = language(this);
    return lang ? { 'Accept-Language': lang } : undefined;
  }

  /** @param {Event} e */
  async #stop(e) {
    const button = /** @type {HTMLElement} */ (e.target).closest?.('[part=stop]');
    const href = button?.getAttribute('data-href');
    if (!button || !href) return;
    button.setAttribute('disabled', '');
    // Whatever the answer, even none, the next round shows what became of the operation.
    const answer = await request(href, { method: 'POST', body: {}, headers: this.#languageHeaders(), hook: this.#hook }).catch(
      () => null,
    );
    const code = answer?.res.status;
    const id = /** @type {HTMLElement} */ (button.closest('[part=item]')).dataset.id;
    if (id && (code == 404 || code == 410)) this.#lost.set(id, code == 404 ? 'unknown' : 'expired');
    this.#round();
  }

  #render() {
    const m = this.messages;
    const list = this.#part('list');
    const label = this.label;
    if (label) list.setAttribute('aria-label', label);
    else list.removeAttribute('aria-label');
    const N = globalThis.Notification;
    const notify = this.#part('notify');
    notify.hidden = !(this.notify && N?.permission === 'default');
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
    li.dataset.id = id;
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
   * @param {ListMessages} m
   */
  #fillItem(li, op, m) {
    /** @param {string} name */
    const part = (name) => /** @type {HTMLElement} */ (li.querySelector(`[part=${name}]`));
    const lost = this.#lost.get(op.id);
    const percent = op.value == null ? null : Math.round(Math.min(Math.max(op.value, 0), 1) * 100);
    const text = (lost && m[lost]) || op.error || op.text || m[state(op)];
    const lang = language(this);
    const time = timeLine(op, Date.now() - this.#arrived, m, lang, this.omit);
    const created = new Date(op.createdAt);
    const when = Number.isNaN(+created) ? '' : ` · ${created.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })}`;
    li.dataset.state = lost ? 'lost' : state(op);
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

  /** @param {string} name */
  #part(name) {
    return /** @type {HTMLElement} */ (this.#root.querySelector(name === 'status' ? '[role=status]' : `[part=${name}]`));
  }
}


reflect(BackgroundOperations.prototype, ATTRS);

/**
 * An operation's state as the texts and `data-state` name it.
 *
 * @param {OperationStatus} op
 * @returns {Lowercase<OperationStatus['state']>}
 */
const state = (op) => /** @type {Lowercase<OperationStatus['state']>} */ (op.state.toLowerCase());

/**
 * Sets a node's text only when it changed, so screen readers and layout see no needless change.
 *
 * @param {Node} node
 * @param {string} text
 */
function set(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
