// <background-operation-bar>, <background-operations> and <background-operations-console> in React 19 JSX. Opt in with
// `import type {} from '@asyncops/widget/react'` (or "types": ["@asyncops/widget/react"] in
// tsconfig.json). React 19 sets the props that are properties of the element as properties (so
// `params={{...}}` and `params='{...}'` both work) and listens to its events through `on` + the
// event's name: `onoperation-update`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BackgroundOperationBar, BackgroundOperationBarAttributes, BackgroundOperationBarEventMap } from '../types/element.js';
import type { BackgroundOperationsConsole, BackgroundOperationsConsoleAttributes, ConsoleMessages } from '../types/console.js';
import type { Messages } from '../types/messages.js';
import type { BackgroundOperations, BackgroundOperationsAttributes, BackgroundOperationsEventMap, ListMessages } from '../types/operations.js';
import type { AttributeProps, HookProps } from './attributes.js';

/** An element's props in JSX: the HTML ones, its reflected attributes, `messages`, `fetch`, and `on` + an event's name. */
export type ElementProps<E, A, M, Events> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof A | 'onError'> &
  AttributeProps<A> &
  HookProps<M> & { [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void };

export type BackgroundOperationBarProps = ElementProps<BackgroundOperationBar, BackgroundOperationBarAttributes, Messages, BackgroundOperationBarEventMap>;
export type BackgroundOperationsProps = ElementProps<BackgroundOperations, BackgroundOperationsAttributes, ListMessages, BackgroundOperationsEventMap>;
/** The console fires no events of its own. */
export type BackgroundOperationsConsoleProps = ElementProps<BackgroundOperationsConsole, BackgroundOperationsConsoleAttributes, ConsoleMessages, {}>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'background-operation-bar': BackgroundOperationBarProps;
      'background-operations': BackgroundOperationsProps;
      'background-operations-console': BackgroundOperationsConsoleProps;
    }
  }
}
