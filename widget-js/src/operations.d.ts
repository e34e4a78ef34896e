import type { OperationStatus } from './client.js';

/** The list's own texts, besides the bar's state names and time templates. */
export interface ListMessages {
  stop: string;
  download: string;
  /** The button that asks for permission to notify. */
  notify: string;
  /** Shown when the caller has no operations. */
  none: string;
  /** Announced when an operation ends: `{title}` of its type, `{state}` in words. */
  ended: string;
}

export declare const listEn: ListMessages;
export declare const listRu: ListMessages;

export interface BackgroundOperationsEventMap extends HTMLElementEventMap {
  'operation-end': CustomEvent<OperationStatus>;
}

/** The caller's background operations, newest first, each with its own bar. */
export declare class BackgroundOperations extends HTMLElement {
  /** Registers the element under `tag` unless the registry already has that tag. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof BackgroundOperations;
  static readonly observedAttributes: string[];
  /** The operations of the last round, newest first. */
  operations: OperationStatus[];
  /** The texts in use: English, or Russian under `lang="ru"`, with your overrides on top. */
  get messages(): Record<string, string>;
  set messages(value: Record<string, string> | null);
  /** Asks the server now instead of at the next round. */
  refresh(): Promise<OperationStatus[]>;

  addEventListener<K extends keyof BackgroundOperationsEventMap>(
    type: K,
    listener: (this: BackgroundOperations, event: BackgroundOperationsEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'background-operations': BackgroundOperations;
  }
}
