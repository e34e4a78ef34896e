/**
 * What the operator console draws from the admin API's answers: a row of the operations table,
 * updated in place, and the summary (totals, counts by type and state, nodes). Server data reaches
 * the DOM only as text, never as markup.
 */
import { duration, fill } from './time.js';

/** @typedef {import('./client.js').OperationState} OperationState */
/** @typedef {typeof import('./texts.js').enShared & typeof import('./console-texts.js').consoleEn} ConsoleMessages */

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
 * The texts and formats of one language: numbers, dates and state names.
 *
 * @typedef {object} Format
 * @property {ConsoleMessages} m
 * @property {string | undefined} lang
 * @property {(n: number) => string} number
 * @property {(iso: string | null) => string} date
 * @property {(s: OperationState) => string} state
 */

const COLUMNS = ['id', 'type', 'state', 'owner', 'node', 'progress', 'created', 'actions'];

/** @type {OperationState[]} */
export const STATES = ['QUEUED', 'RUNNING', 'STOPPING', 'SUCCEEDED', 'FAILED', 'STOPPED'];

/** @param {OperationState} state */
export const active = (state) => STATES.indexOf(state) < 3;

/**
 * The formats of a language, with Intl.
 *
 * @param {ConsoleMessages} m
 * @param {string | undefined} lang
 * @returns {Format}
 */
export function format(m, lang) {
  const numbers = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  return {
    m,
    lang,
    number: (n) => numbers.format(n),
    date: (iso) => (iso && !Number.isNaN(Date.parse(iso)) ? dates.format(new Date(iso)) : ''),
    state: (s) => m[/** @type {Lowercase<OperationState>} */ (s.toLowerCase())] ?? s,
  };
}

/** The console's stylesheet. */
export const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}:host([hidden]){display:none}' +
  'table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .5em;text-align:left;border-bottom:1px solid #e5e7eb}' +
  'caption{text-align:left;font-weight:bold}[part=filters]{display:flex;flex-wrap:wrap;gap:.5em;align-items:end}' +
  'label{display:flex;flex-direction:column;font-size:.9em}fieldset{display:flex;gap:.5em}' +
  '[part=problem]{color:var(--asyncops-error-color,#dc2626)}[part=problem]:empty,[part=empty]:empty{display:none}' +
  '[part=track]{width:8em;height:.5em;border-radius:1em;background:#e5e7eb;overflow:hidden}' +
  '[part=fill]{height:100%;width:0;background:var(--c)}[data-state=FAILED]{--c:var(--asyncops-error-color,#dc2626)}' +
  '[part=cause]{white-space:pre-wrap;overflow:auto;max-height:20em;background:#f3f4f6;padding:.5em}' +
  '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';

/** The console's shadow DOM; `data-t` names the text of each label. */
export const HTML =
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

/**
 * Fills the details panel with an operation's full record: its fields that have a value, and the
 * failure's cause, preformatted under its heading, when there is one.
 *
 * @param {ShadowRoot} root
 * @param {AdminRow & { parameters?: unknown, result?: { kind: string, mediaType: string | null, fileName: string | null } | null, cause?: string | null, key?: string | null }} full
 * @param {Format} f
 */
export function renderDetails(root, full, f) {
  const { m } = f;
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  set($('d-h'), fill(m.detailsOf, { id: full.id }));
  /** @type {[string, unknown][]} */
  const fields = [
    [m.type, full.type],
    [m.state, f.state(full.state)],
    [m.owner, full.owner],
    [m.node, full.node],
    [m.progress, full.progress?.text],
    [m.created, f.date(full.createdAt)],
    [m.started, f.date(full.startedAt)],
    [m.finished, f.date(full.finishedAt)],
    [m.key, full.key],
    [m.parameters, full.parameters == null ? null : JSON.stringify(full.parameters)],
    [m.result, full.result && [full.result.kind, full.result.fileName, full.result.mediaType].filter(Boolean).join(', ')],
    [m.error, full.error],
  ];
  $('fields').replaceChildren(...fields.filter(([, v]) => v != null && v !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
  const cause = /** @type {HTMLElement} */ (root.querySelector('[part=cause]'));
  cause.hidden = $('c-h').hidden = !full.cause;
  set(cause, full.cause ?? '');
}

/**
 * A new, empty row of the operations table for an operation.
 *
 * @param {string} id
 * @returns {HTMLTableRowElement}
 */
export function newRow(id) {
  const tr = document.createElement('tr');
  tr.dataset.id = id;
  tr.innerHTML =
    '<th scope="row"><code></code></th><td></td><td></td><td></td><td></td>' +
    '<td><div part="track" role="progressbar" aria-valuemin="0" aria-valuemax="100"><div part="fill"></div></div><span></span></td>' +
    '<td></td><td><button type="button" data-action="details"></button> <button type="button" data-action="stop"></button> <button type="button" data-action="remove"></button></td>';
  return tr;
}

/**
 * Shows an operation in its row: id, type, state, owner, node, the progress bar with its text (or
 * the error), when it was created, and its buttons, each named with the id.
 *
 * @param {HTMLTableRowElement} tr
 * @param {AdminRow} op
 * @param {Format} f
 */
export function fillRow(tr, op, f) {
  const { m } = f;
  const cells = tr.cells;
  const value = op.progress?.value;
  const percent = value == null ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
  tr.dataset.state = op.state;
  set(/** @type {Node} */ (cells[0].firstChild), op.id);
  set(cells[1], op.type);
  set(cells[2], f.state(op.state) + (op.stopRequested && active(op.state) ? ` (${m.stop})` : ''));
  set(cells[3], op.owner);
  set(cells[4], op.node ?? '');
  const track = /** @type {HTMLElement} */ (cells[5].firstChild);
  const shown = [percent == null ? '' : new Intl.NumberFormat(f.lang, { style: 'percent' }).format(percent / 100), op.error || op.progress?.text]
    .filter(Boolean)
    .join(' ');
  /** @type {HTMLElement} */ (track.firstChild).style.width = `${percent ?? 0}%`;
  if (percent == null) track.removeAttribute('aria-valuenow');
  else track.setAttribute('aria-valuenow', `${percent}`);
  track.setAttribute('aria-valuetext', shown || f.state(op.state));
  track.setAttribute('aria-label', `${m.progress} ${op.id}`);
  set(/** @type {Node} */ (cells[5].lastChild), shown);
  set(cells[6], f.date(op.createdAt));
  const [details, stop, remove] = /** @type {HTMLButtonElement[]} */ ([...cells[7].querySelectorAll('button')]);
  for (const [button, label] of /** @type {[HTMLButtonElement, string][]} */ ([[details, m.details], [stop, m.stop], [remove, m.remove]])) {
    set(button, label);
    button.setAttribute('aria-label', `${label} ${op.id}`);
  }
  stop.hidden = !active(op.state) || op.stopRequested;
  remove.hidden = active(op.state);
}

/**
 * Shows the summary in the console's shadow root: totals, the counts by type and state, and the
 * nodes, each a button that filters by it. The same nodes as before keep their rows, so that a
 * focused node button keeps its focus.
 *
 * @param {ShadowRoot} root
 * @param {AdminSummary} s
 * @param {Format} f
 */
export function renderSummary(root, s, f) {
  const { m } = f;
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  set($('queued'), f.number(s.queued));
  set($('failed'), f.number(s.failedLastHour));
  const o = s.oldestQueued;
  const wait = o ? Math.max(0, (Date.parse(s.at) - Date.parse(o.createdAt)) / 1000) : 0;
  set($('oldest'), o ? fill(m.waiting, { type: o.type, id: o.id, time: duration(wait, f.lang) }) : '—');
  $('type-head').replaceChildren(el('th', { scope: 'col' }, m.type), ...STATES.map((st) => el('th', { scope: 'col' }, f.state(st))));
  $('types').replaceChildren(
    ...s.types.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.type), ...STATES.map((st) => el('td', {}, f.number(t.counts[st] ?? 0))))),
  );
  $('type-list').replaceChildren(...s.types.map((t) => el('option', { value: t.type })));
  const nodes = $('nodes');
  const rows = /** @type {HTMLTableRowElement[]} */ ([...nodes.children]);
  if (rows.map((r) => r.dataset.node).join('\n') !== s.nodes.map((n) => n.node).join('\n')) {
    nodes.replaceChildren(
      ...s.nodes.map((n) => el('tr', { 'data-node': n.node }, el('th', { scope: 'row' }, el('button', { type: 'button', 'data-node': n.node }, n.node)), el('td', {}), el('td', {}))),
    );
  }
  s.nodes.forEach((n, i) => {
    const cells = /** @type {HTMLTableRowElement} */ (nodes.children[i]).cells;
    /** @type {HTMLElement} */ (cells[0].firstChild).setAttribute('aria-label', fill(m.showNode, { node: n.node }));
    set(cells[1], f.number(n.running));
    set(cells[2], f.date(n.lastSeen));
  });
}

/**
 * A new element with attributes and children (text for strings).
 *
 * @param {string} tag
 * @param {Record<string, string>} attrs
 * @param {...(Node | string)} children
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Sets a node's text only when it changed, so screen readers and layout see no needless change.
 *
 * @param {Node} node
 * @param {string} text
 */
export function set(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
