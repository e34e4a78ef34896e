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
 */

/**
 * English strings the widget produces itself: state names and error texts.
 *
 * @type {Messages}
 */
export const en = {
  queued: 'Queued',
  running: 'Running',
  stopping: 'Stopping…',
  succeeded: 'Done',
  failed: 'Failed',
  stopped: 'Stopped',
  network: 'Connection lost, retrying…',
  server: 'Server error, retrying…',
  unreachable: 'Server unreachable',
  blocked: 'Connection lost (CORS?)',
  rejected: 'Request rejected',
  busy: 'Busy, try again later',
  unknown: 'Unknown to the server',
  expired: 'Removed from the server',
};

/**
 * Russian strings, with the same keys as `en`.
 *
 * @type {Messages}
 */
export const ru = {
  queued: 'В очереди',
  running: 'Выполняется',
  stopping: 'Останавливается…',
  succeeded: 'Готово',
  failed: 'Ошибка',
  stopped: 'Остановлено',
  network: 'Нет связи, повторяем…',
  server: 'Ошибка сервера, повторяем…',
  unreachable: 'Сервер недоступен',
  blocked: 'Нет связи (CORS?)',
  rejected: 'Запрос отклонён',
  busy: 'Сервер занят, попробуйте позже',
  unknown: 'Сервер больше не знает об этой операции',
  expired: 'Сервер удалил эту операцию',
};
