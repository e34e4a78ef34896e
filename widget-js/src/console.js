/*
 * <background-operations-console>: the operator's view of every operation of every user and node,
 * through the adapter's admin API under `{url}/_admin`. Design notes:
 * - The table shows one page of `GET _admin/operations` with the form's filters; "next" follows the
 *   page's opaque cursor (keyset paging) and "previous" goes back through the cursors seen.
 * - One event stream (`_admin/events`) while connected: `summary` redraws the header and the nodes
 *   and, when the counts changed, asks for the current page again (one request in flight, one
 *   more queued), so that new, ended and stopped operations show; `progress` updates a listed row.
 * - Rows are keyed by id and updated in place, so a focused button keeps its focus.
 * - Stop and delete ask first in a modal <dialog>; focus goes back to the button that opened it.
 * - A failed request shows its problem+json (title and detail) in an alert; nothing is retried
 *   on its own except by the event stream, which the browser reconnects.
 * - Server data only ever reaches the DOM as text, never as markup.
 * Imports neither the bar nor the list.
 */
import { adopt, language, reflect, request, upgrade } from './common.js';
import { readForm, query, writeForm } from './console-filters.js';
import { consoleEn, consoleRu } from './console-texts.js';
import { HTML, STATES, STYLE, el, fillRow, format, newRow, renderDetails, renderSummary, set } from './console-view.js';
import { enShared, ruShared } from './texts.js';
import { fill } from './time.js';

export { consoleEn, consoleRu } from './console-texts.js';

/** @typedef {import('./client.js').OperationState} OperationState */
/** @typedef {import('./client.js').Problem} Problem */
/** @typedef {import('./common.js').FetchHook} FetchHook */

/** @typedef {import('./console-view.js').AdminRow} AdminRow */
/** @typedef {import('./console-view.js').AdminSummary} AdminSummary */
/** @typedef {import('./console-view.js').ConsoleMessages} ConsoleMessages */
/** @typedef {import('./console-filters.js').ConsoleFilters} ConsoleFilters */

/**
 * One operation's full record: a row, its parameters, result, the failure's cause and more.
 *
 * @typedef {AdminRow & { parameters?: unknown, result?: { kind: string, mediaType: string | null, fileName: string | null, length: number | null } | null, cause?: string | null, key?: string | null }} AdminDetails
 */

/**
 * The properties that reflect attributes.
 *
 * @typedef {object} BackgroundOperationsConsoleAttributes
 * @property {string} url Attribute `url`: the adapter's base URL, such as `/api/operations`.
 * @property {number} limit Attribute `limit`: rows per page, 1 to 500. Default 50.
 */

// Under SSR there is no HTMLElement; the class then only has to load.
const Base = /** @type {new () => HTMLElement & BackgroundOperationsConsoleAttributes} */ (globalThis.HTMLElement ?? class {});

/** @type {Record<keyof BackgroundOperationsConsoleAttributes, [string | null, (value: string) => unknown]>} */
const ATTRS = {
  url: ['', String],
  limit: ['', (v) => Math.min(Math.max(Math.round(+v) || 50, 1), 500)],
};
const PROPS = [...Object.keys(ATTRS), 'messages', 'fetch', 'filters'];

/**
 * An operator console: every operation of every user and node, filtered and paged, live, with
 * details, stop and delete. Needs the adapter's admin API and a caller with the admin role.
 *
 * @tagname background-operations-console
 * @attr {string} url - The adapter's base URL, such as `/api/operations`; the console uses `{url}/_admin/...`.
 * @attr {number} limit - Rows per page, 1 to 500. Default 50.
 * @attr {boolean} error - Set by the console while its last request failed.
 * @csspart summary - The summary: totals, counts by type and state, nodes.
 * @csspart totals - Queued, failures in the last hour, the oldest queued operation.
 * @csspart types - The table of counts by type and state.
 * @csspart nodes - The table of nodes; each node is a button that filters the operations by it.
 * @csspart filters - The form of filters.
 * @csspart problem - The last failed request's problem, an alert.
 * @csspart operations - The table of operations.
 * @csspart track - A row's progress bar, with `role="progressbar"`.
 * @csspart fill - The filled part of a progress bar.
 * @csspart empty - Shown when no operation matches.
 * @csspart paging - The previous and next buttons.
 * @csspart details - The details of one operation.
 * @csspart cause - The failure's cause (a stack trace), preformatted.
 * @csspart dialog - The confirmation dialog of stop and delete.
 * @cssprop --asyncops-bar-color - Progress bars. Default #2563eb.
 * @cssprop --asyncops-error-color - Failed operations and problems. Default #dc2626.
 */
export class BackgroundOperationsConsole extends Base {
  static observedAttributes = Object.keys(ATTRS);

  /**
   * Registers the element under `tag` unless the registry already has that tag.
   *
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   * @returns {typeof BackgroundOperationsConsole}
   */
  static define(tag = 'background-operations-console', registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {AdminRow[]} the rows of the page shown */
  operations = [];
  /** @type {AdminSummary | null} the last summary */
  summary = null;
  /** @type {ConsoleFilters} */
  #filters = {};
  /** @type {Partial<ConsoleMessages> | null} */
  #messages = null;
  /** @type {FetchHook | null} */
  #hook = null;
  /** @type {(string | null)[]} the cursor of each page up to the one shown */
  #cursors = [null];
  /** @type {string | null} */
  #next = null;
  /** @type {Map<string, HTMLTableRowElement>} */
  #rows = new Map();
  #live = false;
  #gen = 0;
  /** @type {Promise<AdminRow[]> | null} */
  #loading = null;
  #again = false;
  /** @type {EventSource | null} */
  #source = null;
  #counts = '';
  /** @type {HTMLElement | null} the button that opened the details or the dialog */
  #opener = null;
  /** @type {ShadowRoot} */
  #root;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adopt(this.#root, STYLE);
    this.#root.innerHTML = HTML;
    const states = /** @type {HTMLElement} */ (this.#root.querySelector('fieldset'));
    for (const s of STATES) {
      const label = el('label', {}, el('input', { type: 'checkbox', name: 'state', value: s }), el('span', { 'data-t': s.toLowerCase() }));
      states.append(label);
    }
    const form = this.#form();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.filters = readForm(form);
    });
    form.addEventListener('reset', () => queueMicrotask(() => (this.filters = {})));
    this.#$('previous').addEventListener('click', () => this.#page(-1));
    this.#$('next').addEventListener('click', () => this.#page(1));
    this.#$('close').addEventListener('click', () => this.#closeDetails());
    this.#$('rows').addEventListener('click', (e) => this.#act(e));
    this.#$('nodes').addEventListener('click', (e) => {
      const node = /** @type {HTMLElement} */ (e.target).closest?.('button')?.dataset.node;
      if (node) this.filters = { ...this.#filters, node };
    });
  }

  /**
   * The texts in use: English, or Russian when the element's language (its `lang`, an ancestor's,
   * else the browser's) is Russian, with your overrides on top.
   *
   * @returns {ConsoleMessages}
   */
  get messages() {
    const ru = /^ru\b/i.test(this.#lang() ?? '');
    return { ...(ru ? { ...ruShared, ...consoleRu } : { ...enShared, ...consoleEn }), ...this.#messages };
  }
  /** @param {Partial<ConsoleMessages> | null} v */
  set messages(v) {
    this.#messages = v;
    this.#render();
    this.#renderSummary();
  }

  /**
   * Makes the console's requests instead of the global `fetch`, e.g. to add a bearer token; null
   * for the global one. The event stream goes with cookies only.
   *
   * @returns {FetchHook | null}
   */
  get fetch() {
    return this.#hook;
  }
  /** @param {FetchHook | null} v */
  set fetch(v) {
    this.#hook = v;
    if (this.#live) this.refresh();
  }

  /**
   * The filters of the table. Setting them fills the form and shows their first page.
   *
   * @returns {ConsoleFilters}
   */
  get filters() {
    return { ...this.#filters };
  }
  /** @param {ConsoleFilters | null} v */
  set filters(v) {
    this.#filters = { ...v };
    writeForm(this.#form(), this.#filters);
    this.#cursors = [null];
    if (this.#live) this.#load();
  }

  connectedCallback() {
    upgrade(this, PROPS);
    this.#live = true;
    this.#render();
    this.refresh();
  }

  disconnectedCallback() {
    this.#live = false;
    this.#gen++;
    this.#source?.close();
    this.#source = null;
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    if (this.#live && old !== value) this.refresh();
  }

  /**
   * Asks for the summary and the first page again, and reopens the event stream.
   *
   * @returns {Promise<AdminRow[]>}
   */
  refresh() {
    this.#source?.close();
    this.#source = null;
    this.#cursors = [null];
    this.#summarise();
    this.#listen();
    return this.#load();
  }

  #base() {
    return `${new URL(this.url, globalThis.document?.baseURI).href.replace(/\/$/, '')}/_admin`;
  }

  #lang() {
    return language(this) ?? globalThis.navigator?.language;
  }

  /** The list's URL for the current filters and page. */
  #query() {
    return `${this.#base()}/operations?${query(this.#filters, this.limit, this.#cursors[this.#cursors.length - 1])}`;
  }

  /**
   * @param {string} url
   * @param {string} [method]
   */
  async #ask(url, method = 'GET') {
    const { res, data } = await request(url, { method, body: method == 'POST' ? {} : undefined, hook: this.#hook });
    if (!res.ok) throw Object.assign(new Error(res.statusText), { problem: data ?? { status: res.status } });
    return data;
  }

  /**
   * Asks for the current page; a call while one is in flight asks once more after it. A load that
   * the person asked for announces how many rows it shows; one that a summary caused does not.
   *
   * @param {boolean} [announce]
   */
  #load(announce = true) {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    const gen = this.#gen;
    const p = this.#ask(this.#query())
      .then((/** @type {{ items: AdminRow[], next: string | null }} */ page) => {
        if (gen !== this.#gen) return this.operations;
        this.#clear();
        this.operations = page.items;
        this.#next = page.next;
        this.#render();
        if (announce) this.#say(fill(this.messages.shown, { count: this.#format().number(page.items.length) }));
        return this.operations;
      })
      .catch((e) => this.#fail(e, this.operations))
      .finally(() => {
        this.#loading = null;
        if (this.#again) {
          this.#again = false;
          this.#load(false);
        }
      });
    return (this.#loading = p);
  }

  async #summarise() {
    try {
      this.#summary(await this.#ask(`${this.#base()}/summary`));
    } catch (e) {
      this.#fail(e, null);
    }
  }

  #listen() {
    const ES = globalThis.EventSource;
    if (!ES || !this.#live) return;
    const source = (this.#source = new ES(`${this.#base()}/events`, { withCredentials: true }));
    source.addEventListener('summary', (e) => this.#summary(JSON.parse(/** @type {MessageEvent} */ (e).data)));
    source.addEventListener('progress', (e) => this.#progress(JSON.parse(/** @type {MessageEvent} */ (e).data)));
  }

  /** @param {AdminSummary} summary */
  #summary(summary) {
    const counts = JSON.stringify(summary.types);
    const changed = this.summary != null && counts !== this.#counts;
    this.summary = summary;
    this.#counts = counts;
    this.#renderSummary();
    if (changed && this.#live) this.#load(false);
  }

  /** @param {AdminRow} row */
  #progress(row) {
    const i = this.operations.findIndex((op) => op.id === row.id);
    if (i < 0) return;
    const before = this.operations[i].state;
    this.operations[i] = { ...this.operations[i], ...row };
    this.#render();
    if (before !== row.state) this.#say(fill(this.messages.changed, { id: row.id, state: this.#format().state(row.state) }));
  }

  /**
   * Shows the problem of a failed request and answers `value`.
   *
   * @template T
   * @param {any} e
   * @param {T} value
   * @returns {T}
   */
  #fail(e, value) {
    if (e?.name !== 'AbortError') {
      this.setAttribute('error', '');
      this.#problem(e?.problem ?? {});
    }
    return value;
  }

  /** A request succeeded: the last one's problem is gone. */
  #clear() {
    this.removeAttribute('error');
    this.#problem(null);
  }

  /** @param {Problem | null} problem */
  #problem(problem) {
    const text = problem && ([problem.title, problem.detail].filter(Boolean).join(': ') || this.messages.failedRequest);
    set(this.#part('problem'), text || '');
  }

  /** @param {number} step */
  #page(step) {
    if (step > 0 && this.#next) this.#cursors.push(this.#next);
    else if (step < 0 && this.#cursors.length > 1) this.#cursors.pop();
    else return;
    this.#load().then(() => {
      const [pressed, other] = step > 0 ? ['next', 'previous'] : ['previous', 'next'];
      const button = /** @type {HTMLButtonElement} */ (this.#$(pressed));
      (button.disabled ? this.#$(other) : button).focus();
    });
  }

  /** @param {Event} e */
  async #act(e) {
    const button = /** @type {HTMLElement} */ (e.target).closest?.('button');
    const tr = /** @type {HTMLElement | null} */ (button?.closest('tr'));
    const op = tr && this.operations.find((o) => o.id === tr.dataset.id);
    if (!button || !op) return;
    const action = button.dataset.action;
    if (action === 'details') return this.#details(op, button);
    const m = this.messages;
    const stop = action === 'stop';
    const values = { id: op.id, type: op.type, owner: op.owner };
    if (!(await this.#confirm(fill(stop ? m.confirmStop : m.confirmRemove, values), stop ? m.stop : m.remove, button))) return;
    const url = `${this.#base()}/operations/${encodeURIComponent(op.id)}`;
    try {
      if (stop) {
        const row = await this.#ask(`${url}/stop`, 'POST');
        this.#clear();
        if (row) this.#progress(row);
        this.#say(fill(m.stopAsked, values));
      } else {
        await this.#ask(url, 'DELETE');
        this.#clear();
        this.operations = this.operations.filter((o) => o.id !== op.id);
        this.#render();
        this.#say(fill(m.removed, values));
        this.#part('operations').querySelector('button')?.focus();
      }
    } catch (error) {
      this.#fail(error, null);
    }
  }

  /**
   * Asks in the modal dialog; resolves true for the confirming button, false for cancel or Escape.
   *
   * @param {string} question
   * @param {string} verb
   * @param {HTMLElement} opener
   * @returns {Promise<boolean>}
   */
  #confirm(question, verb, opener) {
    const dialog = /** @type {HTMLDialogElement} */ (this.#part('dialog'));
    set(this.#$('q'), question);
    set(this.#$('ok'), verb);
    dialog.returnValue = '';
    dialog.showModal();
    this.#$('cancel').focus();
    return new Promise((resolve) => {
      const ok = () => dialog.close('ok');
      const cancel = () => dialog.close('cancel');
      this.#$('ok').addEventListener('click', ok);
      this.#$('cancel').addEventListener('click', cancel);
      dialog.addEventListener(
        'close',
        () => {
          this.#$('ok').removeEventListener('click', ok);
          this.#$('cancel').removeEventListener('click', cancel);
          if (opener.isConnected) opener.focus();
          resolve(dialog.returnValue === 'ok');
        },
        { once: true },
      );
    });
  }

  /**
   * @param {AdminRow} op
   * @param {HTMLElement} opener
   */
  async #details(op, opener) {
    let full;
    try {
      full = /** @type {AdminDetails} */ (await this.#ask(`${this.#base()}/operations/${encodeURIComponent(op.id)}`));
    } catch (e) {
      return this.#fail(e, null);
    }
    renderDetails(this.#root, full, this.#format());
    const panel = this.#part('details');
    panel.hidden = false;
    this.#opener = opener;
    this.#$('d-h').focus();
  }

  #closeDetails() {
    this.#part('details').hidden = true;
    this.#opener?.focus();
    this.#opener = null;
  }

  #render() {
    const f = this.#format();
    const m = f.m;
    for (const node of this.#root.querySelectorAll('[data-t]')) {
      const key = /** @type {keyof ConsoleMessages} */ (/** @type {HTMLElement} */ (node).dataset.t);
      set(node, m[key]);
    }
    const body = this.#$('rows');
    const keep = new Set();
    let previous = null;
    for (const op of this.operations) {
      keep.add(op.id);
      const tr = this.#rows.get(op.id) ?? newRow(op.id);
      this.#rows.set(op.id, tr);
      fillRow(tr, op, f);
      if (tr.previousElementSibling !== previous || tr.parentNode !== body) body.insertBefore(tr, previous ? previous.nextSibling : body.firstChild);
      previous = tr;
    }
    for (const [id, tr] of this.#rows) {
      if (!keep.has(id)) {
        tr.remove();
        this.#rows.delete(id);
      }
    }
    set(this.#part('empty'), this.operations.length ? '' : m.none);
    /** @type {HTMLButtonElement} */ (this.#$('next')).disabled = !this.#next;
    /** @type {HTMLButtonElement} */ (this.#$('previous')).disabled = this.#cursors.length < 2;
  }

  #renderSummary() {
    if (this.summary) renderSummary(this.#root, this.summary, this.#format());
  }

  #format() {
    return format(this.messages, this.#lang());
  }

  /** @param {string} text */
  #say(text) {
    set(this.#part('status'), text);
  }

  #form() {
    return /** @type {HTMLFormElement} */ (this.#part('filters'));
  }

  /** @param {string} id */
  #$(id) {
    return /** @type {HTMLElement} */ (this.#root.getElementById(id));
  }

  /** @param {string} name */
  #part(name) {
    return /** @type {HTMLElement} */ (this.#root.querySelector(name === 'status' ? '[role=status]' : `[part=${name}]`));
  }
}

reflect(BackgroundOperationsConsole.prototype, ATTRS);

