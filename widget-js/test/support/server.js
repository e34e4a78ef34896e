/**
 * A tiny HTTP server for the browser test: the package's files in the WebJar layout, test pages,
 * and a fake adapter that speaks the widget's contract for any type under /api/operations/.
 * Operations change only when the test calls update(), so the test decides what the page sees.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

export const WEBJAR = '/webjars/asyncops-widget/test';
const ACTIVE = ['QUEUED', 'RUNNING', 'STOPPING'];
const FILES = { '.js': 'src', '.ts': 'src', '.min.js': 'dist' };

export async function startServer(pages) {
  const ops = new Map();
  const streams = new Map();
  const requests = [];
  let down = false;

  const view = (op) => {
    const self = `/api/operations/${op.type}/${op.id}`;
    return { ...op, active: ACTIVE.includes(op.state), links: { self, stop: `${self}/stop`, events: `${self}/events`, result: null } };
  };
  const send = (res, code, body, type = 'application/json') => {
    res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const problem = (res, code, detail) => send(res, code, { title: 'Problem', status: code, detail }, 'application/problem+json');
  let eventId = 0;
  const emit = (stream, op) => {
    stream.write(`event: status\nid: ${++eventId}\ndata: ${JSON.stringify(view(op))}\n\n`);
    if (!ACTIVE.includes(op.state)) stream.end();
  };
  const push = (op) => {
    for (const stream of streams.get(op.id) ?? []) emit(stream, op);
  };

  async function files(res, name) {
    const ext = name.endsWith('.min.js') ? '.min.js' : name.slice(name.lastIndexOf('.'));
    try {
      send(res, 200, await readFile(new URL(`../../${FILES[ext]}/${name}`, import.meta.url), 'utf8'), 'text/javascript; charset=utf-8');
    } catch {
      send(res, 404, 'not found', 'text/plain');
    }
  }

  function api(req, res, url, body) {
    const [, , , type, id, action] = url.pathname.split('/');
    if (down) return problem(res, 503, 'Down for the test');
    if (req.method === 'POST' && req.headers['x-requested-with'] !== 'asyncops') return problem(res, 403, 'CSRF header missing');
    if (!id && req.method === 'GET') {
      const active = [...ops.values()].filter((op) => op.type === type && ACTIVE.includes(op.state));
      return send(res, 200, active.reverse().slice(0, 1).map(view));
    }
    if (!id && req.method === 'POST') {
      const op = { id: `${type}-${[...ops.values()].filter((o) => o.type === type).length + 1}`, type, state: 'RUNNING', value: 0, text: `Starting ${body.target ?? ''}`.trim(), error: null };
      ops.set(op.id, op);
      res.setHeader('Location', `/api/operations/${type}/${op.id}`);
      return send(res, 202, view(op));
    }
    const op = ops.get(id);
    if (!op) return problem(res, 404, 'Unknown operation');
    if (action === 'stop') {
      Object.assign(op, { state: 'STOPPED', text: 'Stopped by you' });
      push(op);
      return send(res, 200, view(op));
    }
    if (action === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      if (!streams.has(id)) streams.set(id, new Set());
      streams.get(id).add(res);
      res.on('close', () => streams.get(id).delete(res));
      return emit(res, op);
    }
    return send(res, 200, view(op));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (url.pathname.startsWith(`${WEBJAR}/`)) return files(res, url.pathname.slice(WEBJAR.length + 1));
      if (url.pathname === '/api/operations') return send(res, 200, [{ name: 'launch', title: 'Launch' }]);
      if (url.pathname.startsWith('/api/operations/')) return api(req, res, url, body ? JSON.parse(body) : {});
      const page = pages[url.pathname];
      return page ? send(res, 200, page, 'text/html; charset=utf-8') : send(res, 404, 'not found', 'text/plain');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    /** Changes an operation and pushes it to its open event streams. */
    update(id, patch) {
      Object.assign(ops.get(id), patch);
      push(ops.get(id));
    },
    setDown(value) {
      down = value;
    },
    close() {
      for (const set of streams.values()) for (const stream of set) stream.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
