// React 19 JSX type test: compiled by `tsc -p test` in `npm test`. Each @ts-expect-error must be an
// error; test/frameworks.test.js also checks that a wrongly typed handler fails to compile.
import type {} from '@asyncops/widget/react';
import type { OperationErrorDetail, OperationStatus } from '@asyncops/widget';

const onUpdate = (e: CustomEvent<OperationStatus>) => e.detail.value;

export const bar = (
  <background-operation-bar
    url="/api/operations/launch"
    label="Launch"
    interval={1000}
    transport="sse"
    params={{ target: 'moon' }}
    messages={{ busy: 'Wait' }}
    fetch={(url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer x' } })}
    onoperation-update={(e) => e.detail.value satisfies number | null}
    onoperation-end={(e) => e.detail.state satisfies OperationStatus['state']}
    onoperation-error={(e) => e.detail.error.code}
    className="wide"
  >
    <p>Loading…</p>
  </background-operation-bar>
);

// What HTML allows as strings is accepted as strings.
export const asHtml = <background-operation-bar url="/x" params='{"target":"moon"}' interval="1000" value="0.5" onoperation-update={onUpdate} />;

export const list = (
  <background-operations
    url="/api/operations"
    type="csv-export"
    limit={5}
    interval="2000"
    label="My exports"
    omit="elapsed"
    notify
    messages={{ download: 'Get it' }}
    onoperation-end={(e) => e.detail.resultAvailable satisfies boolean}
  />
);
export const listAsHtml = <background-operations url="/api/operations" limit="20" />;

// @ts-expect-error no such transport
export const wrongTransport = <background-operation-bar transport="websocket" />;
// @ts-expect-error interval is a number
export const wrongInterval = <background-operation-bar interval="fast" />;
// @ts-expect-error the detail of operation-update is a status
export const wrongEvent = <background-operation-bar onoperation-update={(e) => e.detail.error.code} />;
// @ts-expect-error a handler of the error event does not take an update
export const wrongHandler = <background-operation-bar onoperation-update={(e: CustomEvent<OperationErrorDetail>) => e.detail.retrying} />;
// @ts-expect-error limit is a number
export const wrongLimit = <background-operations limit="many" />;
// @ts-expect-error the list has no such message
export const wrongMessage = <background-operations messages={{ nope: 'x' }} />;

export const console = <background-operations-console url="/api/operations" limit={50} messages={{ stop: 'Halt' }} />;
export const consoleAsHtml = <background-operations-console url="/api/operations" limit="20" />;
// @ts-expect-error limit is a number
export const wrongConsoleLimit = <background-operations-console limit="many" />;
// @ts-expect-error the console has no such message
export const wrongConsoleMessage = <background-operations-console messages={{ nope: 'x' }} />;
