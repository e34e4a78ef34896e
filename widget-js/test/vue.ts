// Vue 3 global component type test: compiled by `tsc -p test` in `npm test`. Each @ts-expect-error
// must be an error. Templates themselves are checked by vue-tsc (test/vue/, test/frameworks.test.js).
import type {} from '@asyncops/widget/vue';
import type { GlobalComponents } from 'vue';
import type { BackgroundOperationBarProps, BackgroundOperationsProps } from '@asyncops/widget/vue';

type Props = InstanceType<GlobalComponents['background-operation-bar']>['$props'];
type ListProps = InstanceType<GlobalComponents['background-operations']>['$props'];
type ConsoleProps = InstanceType<GlobalComponents['background-operations-console']>['$props'];

export const props: Props = {
  url: '/api/operations/launch',
  interval: 1000,
  transport: 'poll',
  params: { target: 'moon' },
  onOperationEnd: (e) => e.detail.state,
};
export const asHtml: Props = { interval: '1000', params: '{"target":"moon"}', value: '0.5' };
export const typed: BackgroundOperationBarProps = { onOperationError: (e) => e.detail.retrying };
export const list: ListProps = { url: '/api/operations', type: 'csv-export', limit: '5', notify: true, onOperationEnd: (e) => e.detail.id };
export const listTyped: BackgroundOperationsProps = { messages: { download: 'Get it' }, fetch: (url, init) => fetch(url, init) };
// @ts-expect-error Vue looks up @operation-end as onOperationEnd, never as onOperation-end
export const dashed: Props = { 'onOperation-end': () => {} };
// @ts-expect-error no such transport
export const wrongTransport: Props = { transport: 'websocket' };
// @ts-expect-error value is a number
export const wrongValue: Props = { value: 'half' };
// @ts-expect-error the list fires no update
export const wrongListEvent: ListProps = { onOperationUpdate: () => {} };
export const console: ConsoleProps = { url: '/api/operations', limit: '50', messages: { stop: 'Halt' } };
// @ts-expect-error limit is a number
export const wrongConsoleLimit: ConsoleProps = { limit: 'many' };
