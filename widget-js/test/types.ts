// Type test: compiled by `tsc -p test` in `npm test`. Each @ts-expect-error must be an error.
import { BackgroundOperation, BackgroundOperationBar, OperationError, en, ru } from '@asyncops/widget';
import type { Messages, OperationErrorDetail, OperationStatus, Transport } from '@asyncops/widget';
import * as defined from '@asyncops/widget/define';
import { BackgroundOperations, listEn, listRu } from '@asyncops/widget/operations';
import '@asyncops/widget/operations/define';

const list: BackgroundOperations = document.createElement('background-operations');
const listed: OperationStatus[] = list.operations;
const refreshed: Promise<OperationStatus[]> = list.refresh();
list.addEventListener('operation-end', (e) => e.detail.resultAvailable satisfies boolean);
list.messages = { ...listRu, stop: 'Стоп' };
const listTexts: string = listEn.download + BackgroundOperations.define().name;
list.url = '/api/operations';
list.type = 'csv-export';
list.limit = 5;
list.notify = true;
list.fetch = (url, init) => fetch(url, { ...init, credentials: 'omit' });
const limit: number = list.limit;
const ended: string = list.messages.ended + list.messages.expired;
// @ts-expect-error limit is a number
list.limit = 'many';
// @ts-expect-error the list has no such text
list.messages = { nope: 'x' };

const op = new BackgroundOperation({ url: '/api/operations/launch', interval: 1000, transport: 'sse', messages: { busy: 'Wait' } });
new BackgroundOperation({ url: '/api/operations/launch', resume: false, messages: ru });
// @ts-expect-error url is required
new BackgroundOperation({ interval: 1000 });
// @ts-expect-error no such transport
new BackgroundOperation({ url: '/x', transport: 'websocket' });

const started: Promise<OperationStatus> = op.start({ count: 3 });
const stopped: Promise<OperationStatus | null> = op.stop();
const pinged: Promise<OperationStatus | null> = op.ping();
const attached: Promise<OperationStatus | null> = op.attach('k3J');
const ready: Promise<OperationStatus | null> = op.ready;
op.destroy();
const current: OperationStatus | null = op.status;
const value: number | null | undefined = current?.value;
const self: string | undefined = current?.links.self;
// @ts-expect-error status is read-only
op.status = null;
// @ts-expect-error no such state
const state: OperationStatus['state'] = 'PAUSED';

op.addEventListener('update', (e) => e.detail.state satisfies OperationStatus['state']);
op.addEventListener('end', (e) => e.detail.active satisfies boolean);
op.addEventListener('error', (e) => {
  const detail: OperationErrorDetail = e.detail;
  const error: OperationError = detail.error;
  const seconds: number | null = error.retryAfter;
  const http: number = error.httpStatus;
  // @ts-expect-error no such code
  error.code === 'timeout';
  return [detail.retrying, seconds, http, error.problem?.detail];
});

const messages: Messages = ru;
// @ts-expect-error a catalogue needs every key
const partial: Messages = { busy: 'Wait' };
op.messages = en;

const bar: BackgroundOperationBar = document.createElement('background-operation-bar');
const found: BackgroundOperationBar | null = document.querySelector('background-operation-bar');
bar.url = '/api/operations/launch';
bar.interval = 1500;
bar.label = 'Launch';
bar.text = 'Waiting';
bar.value = 0.5;
bar.value = null;
bar.params = { target: 'moon' };
bar.omit = 'elapsed stage';
const left: number | null | undefined = current?.remaining;
const stageName: string | null | undefined = current?.stage?.name;
const transport: Transport = bar.transport;
// @ts-expect-error no such transport
bar.transport = 'ws';
// @ts-expect-error interval is a number
bar.interval = '1500';
bar.messages = { busy: 'Wait' };
const texts: Messages = bar.messages;
const client: BackgroundOperation | null = bar.operation;
const barStatus: OperationStatus | null = bar.status;
const result: Promise<OperationStatus | null> = bar.start({ target: 'mars' });
bar.stop();
bar.ping();
bar.addEventListener('operation-update', (e) => e.detail.value satisfies number | null);
bar.addEventListener('operation-end', (e) => e.detail.state satisfies OperationStatus['state']);
bar.addEventListener('operation-error', (e) => e.detail.error.message satisfies string);
bar.addEventListener('click', (e) => e.clientX satisfies number);
BackgroundOperationBar.define('launch-bar', customElements) satisfies typeof BackgroundOperationBar;
// @ts-expect-error start takes an object
bar.start('moon');

defined.BackgroundOperationBar satisfies typeof BackgroundOperationBar;

export { started, stopped, pinged, attached, ready, value, self, state, messages, partial, found, transport, texts, client, barStatus, result };

// The operator console: its entry, tag, properties, filters and texts.
import { BackgroundOperationsConsole, consoleEn, consoleRu } from '@asyncops/widget/console';
import type { AdminRow, ConsoleFilters } from '@asyncops/widget/console';
import '@asyncops/widget/console/define';

const admin: BackgroundOperationsConsole = document.createElement('background-operations-console');
const adminRows: AdminRow[] = admin.operations;
const adminRefreshed: Promise<AdminRow[]> = admin.refresh();
const adminFilters: ConsoleFilters = { type: 'csv-export', states: ['RUNNING', 'FAILED'], owner: 'alice', from: '2026-12-07T00:00:00Z' };
admin.filters = adminFilters;
admin.url = '/api/operations';
admin.limit = 100;
admin.messages = { ...consoleRu, stop: 'Стоп' };
const adminTexts: string = consoleEn.confirmStop + admin.messages.failed + BackgroundOperationsConsole.define().name;
// @ts-expect-error no such state
admin.filters = { states: ['LOST'] };
// @ts-expect-error limit is a number
admin.limit = 'all';
