/** @typedef {import('./client.js').BackgroundOperationEventMap} BackgroundOperationEventMap */
/** @typedef {import('./client.js').BackgroundOperationOptions} BackgroundOperationOptions */
/** @typedef {import('./client.js').OperationErrorCode} OperationErrorCode */
/** @typedef {import('./client.js').OperationErrorDetail} OperationErrorDetail */
/** @typedef {import('./client.js').OperationLinks} OperationLinks */
/** @typedef {import('./client.js').OperationState} OperationState */
/** @typedef {import('./client.js').OperationStatus} OperationStatus */
/** @typedef {import('./client.js').Problem} Problem */
/** @typedef {import('./client.js').Transport} Transport */
/** @typedef {import('./element.js').BackgroundOperationBarEventMap} BackgroundOperationBarEventMap */
/** @typedef {import('./messages.js').Messages} Messages */
/** @typedef {import('./common.js').FetchHook} FetchHook */

export { BackgroundOperation, OperationError } from './client.js';
export { BackgroundOperationBar } from './element.js';
export { en, ru } from './messages.js';
