export { BackgroundOperation, OperationError } from './client.js';
export { BackgroundOperationBar } from './element.js';
export { en, ru } from './messages.js';
