// Both elements from plain TypeScript, as the README tells users: the define modules register the
// tags, and the DOM's tag maps type them.
import '@asyncops/widget/define';
import '@asyncops/widget/operations/define';
import type { OperationStatus } from '@asyncops/widget';

const bar = document.createElement('background-operation-bar');
bar.url = '/api/operations/csv-export';
bar.label = 'Export';
bar.setAttribute('params', '{"rows":500}');
bar.addEventListener('operation-update', (e) => {
  const value: number | null = e.detail.value;
  console.log(value);
});
bar.addEventListener('operation-end', (e) => {
  const state: OperationStatus['state'] = e.detail.state;
  console.log(state);
});

const list = document.createElement('background-operations');
list.url = '/api/operations';
list.type = 'csv-export';
list.limit = 5;
list.addEventListener('operation-end', (e) => {
  const ready: boolean = e.detail.resultAvailable;
  console.log(ready);
});

document.body.append(bar, list);
