// The generated declarations, plus the console's tag in the DOM's tag maps.
export * from './console.js';
