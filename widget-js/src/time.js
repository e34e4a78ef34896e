/*
 * Time in words, in the viewer's language (Intl), and the line of time a bar shows under its text:
 * the stage, and while the operation is active the time elapsed, the time left and a stalled hint. A status carries `elapsed` and
 * `remaining` in seconds as of its arrival; the line moves them on by the time since then.
 */

/**
 * @typedef {object} Stage
 * @property {number} index the stage's position, from 1
 * @property {number} count how many stages the run has
 * @property {string | null} [name] the stage's name
 */

/**
 * @typedef {object} Timed the time fields of a status
 * @property {boolean} [active]
 * @property {number | null} [elapsed] whole seconds running, as of the status's arrival
 * @property {number | null} [remaining] estimated whole seconds left, as of its arrival
 * @property {boolean} [stalled]
 * @property {Stage | null} [stage]
 */

/**
 * @typedef {object} TimeMessages templates with `{time}`, `{index}`, `{count}` and `{name}`
 * @property {string} elapsed
 * @property {string} left
 * @property {string} stage
 * @property {string} stageName
 * @property {string} stalled
 */

/** @type {[Intl.NumberFormatOptions['unit'], number][]} */
const UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A duration in words in the largest unit that fits, such as "2 minutes" or "2 минуты".
 * Exact durations are cut down to whole seconds or minutes, or tenths of hours; estimates are
 * rounded as they deserve: to 5 seconds, whole minutes or half hours.
 *
 * @param {number} seconds the duration
 * @param {string} [locale] a BCP 47 language tag; the runtime's default when absent
 * @param {boolean} [estimate] whether the duration is an estimate
 * @returns {string}
 */
export function duration(seconds, locale, estimate = false) {
  let s = Math.max(0, seconds);
  if (estimate) {
    const step = s < 60 ? 5 : s < 3600 ? 60 : 1800;
    s = Math.max(5, Math.round(s / step) * step);
  }
  const [unit, size] = UNITS.find(([, n]) => s >= n) ?? UNITS[2];
  const amount = unit === 'hour' ? Math.floor((s / size) * 10) / 10 : Math.floor(s / size);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(amount);
}

/**
 * Fills `{name}` placeholders.
 *
 * @param {string} template
 * @param {Record<string, string | number>} values
 * @returns {string}
 */
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));

/**
 * The bar's line of time and what of it a screen reader hears with the value.
 *
 * @param {Timed | null} status the status
 * @param {number} since milliseconds since the status arrived
 * @param {TimeMessages} messages the templates
 * @param {string} [locale] the viewer's language
 * @param {string} [omit] parts to leave out, separated by spaces: `stage`, `elapsed`, `remaining`, `stalled`
 * @returns {{ shown: string, spoken: string }} `spoken` leaves out the elapsed time, which changes every second
 */
export function timeLine(status, since, messages, locale, omit = '') {
  const off = new Set(omit.split(/\s+/));
  const moving = status?.active ? since / 1000 : 0;
  const stage = status?.stage;
  const parts = [];
  const spoken = [];
  if (stage && !off.has('stage')) {
    const text = fill(stage.name ? messages.stageName : messages.stage, { ...stage, name: stage.name ?? '' });
    parts.push(text);
    spoken.push(text);
  }
  if (status?.active && status.elapsed != null && !off.has('elapsed')) {
    parts.push(fill(messages.elapsed, { time: duration(status.elapsed + moving, locale) }));
  }
  if (status?.active && status.remaining != null && !off.has('remaining')) {
    const text = fill(messages.left, { time: duration(status.remaining - moving, locale, true) });
    parts.push(text);
    spoken.push(text);
  }
  if (status?.active && status.stalled && !off.has('stalled')) {
    parts.push(messages.stalled);
    spoken.push(messages.stalled);
  }
  return { shown: parts.join(' · '), spoken: spoken.join(', ') };
}
