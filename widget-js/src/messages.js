import { enShared, ruShared } from './texts.js';

/**
 * The strings the widget produces itself. Override any subset through `messages`.
 *
 * @typedef {object} Messages
 * @property {string} queued State name, shown when the server sends no text.
 * @property {string} running State name, shown when the server sends no text.
 * @property {string} stopping State name, shown when the server sends no text.
 * @property {string} succeeded State name, shown when the server sends no text.
 * @property {string} failed State name, shown when the server sends no text.
 * @property {string} stopped State name, shown when the server sends no text.
 * @property {string} network A network error while following an operation; the client retries.
 * @property {string} server A 5xx answer while following an operation; the client retries.
 * @property {string} unreachable A network error on `start()` or `stop()`.
 * @property {string} blocked A request to another origin failed: CORS refused it, or the server is unreachable.
 * @property {string} rejected A 4xx answer without a problem `detail`.
 * @property {string} busy 429 on `start()` without a problem `detail`.
 * @property {string} unknown 404 while following: the server no longer knows the operation.
 * @property {string} expired 410 while following: the server evicted the operation after retention.
 * @property {string} elapsed The time elapsed; `{time}` is a duration in words.
 * @property {string} left The estimated time left; `{time}` is a duration in words.
 * @property {string} stage The stage without a name: `{index}`, `{count}`.
 * @property {string} stageName The stage with a name: `{index}`, `{count}`, `{name}`.
 * @property {string} stalled Shown while the server says the operation stalled.
 */

/**
 * English strings the widget produces itself: state names, error texts and time templates.
 *
 * @type {Messages}
 */
export const en = {
  ...enShared,
  network: 'Connection lost, retrying…',
  server: 'Server error, retrying…',
  unreachable: 'Server unreachable',
  blocked: 'Connection lost (CORS?)',
  rejected: 'Request rejected',
  busy: 'Busy, try again later',
};

/**
 * Russian strings, with the same keys as `en`.
 *
 * @type {Messages}
 */
export const ru = {
  ...ruShared,
  network: 'Нет связи, повторяем…',
  server: 'Ошибка сервера, повторяем…',
  unreachable: 'Сервер недоступен',
  blocked: 'Нет связи (CORS?)',
  rejected: 'Запрос отклонён',
  busy: 'Сервер занят, попробуйте позже',
};
