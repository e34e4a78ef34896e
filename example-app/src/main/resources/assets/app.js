// Wires the demo's buttons to its progress bars; the bars do the rest.
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

exportBar.addEventListener('operation-update', (event) => showDownload(event.detail));
exportBar.addEventListener('operation-end', (event) => showDownload(event.detail));
