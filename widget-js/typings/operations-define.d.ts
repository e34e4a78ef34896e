// The generated declarations, plus the list's tag in the DOM's tag maps.
export * from './operations.js';
