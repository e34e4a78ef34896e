/** The strings the widget produces itself. Override any subset through `messages`. */
export interface Messages {
  /** State names, shown when the server sends no text. */
  queued: string;
  running: string;
  stopping: string;
  succeeded: string;
  failed: string;
  stopped: string;
  /** A network error while following an operation; the client retries. */
  network: string;
  /** A 5xx answer while following an operation; the client retries. */
  server: string;
  /** A network error on `start()` or `stop()`. */
  unreachable: string;
  /** A 4xx answer without a problem `detail`. */
  rejected: string;
  /** 429 on `start()` without a problem `detail`. */
  busy: string;
  /** 404 while following: the server no longer knows the operation. */
  unknown: string;
  /** 410 while following: the server evicted the operation after retention. */
  expired: string;
}

export declare const en: Messages;
export declare const ru: Messages;
