// Both elements in React 19 TSX, set up as the README shows.
import '@asyncops/widget/define';
import '@asyncops/widget/operations/define';
import type {} from '@asyncops/widget/react';
import type { OperationStatus } from '@asyncops/widget';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [value, setValue] = useState<number | null>(null);
  return (
    <>
      <p>{value}</p>
      <background-operation-bar url="/api/operations/csv-export" label="Export" params='{"rows":500}' interval={1000}
        onoperation-update={(e) => setValue(e.detail.value)}
        onoperation-end={(e) => console.log(e.detail.state satisfies OperationStatus['state'])} />
      <background-operations url="/api/operations" type="csv-export" limit={5} notify
        onoperation-end={(e) => e.detail.resultAvailable && console.log('ready')} />
    </>
  );
}

createRoot(document.body.appendChild(document.createElement('div'))).render(<App />);
