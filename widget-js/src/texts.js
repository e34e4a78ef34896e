/**
 * The texts that the bar and the operations list share: state names, shown when the server sends
 * no text, the templates of the line of time, and what a lost operation shows (404, 410). Apart from messages.js so that the list does not
 * carry the bar's error texts.
 */

/** English state names and time templates. */
export const enShared = {
  queued: 'Queued',
  running: 'Running',
  stopping: 'Stopping…',
  succeeded: 'Done',
  failed: 'Failed',
  stopped: 'Stopped',
  elapsed: '{time} elapsed',
  left: 'about {time} left',
  stage: 'Stage {index} of {count}',
  stageName: 'Stage {index} of {count}: {name}',
  stalled: 'No progress for a while',
  unknown: 'Unknown to the server',
  expired: 'Removed from the server',
};

/** Russian state names and time templates, with the same keys as `enShared`. */
export const ruShared = {
  queued: 'В очереди',
  running: 'Выполняется',
  stopping: 'Останавливается…',
  succeeded: 'Готово',
  failed: 'Ошибка',
  stopped: 'Остановлено',
  elapsed: 'прошло: {time}',
  left: 'ещё примерно {time}',
  stage: 'Этап {index} из {count}',
  stageName: 'Этап {index} из {count}: {name}',
  stalled: 'Давно нет продвижения',
  unknown: 'Сервер больше не знает об этой операции',
  expired: 'Сервер удалил эту операцию',
};
