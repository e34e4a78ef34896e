// React 19 JSX type test: compiled by `tsc -p test` in `npm test`. Each @ts-expect-error must be an error.
import type {} from '@asyncops/widget/react';
import type { OperationStatus } from '@asyncops/widget';

export const bar = (
  <background-operation-bar
    url="/api/operations/launch"
    label="Launch"
    interval={1000}
    transport="sse"
    params={{ target: 'moon' }}
    messages={{ busy: 'Wait' }}
    onoperation-update={(e) => e.detail.value satisfies number | null}
    onoperation-end={(e) => e.detail.state satisfies OperationStatus['state']}
    onoperation-error={(e) => e.detail.error.code}
    className="wide"
  >
    <p>Loading…</p>
  </background-operation-bar>
);

// @ts-expect-error no such transport
export const wrongTransport = <background-operation-bar transport="websocket" />;
// @ts-expect-error interval is a number
export const wrongInterval = <background-operation-bar interval="fast" />;
// @ts-expect-error the detail of operation-update is a status
export const wrongEvent = <background-operation-bar onoperation-update={(e) => e.detail.error.code} />;
