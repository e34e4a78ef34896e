import { BackgroundOperations } from './operations.js';

export * from './operations.js';

// Skipped under SSR, where there is no registry; define() itself ignores a second call.
if (globalThis.customElements) BackgroundOperations.define();
