import { BackgroundOperationsConsole } from './console.js';

export * from './console.js';

// Skipped under SSR, where there is no registry; define() itself ignores a second call.
if (globalThis.customElements) BackgroundOperationsConsole.define();
