import type { Messages } from './messages.js';

export type OperationState = 'QUEUED' | 'RUNNING' | 'STOPPING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

/** Links of a status, resolved to absolute URLs by the client. */
export interface OperationLinks {
  self: string;
  stop?: string | null;
  result?: string | null;
  events?: string | null;
}

/** A status object as the adapter sends it. */
export interface OperationStatus {
  id: string;
  type: string;
  state: OperationState;
  /** Progress from 0 to 1, or null when unknown. */
  value: number | null;
  text: string | null;
  active: boolean;
  key: string | null;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string | null;
  finishedAt: string | null;
  /** A user-safe message when the state is FAILED. */
  error: string | null;
  resultAvailable: boolean;
  stopRequested: boolean;
  /** Whole seconds running as of the response, or null if it never ran (absent from older servers). */
  elapsed?: number | null;
  /** Estimated whole seconds left as of the response, or null while there is no trustworthy estimate. */
  remaining?: number | null;
  /** Whether it runs but nothing moved for longer than its type's stall threshold. */
  stalled?: boolean;
  /** The stage the worker reported, or null. */
  stage?: { index: number; count: number; name: string | null } | null;
  links: OperationLinks;
}

/** An RFC 9457 problem+json body. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [member: string]: unknown;
}

/** `poll`; `sse`; or `auto`: SSE, falling back to polling after the first stream error. */
export type Transport = 'poll' | 'sse' | 'auto';

export type OperationErrorCode = 'network' | 'server' | 'unreachable' | 'rejected' | 'busy' | 'unknown' | 'expired';

/** Why a request failed: what start() and stop() reject with, and what `error` events carry. */
export declare class OperationError extends Error {
  readonly name: 'OperationError';
  /** Also the key of its text in `messages`. */
  readonly code: OperationErrorCode;
  /** The HTTP status, 0 when the server could not be reached. */
  readonly httpStatus: number;
  readonly problem: Problem | null;
  /** The server's Retry-After in seconds, or null. */
  readonly retryAfter: number | null;
}

export interface OperationErrorDetail {
  /** The last known status, kept while the client retries. */
  status: OperationStatus | null;
  error: OperationError;
  /** True while the client retries on its own. */
  retrying: boolean;
}

export interface BackgroundOperationEventMap {
  /** Every new status, and the kept status once the client recovers from an error. */
  update: CustomEvent<OperationStatus>;
  /** A final status; the client stops following. */
  end: CustomEvent<OperationStatus>;
  error: CustomEvent<OperationErrorDetail>;
}

export interface BackgroundOperationOptions {
  /** The operation type's base URL in the adapter, e.g. `/api/operations/missile-launch`. */
  url: string;
  /** Poll interval in ms when the server sends no Retry-After. Default 3000. */
  interval?: number;
  /** Default `auto`. */
  transport?: Transport;
  /** Replaces some of the English texts. */
  messages?: Partial<Messages>;
  /** Look up and follow the caller's active operation of this type on creation. Default true. */
  resume?: boolean;
}

/** Starts, follows and stops one background operation of the type at `url`. */
export declare class BackgroundOperation extends EventTarget {
  constructor(options: BackgroundOperationOptions);
  /** The last known status, or null. */
  readonly status: OperationStatus | null;
  /** The current error, or null once requests succeed again. */
  readonly error: OperationError | null;
  /** Texts of the errors the client reports. */
  messages: Messages;
  /** Settles once the resume look-up made on creation has answered. */
  readonly ready: Promise<OperationStatus | null>;
  /** Starts an operation, or resolves with the active one this client already follows. */
  start(params?: Record<string, unknown>): Promise<OperationStatus>;
  /** Asks the server to stop the followed operation. Idempotent. */
  stop(): Promise<OperationStatus | null>;
  /** Polls now instead of waiting. */
  ping(): Promise<OperationStatus | null>;
  /** Follows the operation with this id instead of the current one. */
  attach(id: string): Promise<OperationStatus | null>;
  /** Calls `listener` with every `update`; returns the unsubscribe function. */
  subscribe(listener: (status: OperationStatus) => void): () => void;
  /** Aborts requests, timers and the event stream. The client cannot be used afterwards. */
  destroy(): void;

  addEventListener<K extends keyof BackgroundOperationEventMap>(
    type: K,
    listener: (this: BackgroundOperation, event: BackgroundOperationEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof BackgroundOperationEventMap>(
    type: K,
    listener: (this: BackgroundOperation, event: BackgroundOperationEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}
