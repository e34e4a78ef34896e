/*
 * <background-operation-bar>: renders a BackgroundOperation in shadow DOM. The light-DOM
 * children are the fallback shown before the element upgrades; the shadow root has no slot, so
 * they disappear once it does. The live region sits outside the progressbar because a
 * progressbar's children are presentational.
 */
import { BackgroundOperation } from './client.js';
import { en, ru } from './messages.js';
import { timeLine } from './time.js';

const Base = globalThis.HTMLElement ?? class {};

// State colours come from custom properties (--c is the current one); ::part(bar) styles the rest.
const STYLE =
  ':host{display:block;--c:var(--asyncops-bar-color,#2563eb)}' +
  ':host([hidden]){display:none}' +
  ':host([state=succeeded]){--c:var(--asyncops-success-color,#16a34a)}' +
  ':host([state=failed]),:host([state=lost]){--c:var(--asyncops-error-color,#dc2626)}' +
  ':host([state=stopping]),:host([state=stopped]){--c:var(--asyncops-stopped-color,#6b7280)}' +
  '[part=percent]{float:right}' +
  '[part=bar]{height:.5em;margin:.25em 0;overflow:hidden;border-radius:1em;background:#e5e7eb}' +
  '[part=fill]{height:100%;width:0;background:var(--c);transition:width .3s}' +
  ':host([error]) [part=text]{color:var(--asyncops-error-color,#dc2626)}' +
  '[part=time]{font-size:.85em;opacity:.8}[part=time]:empty{display:none}';

const HTML =
  `<style>${STYLE}</style><span part="percent" aria-hidden="true"></span><span part="label" id="label"></span>` +
  '<div part="bar" role="progressbar" aria-labelledby="label" aria-valuemin="0" aria-valuemax="100">' +
  '<div part="fill"></div></div><div part="text" aria-live="polite"></div><div part="time"></div>';

const asIs = (v) => v;

/** Attributes reflected as properties: the attribute value assumed while absent, and its parser. */
const ATTRS = {
  url: ['', asIs],
  label: ['', asIs],
  text: ['', asIs],
  transport: ['auto', asIs],
  interval: ['', (v) => +v || 3000],
  value: ['', (v) => (v === '' || Number.isNaN(+v) ? null : +v)],
  params: ['{}', JSON.parse],
  omit: ['', asIs],
};
const PROPS = [...Object.keys(ATTRS), 'messages'];

/** A progress bar that starts, follows and stops a background operation. */
export class BackgroundOperationBar extends Base {
  static observedAttributes = PROPS.slice(0, -1);

  static define(tag = 'background-operation-bar', registry = globalThis.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #client = null;
  #live = false;
  #messages = null;
  #parts = {};
  #arrived = 0;
  #clock = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = HTML;
    for (const el of root.querySelectorAll('[part]')) this.#parts[el.getAttribute('part')] = el;
  }

  get messages() {
    const lang = this.closest('[lang]')?.lang.slice(0, 2);
    return { ...(lang === 'ru' ? ru : en), ...this.#messages };
  }
  set messages(v) {
    this.#messages = v;
    if (this.#client) this.#client.messages = this.messages;
    this.#render();
  }

  get operation() {
    return this.#client;
  }

  get status() {
    return this.#client?.status ?? null;
  }

  start(params = this.params) {
    return this.#call('start', params);
  }
  stop() {
    return this.#call('stop');
  }
  ping() {
    return this.#call('ping');
  }

  connectedCallback() {
    // A framework may have set properties before the element upgraded: route them through the setters.
    for (const name of PROPS) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    this.#live = true;
    this.#connect();
  }

  disconnectedCallback() {
    this.#live = false;
    this.#tick(false);
    this.#client?.destroy();
    this.#client = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (this.#live && /^(url|interval|transport)$/.test(name)) this.#connect();
    else this.#render();
  }

  /** Failures are reported through `operation-error`, so the methods resolve with null instead. */
  async #call(method, arg) {
    try {
      return (await this.#client?.[method](arg)) ?? null;
    } catch {
      return null;
    }
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
        })
      : null;
    for (const type of ['update', 'end', 'error']) {
      this.#client?.addEventListener(type, ({ detail }) => {
        if (type === 'update') this.#arrived = Date.now();
        this.#render();
        this.dispatchEvent(new CustomEvent(`operation-${type}`, { detail, bubbles: true, composed: true }));
      });
    }
    this.#render();
  }

  #render() {
    const p = this.#parts;
    const s = this.status;
    const m = this.messages;
    const error = this.#client?.error;
    const state = s && (/^(unknown|expired)$/.test(error?.code) ? 'lost' : s.state.toLowerCase());
    const value = s ? s.value : this.value;
    const percent = value === null || value === undefined ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
    const text = error?.message || (s ? s.error || s.text || m[state] : this.text) || '';
    const lang = this.closest('[lang]')?.lang;
    const time = timeLine(s, Date.now() - this.#arrived, m, lang, this.omit);
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
    for (const [name, v] of [['aria-valuenow', percent], ['aria-valuetext', [text, time.spoken].filter(Boolean).join(', ') || null]]) {
      if (v === null) bar.removeAttribute(name);
      else bar.setAttribute(name, v);
    }
  }

  /** Moves the line of time on once a second while an operation with times is active. */
  #tick(on) {
    if (on && !this.#clock) this.#clock = setInterval(() => this.#render(), 1000);
    else if (!on && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = null;
    }
  }
}

for (const [name, [fallback, parse]] of Object.entries(ATTRS)) {
  Object.defineProperty(BackgroundOperationBar.prototype, name, {
    get() {
      return parse(this.getAttribute(name) ?? fallback);
    },
    set(value) {
      if (value === null) this.removeAttribute(name);
      else this.setAttribute(name, typeof value === 'object' ? JSON.stringify(value) : value);
    },
  });
}
