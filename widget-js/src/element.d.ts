import type { BackgroundOperation, OperationErrorDetail, OperationStatus, Transport } from './client.js';
import type { Messages } from './messages.js';

export interface BackgroundOperationBarEventMap extends HTMLElementEventMap {
  'operation-update': CustomEvent<OperationStatus>;
  'operation-end': CustomEvent<OperationStatus>;
  'operation-error': CustomEvent<OperationErrorDetail>;
}

/** A progress bar that starts, follows and stops a background operation. */
export declare class BackgroundOperationBar extends HTMLElement {
  /** Registers the element under `tag` unless the registry already has that tag. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof BackgroundOperationBar;
  static readonly observedAttributes: string[];
  /** Attribute `url`: the operation type's base URL. */
  url: string;
  /** Attribute `interval`, in ms. Default 3000. */
  interval: number;
  /** Attribute `label`. */
  label: string;
  /** Attribute `text`: shown while no operation is followed. */
  text: string;
  /** Attribute `value`, 0 to 1: shown while no operation is followed. */
  value: number | null;
  /** Attribute `transport`. Default `auto`. */
  transport: Transport;
  /** Attribute `params` (JSON): the body `start()` sends by default. */
  params: Record<string, unknown>;
  /** Attribute `omit`: parts of the line of time to leave out, space-separated: `stage`, `elapsed`, `remaining`, `stalled`. */
  omit: string;
  /** The texts in use: English, or Russian under `lang="ru"`, with your overrides on top. */
  get messages(): Messages;
  set messages(value: Partial<Messages> | null);
  /** The client while connected with a `url`, else null. */
  readonly operation: BackgroundOperation | null;
  /** The last known status, or null. */
  readonly status: OperationStatus | null;
  /** Resolves with the status, or null when the request failed (see `operation-error`). */
  start(params?: Record<string, unknown>): Promise<OperationStatus | null>;
  stop(): Promise<OperationStatus | null>;
  ping(): Promise<OperationStatus | null>;

  addEventListener<K extends keyof BackgroundOperationBarEventMap>(
    type: K,
    listener: (this: BackgroundOperationBar, event: BackgroundOperationBarEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof BackgroundOperationBarEventMap>(
    type: K,
    listener: (this: BackgroundOperationBar, event: BackgroundOperationBarEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'background-operation-bar': BackgroundOperationBar;
  }
}
