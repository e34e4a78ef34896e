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
import { consoleEn, consoleRu } from './console-texts.js';
import { enShared, ruShared } from './texts.js';
import { duration, fill } from './time.js';

export { consoleEn, consoleRu } from './console-texts.js';

/** @typedef {import('./client.js').OperationState} OperationState */
/** @typedef {import('./client.js').Problem} Problem */
/** @typedef {import('./common.js').FetchHook} FetchHook */

/**
 * One operation as the admin API lists it.
 *
 * @typedef {object} AdminRow
 * @property {string} id
 * @property {string} type
 * @property {OperationState} state
 * @property {string} owner
 * @property {string | null} node The node that runs or ran it, or null while queued.
 * @property {{ value: number | null, text: string | null } | null} progress
 * @property {boolean} stopRequested
 * @property {string} createdAt
 * @property {string | null} startedAt
 * @property {string | null} finishedAt
 * @property {string | null} error
 */

/**
 * One operation's full record: a row, its parameters, result, the failure's cause and more.
 *
 * @typedef {AdminRow & { parameters?: unknown, result?: { kind: string, mediaType: string | null, fileName: string | null, length: number | null } | null, cause?: string | null, key?: string | null }} AdminDetails
 */

/**
 * The admin summary.
 *
 * @typedef {object} AdminSummary
 * @property {{ type: string, counts: Partial<Record<OperationState, number>> }[]} types
 * @property {{ node: string, running: number, lastSeen: string }[]} nodes
 * @property {number} queued
 * @property {number} failedLastHour
 * @property {{ id: string, type: string, createdAt: string } | null} oldestQueued
 * @property {string} at
 */

/**
 * The filters of the table; every one optional.
 *
 * @typedef {object} ConsoleFilters
 * @property {string} [type]
 * @property {OperationState[]} [states]
 * @property {string} [owner]
 * @property {string} [node]
 * @property {string} [from] An ISO-8601 instant, inclusive.
 * @property {string} [to] An ISO-8601 instant, exclusive.
 * @property {string} [id] An id prefix.
 */

/**
 * The properties that reflect attributes.
 *
 * @typedef {object} BackgroundOperationsConsoleAttributes
 * @property {string} url Attribute `url`: the adapter's base URL, such as `/api/operations`.
 * @property {number} limit Attribute `limit`: rows per page, 1 to 500. Default 50.
 */

/** @typedef {typeof enShared & typeof consoleEn} ConsoleMessages */

// Under SSR there is no HTMLElement; the class then only has to load.
const Base = /** @type {new () => HTMLElement & BackgroundOperationsConsoleAttributes} */ (globalThis.HTMLElement ?? class {});

/** @type {OperationState[]} */
const STATES = ['QUEUED', 'RUNNING', 'STOPPING', 'SUCCEEDED', 'FAILED', 'STOPPED'];
const ACTIVE = ['QUEUED', 'RUNNING', 'STOPPING'];
const COLUMNS = ['id', 'type', 'state', 'owner', 'node', 'progress', 'created', 'actions'];

const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}:host([hidden]){display:none}' +
  'table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .5em;text-align:left;border-bottom:1px solid #e5e7eb}' +
  'caption{text-align:left;font-weight:bold}[part=filters]{display:flex;flex-wrap:wrap;gap:.5em;align-items:end}' +
  'label{display:flex;flex-direction:column;font-size:.9em}fieldset{display:flex;gap:.5em}' +
  '[part=problem]{color:var(--asyncops-error-color,#dc2626)}[part=problem]:empty,[part=empty]:empty{display:none}' +
  '[part=track]{width:8em;height:.5em;border-radius:1em;background:#e5e7eb;overflow:hidden}' +
  '[part=fill]{height:100%;width:0;background:var(--c)}[data-state=FAILED]{--c:var(--asyncops-error-color,#dc2626)}' +
  '[part=cause]{white-space:pre-wrap;overflow:auto;max-height:20em;background:#f3f4f6;padding:.5em}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';

const HTML =
  '<section part="summary" aria-labelledby="s-h"><h2 id="s-h" data-t="summary"></h2>' +
  '<dl part="totals"><dt data-t="queuedNow"></dt><dd id="queued"></dd><dt data-t="failedLastHour"></dt><dd id="failed"></dd>' +
  '<dt data-t="oldestQueued"></dt><dd id="oldest"></dd></dl>' +
  '<table part="types"><caption data-t="byType"></caption><thead><tr id="type-head"></tr></thead><tbody id="types"></tbody></table>' +
  '<table part="nodes"><caption data-t="nodes"></caption><thead><tr><th scope="col" data-t="node"></th>' +
  '<th scope="col" data-t="runningNow"></th><th scope="col" data-t="lastSeen"></th></tr></thead><tbody id="nodes"></tbody></table></section>' +
  '<form part="filters" role="search" aria-labelledby="f-h"><span id="f-h" class="sr" data-t="filters"></span>' +
  '<label><span data-t="type"></span><input name="type" list="type-list" autocomplete="off"></label><datalist id="type-list"></datalist>' +
  '<fieldset><legend data-t="states"></legend></fieldset>' +
  '<label><span data-t="owner"></span><input name="owner"></label><label><span data-t="node"></span><input name="node"></label>' +
  '<label><span data-t="from"></span><input name="from" type="datetime-local" step="1"></label>' +
  '<label><span data-t="to"></span><input name="to" type="datetime-local" step="1"></label>' +
  '<label><span data-t="idPrefix"></span><input name="id"></label>' +
  '<button type="submit" data-t="apply"></button><button type="reset" data-t="clear"></button></form>' +
  '<div part="problem" role="alert"></div>' +
  `<table part="operations"><caption data-t="operations"></caption><thead><tr>${COLUMNS.map((c) => `<th scope="col" data-t="${c}"></th>`).join('')}</tr></thead><tbody id="rows"></tbody></table>` +
  '<p part="empty"></p><nav part="paging"><button type="button" id="previous" data-t="previous"></button> <button type="button" id="next" data-t="next"></button></nav>' +
  '<section part="details" aria-labelledby="d-h" hidden><h3 id="d-h" tabindex="-1"></h3><dl id="fields"></dl>' +
  '<h4 id="c-h" data-t="cause" hidden></h4><pre part="cause" tabindex="0" aria-labelledby="c-h" hidden></pre><button type="button" id="close" data-t="close"></button></section>' +
  '<dialog part="dialog" aria-labelledby="q"><p id="q"></p><button type="button" id="cancel" data-t="cancel" autofocus></button> <button type="button" id="ok"></button></dialog>' +
  '<div class="sr" role="status" aria-live="polite"></div>';

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
      this.filters = this.#read();
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
    this.#write();
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
    const f = this.#filters;
    const q = new URLSearchParams();
    for (const name of /** @type {const} */ (['type', 'owner', 'node', 'from', 'to', 'id'])) if (f[name]) q.append(name, /** @type {string} */ (f[name]));
    for (const s of f.states ?? []) q.append('state', s);
    q.append('limit', String(this.limit));
    const cursor = this.#cursors[this.#cursors.length - 1];
    if (cursor) q.append('cursor', cursor);
    return `${this.#base()}/operations?${q}`;
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

  /** Asks for the current page; a call while one is in flight asks once more after it. */
  #load() {
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
        this.#say(fill(this.messages.shown, { count: this.#number(page.items.length) }));
        return this.operations;
      })
      .catch((e) => this.#fail(e, this.operations))
      .finally(() => {
        this.#loading = null;
        if (this.#again) {
          this.#again = false;
          this.#load();
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
    if (changed && this.#live) this.#load();
  }

  /** @param {AdminRow} row */
  #progress(row) {
    const i = this.operations.findIndex((op) => op.id === row.id);
    if (i < 0) return;
    const before = this.operations[i].state;
    this.operations[i] = { ...this.operations[i], ...row };
    this.#render();
    if (before !== row.state) this.#say(fill(this.messages.changed, { id: row.id, state: this.#state(row.state) }));
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
    const m = this.messages;
    const panel = this.#part('details');
    const title = this.#$('d-h');
    set(title, fill(m.detailsOf, { id: full.id }));
    /** @type {[string, unknown][]} */
    const fields = [
      [m.type, full.type],
      [m.state, this.#state(full.state)],
      [m.owner, full.owner],
      [m.node, full.node],
      [m.progress, full.progress?.text],
      [m.created, this.#date(full.createdAt)],
      [m.started, this.#date(full.startedAt)],
      [m.finished, this.#date(full.finishedAt)],
      [m.key, full.key],
      [m.parameters, full.parameters == null ? null : JSON.stringify(full.parameters)],
      [m.result, full.result && [full.result.kind, full.result.fileName, full.result.mediaType].filter(Boolean).join(', ')],
      [m.error, full.error],
    ];
    this.#$('fields').replaceChildren(...fields.filter(([, v]) => v != null && v !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
    const cause = this.#part('cause');
    cause.hidden = this.#$('c-h').hidden = !full.cause;
    set(cause, full.cause ?? '');
    panel.hidden = false;
    this.#opener = opener;
    title.focus();
  }

  #closeDetails() {
    this.#part('details').hidden = true;
    this.#opener?.focus();
    this.#opener = null;
  }

  /** The form's fields as filters. */
  #read() {
    /** @param {string} name */
    const value = (name) => /** @type {HTMLInputElement} */ (this.#form().elements.namedItem(name)).value.trim();
    /** @param {string} v */
    const instant = (v) => (v && !Number.isNaN(+new Date(v)) ? new Date(v).toISOString() : '');
    /** @type {ConsoleFilters} */
    const f = {};
    for (const name of /** @type {const} */ (['type', 'owner', 'node', 'id'])) if (value(name)) f[name] = value(name);
    if (instant(value('from'))) f.from = instant(value('from'));
    if (instant(value('to'))) f.to = instant(value('to'));
    const states = [...this.#form().querySelectorAll('input[name=state]:checked')].map((i) => /** @type {OperationState} */ (/** @type {HTMLInputElement} */ (i).value));
    if (states.length) f.states = states;
    return f;
  }

  /** Fills the form from the filters. */
  #write() {
    const form = this.#form();
    const f = this.#filters;
    /** @param {string} iso */
    const local = (iso) => {
      const d = new Date(iso);
      return Number.isNaN(+d) ? '' : new Date(+d - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    };
    for (const name of /** @type {const} */ (['type', 'owner', 'node', 'id', 'from', 'to'])) {
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
      const v = f[name] ?? '';
      input.value = v && (name === 'from' || name === 'to') ? local(v) : v;
    }
    for (const box of form.querySelectorAll('input[name=state]')) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = !!f.states?.includes(/** @type {OperationState} */ (input.value));
    }
  }

  #render() {
    const m = this.messages;
    for (const node of this.#root.querySelectorAll('[data-t]')) {
      const key = /** @type {keyof ConsoleMessages} */ (/** @type {HTMLElement} */ (node).dataset.t);
      set(node, m[key]);
    }
    const body = this.#$('rows');
    const keep = new Set();
    let previous = null;
    for (const op of this.operations) {
      keep.add(op.id);
      const tr = this.#rows.get(op.id) ?? this.#row(op.id);
      this.#fillRow(tr, op, m);
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

  /** @param {string} id */
  #row(id) {
    const tr = document.createElement('tr');
    tr.dataset.id = id;
    tr.innerHTML =
      '<th scope="row"><code></code></th><td></td><td></td><td></td><td></td>' +
      '<td><div part="track" role="progressbar" aria-valuemin="0" aria-valuemax="100"><div part="fill"></div></div><span></span></td>' +
      '<td></td><td><button type="button" data-action="details"></button> <button type="button" data-action="stop"></button> <button type="button" data-action="remove"></button></td>';
    this.#rows.set(id, tr);
    return tr;
  }

  /**
   * @param {HTMLTableRowElement} tr
   * @param {AdminRow} op
   * @param {ConsoleMessages} m
   */
  #fillRow(tr, op, m) {
    const cells = tr.cells;
    const value = op.progress?.value;
    const percent = value == null ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
    tr.dataset.state = op.state;
    set(/** @type {HTMLElement} */ (cells[0].firstChild), op.id);
    set(cells[1], op.type);
    set(cells[2], this.#state(op.state) + (op.stopRequested && ACTIVE.includes(op.state) ? ` (${m.stop})` : ''));
    set(cells[3], op.owner);
    set(cells[4], op.node ?? '');
    const track = /** @type {HTMLElement} */ (cells[5].firstChild);
    const text = op.error || op.progress?.text || '';
    const shown = [percent == null ? '' : new Intl.NumberFormat(this.#lang(), { style: 'percent' }).format(percent / 100), text].filter(Boolean).join(' ');
    /** @type {HTMLElement} */ (track.firstChild).style.width = `${percent ?? 0}%`;
    if (percent == null) track.removeAttribute('aria-valuenow');
    else track.setAttribute('aria-valuenow', `${percent}`);
    track.setAttribute('aria-valuetext', shown || this.#state(op.state));
    track.setAttribute('aria-label', `${m.progress} ${op.id}`);
    set(/** @type {HTMLElement} */ (cells[5].lastChild), shown);
    set(cells[6], this.#date(op.createdAt));
    const [details, stop, remove] = /** @type {HTMLButtonElement[]} */ ([...cells[7].querySelectorAll('button')]);
    for (const [button, label] of /** @type {[HTMLButtonElement, string][]} */ ([[details, m.details], [stop, m.stop], [remove, m.remove]])) {
      set(button, label);
      button.setAttribute('aria-label', `${label} ${op.id}`);
    }
    stop.hidden = !ACTIVE.includes(op.state) || op.stopRequested;
    remove.hidden = ACTIVE.includes(op.state);
  }

  #renderSummary() {
    const s = this.summary;
    if (!s) return;
    const m = this.messages;
    set(this.#$('queued'), this.#number(s.queued));
    set(this.#$('failed'), this.#number(s.failedLastHour));
    const o = s.oldestQueued;
    const wait = o ? Math.max(0, (Date.parse(s.at) - Date.parse(o.createdAt)) / 1000) : 0;
    set(this.#$('oldest'), o ? fill(m.waiting, { type: o.type, id: o.id, time: duration(wait, this.#lang()) }) : '—');
    const head = [el('th', { scope: 'col' }, m.type), ...STATES.map((st) => el('th', { scope: 'col' }, this.#state(st)))];
    this.#$('type-head').replaceChildren(...head);
    this.#$('types').replaceChildren(
      ...s.types.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.type), ...STATES.map((st) => el('td', {}, this.#number(t.counts[st] ?? 0))))),
    );
    this.#$('type-list').replaceChildren(...s.types.map((t) => el('option', { value: t.type })));
    const nodes = this.#$('nodes');
    const rows = /** @type {HTMLTableRowElement[]} */ ([...nodes.children]);
    // The same nodes as before keep their rows, so that a focused node button keeps its focus.
    if (rows.map((r) => r.dataset.node).join('\n') !== s.nodes.map((n) => n.node).join('\n')) {
      nodes.replaceChildren(
        ...s.nodes.map((n) => el('tr', { 'data-node': n.node }, el('th', { scope: 'row' }, el('button', { type: 'button', 'data-node': n.node }, n.node)), el('td', {}), el('td', {}))),
      );
    }
    s.nodes.forEach((n, i) => {
      const cells = /** @type {HTMLTableRowElement} */ (nodes.children[i]).cells;
      /** @type {HTMLElement} */ (cells[0].firstChild).setAttribute('aria-label', fill(m.showNode, { node: n.node }));
      set(cells[1], this.#number(n.running));
      set(cells[2], this.#date(n.lastSeen));
    });
  }

  /** @param {OperationState} s */
  #state(s) {
    return this.messages[/** @type {Lowercase<OperationState>} */ (s.toLowerCase())] ?? s;
  }

  /** @param {number} n */
  #number(n) {
    return new Intl.NumberFormat(this.#lang()).format(n);
  }

  /** @param {string | null} iso */
  #date(iso) {
    const d = iso ? new Date(iso) : null;
    return d && !Number.isNaN(+d) ? new Intl.DateTimeFormat(this.#lang(), { dateStyle: 'short', timeStyle: 'medium' }).format(d) : '';
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

/**
 * A new element with attributes and children (text for strings).
 *
 * @param {string} tag
 * @param {Record<string, string>} attrs
 * @param {...(Node | string)} children
 */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Sets a node's text only when it changed.
 *
 * @param {Node} node
 * @param {string} text
 */
function set(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
