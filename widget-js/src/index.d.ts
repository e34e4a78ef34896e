export { BackgroundOperation, OperationError } from './client.js';
export type {
  BackgroundOperationEventMap,
  BackgroundOperationOptions,
  OperationErrorCode,
  OperationErrorDetail,
  OperationLinks,
  OperationState,
  OperationStatus,
  Problem,
  Transport,
} from './client.js';
export { BackgroundOperationBar } from './element.js';
export type { BackgroundOperationBarEventMap } from './element.js';
export { en, ru } from './messages.js';
export type { Messages } from './messages.js';
