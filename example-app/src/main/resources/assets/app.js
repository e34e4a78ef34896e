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
    } else if (action === 'start' && button.form?.parameters) {
      const params = button.form.parameters();
      if (params) {
        bar.start(params);
      }
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

// The start parameters of every type, as JSON Schemas, from the adapter's OpenAPI document:
// paths./{type}.post.requestBody names #/components/schemas/{Type}Parameters.
async function parameterSchemas() {
  const response = await fetch('/api/operations/openapi.json', {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    return {};
  }
  const doc = await response.json();
  const schemas = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const ref = item.post?.requestBody?.content?.['application/json']?.schema?.$ref;
    const schema = ref && doc.components?.schemas?.[ref.split('/').pop()];
    if (schema) {
      schemas[decodeURIComponent(path.slice(1))] = schema;
    }
  }
  return schemas;
}

// The one JSON type of a schema: "integer" for {"type": ["integer", "null"]}.
function jsonType(schema) {
  const types = [schema.type ?? []].flat().filter((t) => t !== 'null');
  return schema.enum ? 'enum' : types[0];
}

// A field per parameter: numbers, text, a yes/no box, a choice for an enum, JSON for the rest;
// required ones are marked so, and the browser checks them before a start.
function field(name, schema, required) {
  const type = jsonType(schema);
  const label = document.createElement('label');
  label.append(`${name}${required ? ' *' : ''} `);
  let input;
  if (type === 'enum') {
    input = document.createElement('select');
    for (const value of schema.enum) {
      input.append(new Option(value ?? '', value ?? ''));
    }
  } else if (type === 'boolean') {
    input = document.createElement('input');
    input.type = 'checkbox';
  } else if (type === 'integer' || type === 'number') {
    input = document.createElement('input');
    input.type = 'number';
    input.step = type === 'integer' ? '1' : 'any';
  } else {
    input = document.createElement(type === 'object' || type === 'array' ? 'textarea' : 'input');
  }
  input.name = name;
  input.dataset.type = type ?? 'string';
  input.required = required && type !== 'boolean';
  label.append(input);
  return label;
}

// The parameters the fields hold, or null when the browser finds one missing or invalid; empty
// optional fields are left out.
function parameters(form) {
  if (!form.reportValidity()) {
    return null;
  }
  const params = {};
  for (const input of form.querySelectorAll('[data-type]')) {
    const type = input.dataset.type;
    if (type === 'boolean') {
      params[input.name] = input.checked;
    } else if (input.value === '') {
      continue;
    } else if (type === 'integer' || type === 'number') {
      params[input.name] = Number(input.value);
    } else if (type === 'object' || type === 'array') {
      try {
        params[input.name] = JSON.parse(input.value);
      } catch {
        input.setCustomValidity('JSON');
        input.reportValidity();
        input.setCustomValidity('');
        return null;
      }
    } else {
      params[input.name] = input.value;
    }
  }
  return params;
}

// GET {base} lists the types; each one without a window gets one made from the template, with a
// field for each of its start parameters.
async function addPluginWindows() {
  const response = await fetch('/api/operations', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return;
  }
  const types = await response.json();
  const schemas = await parameterSchemas().catch(() => ({}));
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
    const schema = schemas[type.name];
    const properties = Object.entries(schema?.properties ?? {});
    if (properties.length) {
      const required = new Set(schema.required ?? []);
      for (const [name, property] of properties) {
        bar.before(field(name, property, required.has(name)));
      }
      win.parameters = () => parameters(win);
    }
    for (const button of win.querySelectorAll('button[data-action]')) {
      button.dataset.bar = barId;
      wire(button);
    }
    plugins.append(win);
  }
}

addPluginWindows();
