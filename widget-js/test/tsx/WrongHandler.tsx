// Must NOT compile: an error handler given to onoperation-update. test/frameworks.test.js asserts
// that tsc rejects it, so a declaration that lets any handler through cannot pass.
import type {} from '@asyncops/widget/react';
import type { OperationErrorDetail } from '@asyncops/widget';

const onError = (e: CustomEvent<OperationErrorDetail>) => e.detail.retrying;

export const bar = <background-operation-bar url="/api/operations/launch" onoperation-update={onError} />;
