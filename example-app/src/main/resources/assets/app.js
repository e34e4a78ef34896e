// Wires the demo's buttons to its progress bars and the list of my operations, and adds a window
// for every operation type that has none of its own (a plugin dropped in); the bars do the rest.
const rows = document.getElementById('rows');
const download = document.getElementById('download');

function wire(button) {
  button.addEventListener('click', () => {
    const bar = document.getElementById(button.dataset.bar);
    const action = button.dataset.action;
    if (bar.id === 'export' && action === 'start') {
      download.hidden = true;
      bar.start({ rows: Number(rows.value) });
    } else {
      bar[action]();
    }
  });
}

for (const button of document.querySelectorAll('button[data-action]')) {
  if (button.dataset.bar) {
    wire(button);
  }
}

function showDownload(status) {
  download.hidden = !(status && status.state === 'SUCCEEDED' && status.resultAvailable);
  if (!download.hidden) {
    download.href = status.links.result;
  }
}

// The list of my operations asks the server every few seconds; an export started or ended here
// shows at once.
const exportBar = document.getElementById('export');
const operations = document.getElementById('operations');
let shownExport = null;
if (exportBar) {
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
}

// GET {base} lists the types; each one without a window gets one made from the template.
async function addPluginWindows() {
  const response = await fetch('/api/operations', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return;
  }
  const types = await response.json();
  const shown = new Set([...document.querySelectorAll('[data-type]')].map((w) => w.dataset.type));
  const template = document.getElementById('plugin-window');
  const plugins = document.getElementById('plugins');
  for (const type of types) {
    if (shown.has(type.name)) {
      continue;
    }
    const win = template.content.firstElementChild.cloneNode(true);
    const barId = `bar-${type.name}`;
    win.dataset.type = type.name;
    win.querySelector('h2').textContent = type.title;
    const bar = win.querySelector('background-operation-bar');
    bar.id = barId;
    bar.setAttribute('url', `/api/operations/${encodeURIComponent(type.name)}`);
    for (const button of win.querySelectorAll('button[data-action]')) {
      button.dataset.bar = barId;
      wire(button);
    }
    plugins.append(win);
  }
}

addPluginWindows();
