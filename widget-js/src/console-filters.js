/**
 * The operator console's filters: read from and written to its form, and turned into the query
 * string of the admin API's list (`state` once per state, `from` and `to` as ISO-8601 instants).
 */

/** @typedef {import('./client.js').OperationState} OperationState */

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

/** The filters that are one text each, in the order of the query string. */
const TEXTS = /** @type {const} */ (['type', 'owner', 'node', 'from', 'to', 'id']);
const TIMES = ['from', 'to'];

/**
 * The list's query string: the filters, then `limit` and the page's `cursor`.
 *
 * @param {ConsoleFilters} filters
 * @param {number} limit
 * @param {string | null} cursor
 * @returns {string}
 */
export function query(filters, limit, cursor) {
  const q = new URLSearchParams();
  for (const name of TEXTS) if (filters[name]) q.append(name, /** @type {string} */ (filters[name]));
  for (const s of filters.states ?? []) q.append('state', s);
  q.append('limit', String(limit));
  if (cursor) q.append('cursor', cursor);
  return `${q}`;
}

/**
 * The form's fields as filters: trimmed texts, checked states, local times as instants.
 *
 * @param {HTMLFormElement} form
 * @returns {ConsoleFilters}
 */
export function readForm(form) {
  /** @type {Record<string, unknown>} */
  const f = {};
  for (const name of TEXTS) {
    const value = input(form, name).value.trim();
    const time = TIMES.includes(name) && value ? new Date(value) : null;
    if (time && !Number.isNaN(+time)) f[name] = time.toISOString();
    else if (value && !time) f[name] = value;
  }
  const states = [...form.querySelectorAll('input[name=state]:checked')].map((box) => /** @type {HTMLInputElement} */ (box).value);
  if (states.length) f.states = states;
  return /** @type {ConsoleFilters} */ (f);
}

/**
 * Fills the form from the filters; instants become the local times a `datetime-local` field shows.
 *
 * @param {HTMLFormElement} form
 * @param {ConsoleFilters} filters
 */
export function writeForm(form, filters) {
  for (const name of TEXTS) {
    const value = filters[name] ?? '';
    const time = TIMES.includes(name) && value ? new Date(value) : null;
    input(form, name).value = time ? (Number.isNaN(+time) ? '' : new Date(+time - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)) : value;
  }
  for (const box of form.querySelectorAll('input[name=state]')) {
    const state = /** @type {HTMLInputElement} */ (box);
    state.checked = !!filters.states?.includes(/** @type {OperationState} */ (state.value));
  }
}

/**
 * @param {HTMLFormElement} form
 * @param {string} name
 */
const input = (form, name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
