// <background-operation-bar>, <background-operations> and <background-operations-console> in Vue 3 templates, as global components
// for vue-tsc and Volar. Opt in with `import type {} from '@asyncops/widget/vue'`; tell Vue that the
// tags are custom elements with `compilerOptions.isCustomElement: (tag) => tag.startsWith('background-operation')`.
// Vue maps `@operation-update` to the prop `onOperationUpdate`, so that is how the events are declared.
import type { DefineComponent } from 'vue';
import type { BackgroundOperationBarAttributes, BackgroundOperationBarEventMap } from '../types/element.js';
import type { BackgroundOperationsConsoleAttributes, ConsoleMessages } from '../types/console.js';
import type { Messages } from '../types/messages.js';
import type { BackgroundOperationsAttributes, BackgroundOperationsEventMap, ListMessages } from '../types/operations.js';
import type { AttributeProps, CamelCase, HookProps } from './attributes.js';

/** An element's props in a template: its reflected attributes, `messages`, `fetch`, and its events' handlers. */
export type ElementProps<A, M, Events> = AttributeProps<A> &
  HookProps<M> & { [K in keyof Events as `on${Capitalize<CamelCase<K & string>>}`]?: (event: Events[K]) => void };

export type BackgroundOperationBarProps = ElementProps<BackgroundOperationBarAttributes, Messages, BackgroundOperationBarEventMap>;
export type BackgroundOperationsProps = ElementProps<BackgroundOperationsAttributes, ListMessages, BackgroundOperationsEventMap>;
/** The console fires no events of its own. */
export type BackgroundOperationsConsoleProps = ElementProps<BackgroundOperationsConsoleAttributes, ConsoleMessages, {}>;

declare module 'vue' {
  interface GlobalComponents {
    'background-operation-bar': DefineComponent<BackgroundOperationBarProps>;
    'background-operations': DefineComponent<BackgroundOperationsProps>;
    'background-operations-console': DefineComponent<BackgroundOperationsConsoleProps>;
  }
}
