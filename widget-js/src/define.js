import { BackgroundOperationBar } from './element.js';

export * from './index.js';

// Skipped under SSR, where there is no registry; define() itself ignores a second call.
if (globalThis.customElements) BackgroundOperationBar.define();
