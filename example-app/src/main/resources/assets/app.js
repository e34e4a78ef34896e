// Wires the demo's buttons to its progress bars and the list of my operations; they do the rest.
const flight = document.getElementById('flight');
const exportBar = document.getElementById('export');
const rows = document.getElementById('rows');
const download = document.getElementById('download');

for (const button of document.querySelectorAll('button[data-action]')) {
  button.addEventListener('click', () => {
    const bar = document.getElementById(button.dataset.bar);
    const action = button.dataset.action;
    if (bar === exportBar && action === 'start') {
      download.hidden = true;
      bar.start({ rows: Number(rows.value) });
    } else {
      bar[action]();
    }
  });
}

function showDownload(status) {
  download.hidden = !(status && status.state === 'SUCCEEDED' && status.resultAvailable);
  if (!download.hidden) {
    download.href = status.links.result;
  }
}

// The list of my operations asks the server every few seconds; an export started or ended here
// shows at once.
const operations = document.getElementById('operations');
let shownExport = null;

exportBar.addEventListener('operation-update', (event) => {
  showDownload(event.detail);
  if (event.detail.id !== shownExport) {
    shownExport = event.detail.id;
    operations.refresh?.();
  }
});
exportBar.addEventListener('operation-end', (event) => {
  showDownload(event.detail);
  operations.refresh?.();
});
