// <background-operation-bar> in Vue 3 templates, as a global component for vue-tsc and Volar. Opt in
// with `import type {} from '@asyncops/widget/vue'`; tell Vue that the tag is a custom element with
// `compilerOptions.isCustomElement: (tag) => tag === 'background-operation-bar'`.
import type { DefineComponent } from 'vue';
import type { BackgroundOperationBarAttributes, BackgroundOperationBarEventMap } from '../types/element.js';
import type { Messages } from '../types/messages.js';

/** The element's props in a template: its attributes, `messages`, and `@` + an event's name. */
export type BackgroundOperationBarProps = Partial<BackgroundOperationBarAttributes> & { messages?: Partial<Messages> | null } & {
  [K in keyof BackgroundOperationBarEventMap as `on${Capitalize<K>}`]?: (event: BackgroundOperationBarEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'background-operation-bar': DefineComponent<BackgroundOperationBarProps>;
  }
}
