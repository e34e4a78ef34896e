/*
 * The plumbing that the bar, its client and the list share, so that they cannot differ: one way to
 * make a request (one credentials policy, one hook), one language resolver, one stylesheet per
 * element class, reflected attributes, and the channel on which tabs tell each other of starts and
 * ends. Small on purpose: the list and the bar each import it, and neither imports the other.
 */

/**
 * A function with the signature of `fetch`: the global one, or yours, e.g. to add a bearer token.
 *
 * @typedef {(url: string, init: RequestInit) => Promise<Response>} FetchHook
 */

/**
 * What a client or list announces to the other tabs of the origin when an operation starts or ends.
 *
 * @typedef {object} OperationAnnouncement
 * @property {'start' | 'end'} event
 * @property {string} type The operation's type.
 * @property {string} id The operation's id.
 */

/** The BroadcastChannel's name. */
export const CHANNEL = 'asyncops';

/**
 * One request as every part of the widget makes it: JSON, cookies included (also to another origin,
 * which must allow them with CORS), the CSRF header on POST, through `hook` when there is one.
 *
 * @param {string} url
 * @param {{ method?: string, body?: object, headers?: Record<string, string>, signal?: AbortSignal, hook?: FetchHook | null }} [options]
 * @returns {Promise<{ res: Response, data: any }>}
 */
export async function request(url, { method = 'GET', body, headers, signal, hook } = {}) {
  /** @type {Record<string, string>} */
  const all = { Accept: 'application/json', ...headers };
  if (method != 'GET') {
    all['Content-Type'] = 'application/json';
    all['X-Requested-With'] = 'asyncops';
  }
  /** @type {RequestInit} */
  const init = { method, headers: all, body: body && JSON.stringify(body), credentials: 'include', signal };
  const res = await (hook ? hook(url, init) : fetch(url, init));
  const data = /json/.test(res.headers.get('Content-Type') ?? '') ? await res.json() : null;
  return { res, data };
}

/**
 * A status's links, resolved against the URL of the response that carried them.
 *
 * @param {import('./client.js').OperationLinks} links
 * @param {string} base
 * @returns {import('./client.js').OperationLinks}
 */
export function resolve(links, base) {
  /** @type {Record<string, string | null>} */
  const out = {};
  for (const [name, href] of Object.entries(links ?? {})) out[name] = href && new URL(href, base).href;
  return /** @type {import('./client.js').OperationLinks} */ (out);
}

/**
 * The language of an element: its own or its closest ancestor's `lang`.
 *
 * @param {Element} el
 * @returns {string | undefined}
 */
export const language = (el) => el.closest('[lang]')?.getAttribute('lang') || undefined;

/**
 * The catalogue for an element's language: Russian under `lang="ru…"`, else English.
 *
 * @template T
 * @param {Element} el
 * @param {T} en
 * @param {T} ru
 * @returns {T}
 */
export const pick = (el, en, ru) => (/^ru\b/i.test(language(el) ?? '') ? ru : en);

/** @type {Map<string, CSSStyleSheet>} */
const sheets = new Map();

/**
 * Adopts the one constructed stylesheet of `css` into a shadow root; every instance shares it.
 *
 * @param {ShadowRoot} root
 * @param {string} css
 */
export function adopt(root, css) {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  root.adoptedStyleSheets = [sheet];
}

/**
 * Defines properties that reflect attributes on an element's prototype. A fallback of null makes a
 * boolean attribute (present or absent); otherwise the getter parses the attribute, or the fallback
 * while it is absent, and the setter writes objects as JSON and removes the attribute for null.
 *
 * @param {object} proto
 * @param {Record<string, [string | null, (value: string) => unknown]>} attrs
 */
export function reflect(proto, attrs) {
  for (const [name, [fallback, parse]] of Object.entries(attrs)) {
    Object.defineProperty(proto, name, {
      /** @this {HTMLElement} */
      get() {
        return fallback == null ? this.hasAttribute(name) : parse(this.getAttribute(name) ?? fallback);
      },
      /**
       * @this {HTMLElement}
       * @param {unknown} value
       */
      set(value) {
        if (fallback == null) this.toggleAttribute(name, value != null && value !== false);
        else if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, typeof value == 'object' ? JSON.stringify(value) : /** @type {string} */ (value));
      },
    });
  }
}

/**
 * A framework may set properties before the element upgrades, which leaves them as own properties
 * that hide the prototype's: route them through the setters.
 *
 * @param {object} el
 * @param {string[]} names
 */
export function upgrade(el, names) {
  const props = /** @type {Record<string, unknown>} */ (el);
  for (const name of names) {
    if (Object.hasOwn(el, name)) {
      const value = props[name];
      delete props[name];
      props[name] = value;
    }
  }
}

/** @type {BroadcastChannel | undefined} */
let sender;

/**
 * Tells the other tabs of the origin (and other lists of this page) that an operation started or ended.
 *
 * @param {OperationAnnouncement} message
 */
export function announce(message) {
  const Channel = globalThis.BroadcastChannel;
  if (!Channel) return;
  if (!(sender instanceof Channel)) sender = new Channel(CHANNEL);
  sender.postMessage(message);
}
