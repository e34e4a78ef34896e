/// <reference path="./tags.d.ts" />
// The generated declarations, plus the tag in the DOM's tag maps.
export * from '../types/define.js';
