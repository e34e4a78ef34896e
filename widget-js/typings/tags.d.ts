// The element's tag in the DOM's tag maps: document.createElement('background-operation-bar') and
// querySelector('background-operation-bar') return a BackgroundOperationBar.
import type { BackgroundOperationBar } from '../types/element.js';

declare global {
  interface HTMLElementTagNameMap {
    'background-operation-bar': BackgroundOperationBar;
  }
}
