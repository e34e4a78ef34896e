/**
 * Registers `<background-operation-bar>` (unless something already did) and re-exports the API.
 *
 * @module
 */
import { BackgroundOperationBar } from './element.js';

export * from './index.js';

// Skipped under SSR, where there is no registry; define() itself ignores a second call.
if (globalThis.customElements) BackgroundOperationBar.define();
