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
  /** The time elapsed; `{time}` is a duration in words. */
  elapsed: string;
  /** The estimated time left; `{time}` is a duration in words. */
  left: string;
  /** The stage without a name: `{index}`, `{count}`. */
  stage: string;
  /** The stage with a name: `{index}`, `{count}`, `{name}`. */
  stageName: string;
  /** Shown while the server says the operation stalled. */
  stalled: string;
}

export declare const en: Messages;
export declare const ru: Messages;
