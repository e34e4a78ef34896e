// @vitest-environment jsdom
/* global HTMLDialogElement */
/**
 * <background-operations-console> in jsdom against a fake admin API (fetch) and a fake event
 * stream: the summary and the table, filters as the query string, keyset paging, live progress and
 * summaries, the per-node view, details with the cause, stop and delete behind the confirmation
 * dialog with the CSRF header, problems, and both languages. jsdom has no modal dialog, so
 * showModal() and close() are stood in for as the browser behaves; the real dialog, the real
 * admin API and two nodes are the demo's browser test (example-app AdminConsoleIT).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackgroundOperationsConsole, consoleRu } from '../src/console.js';
import { fakeFetch, installEventSource, json, problem, settle } from './fakes.js';

BackgroundOperationsConsole.define();

const ADMIN = 'https://app.test/api/operations/_admin';

/** A row as the admin API lists it. */
function row(id, overrides = {}) {
  return {
    id,
    type: 'csv-export',
    state: 'RUNNING',
    owner: 'alice',
    node: 'node-a',
    progress: { value: 0.4, text: 'Row 400' },
    stopRequested: false,
    createdAt: '2026-12-07T06:00:00Z',
    startedAt: '2026-12-07T06:00:01Z',
    finishedAt: null,
    error: null,
    ...overrides,
  };
}

const SUMMARY = {
  types: [
    { type: 'csv-export', counts: { QUEUED: 1, RUNNING: 2, STOPPING: 0, SUCCEEDED: 1234, FAILED: 1, STOPPED: 0 } },
    { type: 'missile-launch', counts: { QUEUED: 0, RUNNING: 1, STOPPING: 0, SUCCEEDED: 3, FAILED: 0, STOPPED: 2 } },
  ],
  nodes: [
    { node: 'node-a', running: 2, lastSeen: '2026-12-07T06:00:00Z' },
    { node: 'node-b', running: 1, lastSeen: '2026-12-07T06:00:02Z' },
  ],
  queued: 1,
  failedLastHour: 1,
  oldestQueued: { id: 'q1', type: 'csv-export', createdAt: '2026-12-07T05:58:00Z' },
  at: '2026-12-07T06:00:00Z',
};

/** The fake admin API: `pages` maps a cursor ('' for the first page) to a page; the test may change both. */
function admin(state) {
  return fakeFetch((r) => {
    const url = new URL(r.url);
    const path = url.pathname.replace('/api/operations/_admin', '');
    if (path === '/summary') return json(state.summary ?? SUMMARY);
    if (path === '/operations') return state.list?.(url) ?? json(state.pages[url.searchParams.get('cursor') ?? '']);
    const [, , id, action] = path.split('/');
    if (action === 'stop') return state.stop?.(id) ?? json(row(id, { state: 'STOPPING', stopRequested: true }), { status: 202 });
    if (r.method === 'DELETE') return state.remove?.(id) ?? new Response(null, { status: 204 });
    const details = state.details?.(id) ?? row(id);
    return details instanceof Response ? details : json(details);
  });
}

let streams;

beforeEach(() => {
  vi.useFakeTimers();
  streams = installEventSource();
  // jsdom has no modal dialog: open it and close it as the browser does.
  HTMLDialogElement.prototype.showModal = function () {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (value) {
    this.removeAttribute('open');
    if (value !== undefined) this.returnValue = value;
    this.dispatchEvent(new Event('close'));
  };
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.useRealTimers();
});

function console_(attributes = {}) {
  const el = document.createElement('background-operations-console');
  for (const [name, value] of Object.entries({ url: 'https://app.test/api/operations', ...attributes })) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

const $ = (el, selector) => el.shadowRoot.querySelector(selector);
const $$ = (el, selector) => [...el.shadowRoot.querySelectorAll(selector)];
const rows = (el) => $$(el, '[part=operations] tbody tr');
const cells = (tr) => [...tr.cells].map((c) => c.textContent.trim());
const announced = (el) => $(el, '[role=status]').textContent;
const lists = (requests) => requests.filter((r) => new URL(r.url).pathname.endsWith('/_admin/operations')).map((r) => new URL(r.url));
const button = (tr, action) => tr.querySelector(`button[data-action=${action}]`);

describe('<background-operations-console>', () => {
  test('shows the summary, the nodes and one page of operations in real tables', async () => {
    admin({ pages: { '': { items: [row('a1'), row('b1', { type: 'missile-launch', owner: 'bob', node: 'node-b', state: 'FAILED', progress: null, error: 'Engine failure' })], next: null } } });
    const el = console_({ lang: 'en' });
    await settle();

    expect($(el, '#queued').textContent).toBe('1');
    expect($(el, '#failed').textContent).toBe('1');
    expect($(el, '#oldest').textContent).toBe('csv-export q1, waiting 2 minutes');
    expect($$(el, '[part=types] thead th').map((th) => th.textContent)).toEqual(['Type', 'Queued', 'Running', 'Stopping…', 'Done', 'Failed', 'Stopped']);
    expect(cells($$(el, '[part=types] tbody tr')[0])).toEqual(['csv-export', '1', '2', '0', '1,234', '1', '0']);
    expect($$(el, '[part=nodes] tbody tr').map((tr) => cells(tr).slice(0, 2))).toEqual([
      ['node-a', '2'],
      ['node-b', '1'],
    ]);

    expect($(el, '[part=operations] caption').textContent).toBe('Operations');
    expect($$(el, '[part=operations] thead th').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const [a1, b1] = rows(el);
    expect(a1.cells[0].tagName).toBe('TH');
    expect(a1.cells[0].getAttribute('scope')).toBe('row');
    expect(cells(a1).slice(0, 6)).toEqual(['a1', 'csv-export', 'Running', 'alice', 'node-a', '40% Row 400']);
    expect(cells(b1).slice(0, 6)).toEqual(['b1', 'missile-launch', 'Failed', 'bob', 'node-b', 'Engine failure']);
    const bar = a1.querySelector('[role=progressbar]');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40% Row 400');
    expect(bar.getAttribute('aria-label')).toBe('Progress a1');
    expect(button(a1, 'stop').hidden).toBe(false);
    expect(button(a1, 'remove').hidden).toBe(true);
    expect(button(b1, 'stop').hidden).toBe(true);
    expect(button(b1, 'remove').getAttribute('aria-label')).toBe('Delete b1');
    expect(announced(el)).toBe('2 operations shown');
    expect($(el, '[part=empty]').textContent).toBe('');
    expect($(el, '#next').disabled).toBe(true);
    expect(streams.map((s) => s.url)).toEqual([`${ADMIN}/events`]);
  });

  test('sends the form as the query string and clears it with the reset button', async () => {
    const requests = admin({ pages: { '': { items: [], next: null } } });
    const el = console_({ lang: 'en', limit: '20' });
    await settle();
    expect(lists(requests)[0].search).toBe('?limit=20');
    expect($(el, '[part=empty]').textContent).toBe('No operations match the filters');

    const form = $(el, 'form');
    form.elements.type.value = 'csv-export';
    form.elements.owner.value = ' alice ';
    form.elements.node.value = 'node-b';
    form.elements.id.value = 'AbC';
    form.elements.from.value = '2026-12-07T05:00:00';
    form.elements.to.value = '2026-12-07T06:00:00';
    for (const box of form.querySelectorAll('input[name=state]')) box.checked = ['RUNNING', 'QUEUED'].includes(box.value);
    $(el, 'button[type=submit]').click();
    await settle();

    const q = lists(requests)[1].searchParams;
    expect(q.get('type')).toBe('csv-export');
    expect(q.get('owner')).toBe('alice');
    expect(q.get('node')).toBe('node-b');
    expect(q.get('id')).toBe('AbC');
    expect(q.get('from')).toBe(new Date('2026-12-07T05:00:00').toISOString());
    expect(q.get('to')).toBe(new Date('2026-12-07T06:00:00').toISOString());
    expect(q.getAll('state')).toEqual(['QUEUED', 'RUNNING']);
    expect(q.get('limit')).toBe('20');
    expect(el.filters).toMatchObject({ type: 'csv-export', owner: 'alice', states: ['QUEUED', 'RUNNING'] });

    $(el, 'button[type=reset]').click();
    await settle();
    expect(lists(requests)[2].search).toBe('?limit=20');
    expect(el.filters).toEqual({});
  });

  test('setting filters fills the form and asks for their first page', async () => {
    const requests = admin({ pages: { '': { items: [], next: null } } });
    const el = console_();
    await settle();
    el.filters = { owner: 'bob', states: ['FAILED'], from: '2026-12-07T05:00:00.000Z' };
    await settle();
    expect(lists(requests).at(-1).search).toBe('?owner=bob&from=2026-12-07T05%3A00%3A00.000Z&state=FAILED&limit=50');
    const form = $(el, 'form');
    expect(form.elements.owner.value).toBe('bob');
    expect(new Date(form.elements.from.value).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(form.querySelector('input[value=FAILED]').checked).toBe(true);
  });

  test('pages forward with the opaque cursor and back through the cursors seen', async () => {
    const requests = admin({
      pages: {
        '': { items: [row('p1a'), row('p1b')], next: 'c/2+' },
        'c/2+': { items: [row('p2a')], next: 'c3' },
        c3: { items: [row('p3a')], next: null },
      },
    });
    const el = console_();
    await settle();
    expect($(el, '#previous').disabled).toBe(true);

    $(el, '#next').click();
    await settle();
    expect(lists(requests)[1].searchParams.get('cursor')).toBe('c/2+');
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['p2a']);
    expect(el.shadowRoot.activeElement).toBe($(el, '#next'));

    $(el, '#next').click();
    await settle();
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['p3a']);
    expect($(el, '#next').disabled).toBe(true);
    expect(el.shadowRoot.activeElement).toBe($(el, '#previous'));

    $(el, '#previous').click();
    await settle();
    expect(lists(requests)[3].searchParams.get('cursor')).toBe('c/2+');
    $(el, '#previous').click();
    await settle();
    expect(lists(requests)[4].searchParams.has('cursor')).toBe(false);
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['p1a', 'p1b']);
  });

  test('follows progress live and asks again when the counts change', async () => {
    const state = { pages: { '': { items: [row('a1'), row('a2', { progress: { value: null, text: null } })], next: null } } };
    const requests = admin(state);
    const el = console_({ lang: 'en' });
    await settle();
    const [stream] = streams;
    const a1 = rows(el)[0];
    const stop = button(a1, 'stop');
    stop.focus();

    stream.dispatchEvent(new MessageEvent('progress', { data: JSON.stringify(row('a1', { progress: { value: 0.75, text: 'Row 750' } })) }));
    expect(rows(el)[0]).toBe(a1);
    expect(a1.querySelector('[role=progressbar]').getAttribute('aria-valuenow')).toBe('75');
    expect(cells(a1)[5]).toBe('75% Row 750');
    expect(el.shadowRoot.activeElement).toBe(stop);
    expect(rows(el)[1].querySelector('[role=progressbar]').hasAttribute('aria-valuenow')).toBe(false);

    stream.dispatchEvent(new MessageEvent('progress', { data: JSON.stringify(row('zz')) }));
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['a1', 'a2']);

    stream.dispatchEvent(new MessageEvent('progress', { data: JSON.stringify(row('a2', { state: 'STOPPING', stopRequested: true })) }));
    expect(announced(el)).toBe('Operation a2: Stopping…');

    const before = lists(requests).length;
    stream.dispatchEvent(new MessageEvent('summary', { data: JSON.stringify({ ...SUMMARY, failedLastHour: 1 }) }));
    await settle();
    expect(lists(requests).length).toBe(before);

    state.pages[''] = { items: [row('a3'), row('a1', { state: 'SUCCEEDED', progress: { value: 1, text: 'Done' } })], next: null };
    const types = JSON.parse(JSON.stringify(SUMMARY.types));
    types[0].counts.SUCCEEDED++;
    stream.dispatchEvent(new MessageEvent('summary', { data: JSON.stringify({ ...SUMMARY, types, failedLastHour: 2 }) }));
    await settle();
    expect(lists(requests).length).toBe(before + 1);
    expect($(el, '#failed').textContent).toBe('2');
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['a3', 'a1']);
    expect(rows(el)[1]).toBe(a1);
    expect(announced(el)).toBe('Operation a2: Stopping…');
    expect(button(a1, 'stop').hidden).toBe(true);

    el.remove();
    expect(stream.closed).toBe(true);
  });

  test('a node of the summary shows that node\'s operations', async () => {
    const requests = admin({ pages: { '': { items: [], next: null } } });
    const el = console_({ lang: 'en' });
    await settle();
    const node = $$(el, '[part=nodes] tbody button')[1];
    expect(node.getAttribute('aria-label')).toBe('Show the operations of node-b');
    node.click();
    await settle();
    expect(lists(requests).at(-1).searchParams.get('node')).toBe('node-b');
    expect($(el, 'form').elements.node.value).toBe('node-b');
  });

  test('stops an operation only after the dialog is confirmed, with the CSRF header', async () => {
    const requests = admin({ pages: { '': { items: [row('a1', { owner: 'bob', node: 'node-b' })], next: null } } });
    const el = console_({ lang: 'en' });
    await settle();
    const dialog = $(el, 'dialog');
    const stop = button(rows(el)[0], 'stop');
    stop.focus();

    stop.click();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Stop operation a1 (csv-export) of bob?');
    expect(el.shadowRoot.activeElement).toBe($(el, '#cancel'));
    $(el, '#cancel').click();
    await settle();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(el.shadowRoot.activeElement).toBe(stop);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    stop.click();
    dialog.close(); // Escape
    await settle();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    stop.click();
    expect($(el, '#ok').textContent).toBe('Stop');
    $(el, '#ok').click();
    await settle();
    const [post] = requests.filter((r) => r.method === 'POST');
    expect(post.url).toBe(`${ADMIN}/operations/a1/stop`);
    expect(post.headers['X-Requested-With']).toBe('asyncops');
    expect(post.credentials).toBe('include');
    expect(cells(rows(el)[0])[2]).toBe('Stopping… (Stop)');
    expect(button(rows(el)[0], 'stop').hidden).toBe(true);
    expect(announced(el)).toBe('Stop requested for a1');
  });

  test('deletes a final operation after confirming and removes its row', async () => {
    const requests = admin({ pages: { '': { items: [row('a1', { state: 'SUCCEEDED' }), row('a2', { state: 'FAILED' })], next: null } } });
    const el = console_({ lang: 'en' });
    await settle();
    button(rows(el)[0], 'remove').click();
    expect($(el, 'dialog').textContent).toContain('Delete operation a1 (csv-export) of alice? This cannot be undone.');
    $(el, '#ok').click();
    await settle();
    const [del] = requests.filter((r) => r.method === 'DELETE');
    expect(del.url).toBe(`${ADMIN}/operations/a1`);
    expect(del.headers['X-Requested-With']).toBe('asyncops');
    expect(rows(el).map((tr) => tr.dataset.id)).toEqual(['a2']);
    expect(announced(el)).toBe('Operation a1 deleted');
  });

  test('shows the problem of a refused request in an alert', async () => {
    const state = {
      pages: { '': { items: [row('a1')], next: null } },
      stop: () => problem(409, 'the operation has already ended'),
    };
    admin(state);
    const el = console_({ lang: 'en' });
    await settle();
    button(rows(el)[0], 'stop').click();
    $(el, '#ok').click();
    await settle();
    const alert = $(el, '[role=alert]');
    expect(alert.textContent).toBe('Problem: the operation has already ended');
    expect(el.hasAttribute('error')).toBe(true);

    state.list = () => problem(400, "the parameter 'from' is not an ISO-8601 instant");
    el.filters = { from: 'yesterday' };
    await settle();
    expect(alert.textContent).toBe("Problem: the parameter 'from' is not an ISO-8601 instant");

    state.list = () => new TypeError('Failed to fetch');
    el.refresh();
    await settle();
    expect(alert.textContent).toBe('The request failed');

    delete state.list;
    el.refresh();
    await settle();
    expect(alert.textContent).toBe('');
    expect(el.hasAttribute('error')).toBe(false);

    state.details = () => problem(404, 'no operation a1');
    button(rows(el)[0], 'details').click();
    await settle();
    expect(alert.textContent).toBe('Problem: no operation a1');
    expect($(el, '[part=details]').hidden).toBe(true);
  });

  test('shows the details of a failure with its cause preformatted, and gives focus back', async () => {
    const cause = 'java.lang.IllegalStateException: jammed\n\tat demo.Jam.run(Jam.java:12)';
    admin({
      pages: { '': { items: [row('f1', { state: 'FAILED', error: 'Paper jam' })], next: null } },
      details: (id) => ({ ...row(id, { state: 'FAILED', error: 'Paper jam', finishedAt: '2026-12-07T06:01:00Z' }), parameters: { pages: 3 }, result: null, cause, key: null, slot: 0, epoch: 1 }),
    });
    const el = console_({ lang: 'en' });
    await settle();
    const details = button(rows(el)[0], 'details');
    details.click();
    await settle();

    const panel = $(el, '[part=details]');
    expect(panel.hidden).toBe(false);
    expect(el.shadowRoot.activeElement).toBe($(el, '#d-h'));
    expect($(el, '#d-h').textContent).toBe('Operation f1');
    const fields = Object.fromEntries($$(el, '#fields dt').map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
    expect(fields).toMatchObject({ Error: 'Paper jam', State: 'Failed', Owner: 'alice', Parameters: '{"pages":3}' });
    const pre = $(el, 'pre[part=cause]');
    expect(pre.hidden).toBe(false);
    expect(pre.textContent).toBe(cause);
    expect($(el, '#' + pre.getAttribute('aria-labelledby')).textContent).toBe('Cause');

    $(el, '#close').click();
    expect(panel.hidden).toBe(true);
    expect(el.shadowRoot.activeElement).toBe(details);
  });

  test('speaks Russian under lang="ru", with Russian dates and numbers', async () => {
    admin({ pages: { '': { items: [row('a1')], next: null } } });
    document.documentElement.lang = 'ru';
    const el = console_();
    await settle();
    expect($(el, '[part=operations] caption').textContent).toBe(consoleRu.operations);
    expect($$(el, '[part=operations] thead th').map((th) => th.textContent)).toEqual(['ID', 'Тип', 'Состояние', 'Владелец', 'Узел', 'Ход', 'Создана', 'Действия']);
    expect(cells(rows(el)[0])[2]).toBe('Выполняется');
    expect(cells(rows(el)[0])[5]).toBe('40\u00a0% Row 400');
    expect(cells(rows(el)[0])[6]).toBe(new Intl.DateTimeFormat('ru', { dateStyle: 'short', timeStyle: 'medium' }).format(new Date('2026-12-07T06:00:00Z')));
    expect($$(el, '[part=types] tbody tr')[0].cells[4].textContent).toBe('1\u00a0234');
    expect($(el, '#oldest').textContent).toBe('csv-export q1, ждёт 2 минуты');
    expect(announced(el)).toBe('Показано операций: 1');
    button(rows(el)[0], 'stop').click();
    expect($(el, 'dialog').textContent).toContain('Остановить операцию a1 (csv-export) пользователя alice?');
    expect($(el, '#cancel').textContent).toBe('Отмена');
  });

  test('takes the browser\'s language when no lang is set, and messages override texts', async () => {
    admin({ pages: { '': { items: [], next: null } } });
    vi.stubGlobal('navigator', { language: 'ru-RU' });
    const el = console_();
    await settle();
    expect($(el, '[part=empty]').textContent).toBe(consoleRu.none);
    el.lang = 'en';
    el.messages = { none: 'Nothing here' };
    expect($(el, '[part=empty]').textContent).toBe('Nothing here');
    expect($(el, 'button[type=submit]').textContent).toBe('Apply');
  });
});
