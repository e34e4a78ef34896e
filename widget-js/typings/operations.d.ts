// The generated declarations, plus the list's tag in the DOM's tag maps.
import type { BackgroundOperations } from '../types/operations.js';

export * from '../types/operations.js';

declare global {
  interface HTMLElementTagNameMap {
    'background-operations': BackgroundOperations;
  }
}
