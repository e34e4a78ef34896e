import { enShared, ruShared } from './texts.js';

/** English strings the widget produces itself: state names, error texts and time templates. */
export const en = {
  ...enShared,
  network: 'Connection lost, retrying…',
  server: 'Server error, retrying…',
  unreachable: 'Server unreachable',
  rejected: 'Request rejected',
  busy: 'Too busy, try again later',
  unknown: 'This operation is no longer known to the server',
  expired: 'This operation was removed from the server',
};

/** Russian strings, with the same keys as `en`. */
export const ru = {
  ...ruShared,
  network: 'Нет связи, повторяем…',
  server: 'Ошибка сервера, повторяем…',
  unreachable: 'Сервер недоступен',
  rejected: 'Запрос отклонён',
  busy: 'Сервер занят, попробуйте позже',
  unknown: 'Сервер больше не знает об этой операции',
  expired: 'Эта операция удалена с сервера',
};
