// Vue 3 global component type test: compiled by `tsc -p test` in `npm test`. Each @ts-expect-error must be an error.
import type {} from '@asyncops/widget/vue';
import type { GlobalComponents } from 'vue';
import type { BackgroundOperationBarProps } from '@asyncops/widget/vue';

type Bar = GlobalComponents['background-operation-bar'];
type Props = InstanceType<Bar>['$props'];

export const props: Props = {
  url: '/api/operations/launch',
  interval: 1000,
  transport: 'poll',
  params: { target: 'moon' },
  'onOperation-end': (e) => e.detail.state,
};
export const typed: BackgroundOperationBarProps = { 'onOperation-error': (e) => e.detail.retrying };
// @ts-expect-error no such transport
export const wrongTransport: Props = { transport: 'websocket' };
// @ts-expect-error value is a number
export const wrongValue: Props = { value: 'half' };
