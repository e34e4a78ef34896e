/** Registers `<background-operation-bar>` (unless something already did) and re-exports the API. */
export * from './index.js';
