// The generated declarations, plus the console's tag in the DOM's tag maps.
import type { BackgroundOperationsConsole } from '../types/console.js';

export * from '../types/console.js';

declare global {
  interface HTMLElementTagNameMap {
    'background-operations-console': BackgroundOperationsConsole;
  }
}
