// <background-operation-bar> in React 19 JSX. Opt in with `import type {} from '@asyncops/widget/react'`
// (or "types": ["@asyncops/widget/react"] in tsconfig.json). React 19 sets the attributes' properties
// on the element and listens to its events through `on` + the event's name.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  BackgroundOperationBar,
  BackgroundOperationBarAttributes,
  BackgroundOperationBarEventMap,
} from '../types/element.js';
import type { Messages } from '../types/messages.js';

/** The element's props in JSX: its attributes, `messages`, and `on` + an event's name. */
export type BackgroundOperationBarProps = DetailedHTMLProps<HTMLAttributes<BackgroundOperationBar>, BackgroundOperationBar> &
  Partial<BackgroundOperationBarAttributes> & { messages?: Partial<Messages> | null } & {
    [K in keyof BackgroundOperationBarEventMap as `on${K}`]?: (event: BackgroundOperationBarEventMap[K]) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'background-operation-bar': BackgroundOperationBarProps;
    }
  }
}
