// The page of `flux server`: executions, one execution's timeline and state-machine picture, live.
// Plain browser JavaScript against the HTTP API of the same server; nothing else is loaded.
//
// Every value that comes from the server is written as text (textContent, DOM nodes), never as
// markup: a workflow's input or an error message may hold anything. The only markup taken is the
// picture's SVG, parsed as SVG and stripped of anything that could run.
// The server's token, when it asks for one (401), is asked for once and kept for this tab
// (sessionStorage); it travels in the Authorization header only, never in a URL.
const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'flux-token';
const SVG_NS = 'http://www.w3.org/2000/svg';
let selected = null;
/** Stops the stream of the execution shown. */
let stream = null;
let pictureTimer = null;
/** While the token form is shown: resolved once a token is given. */
let tokenAsked = null;

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function askToken(refused) {
  tokenAsked ??= new Promise((resolve) => {
    $('token-form').hidden = false;
    $('token-message').textContent = refused
      ? 'That token was refused: enter the one the server was started with.'
      : '';
    $('token').focus();
    $('token-form').onsubmit = (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      $('token').value = '';
      $('token-form').hidden = true;
      tokenAsked = null;
      resolve();
    };
  });
  return tokenAsked;
}

/** A request to the API with the token (asked for when the server says 401); a POST always declares JSON. */
async function request(method, path, body, signal) {
  for (;;) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (method === 'POST') headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, body, signal });
    if (response.status !== 401) return response;
    if (token && sessionStorage.getItem(TOKEN_KEY) === token) sessionStorage.removeItem(TOKEN_KEY);
    await askToken(Boolean(token));
  }
}

async function api(method, path, body) {
  const response = await request(method, path, body);
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(data.error ? `${data.error.code}: ${data.error.message}` : String(data));
  return data;
}

function say(text) {
  $('message').textContent = text || '';
}

function parseJsonField(text, what) {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return text;
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${error.message}`);
  }
}

const executionPath = (id, rest = '') => `/executions/${encodeURIComponent(id)}${rest}`;

async function loadWorkflows() {
  const { workflows } = await api('GET', '/workflows');
  $('workflow').replaceChildren(...workflows.map((name) => element('option', { value: name, textContent: name })));
  $('filter-workflow').replaceChildren(
    element('option', { value: '', textContent: 'any workflow' }),
    ...workflows.map((name) => element('option', { value: name, textContent: name })),
  );
  const { backend } = await api('GET', '/health');
  $('backend').textContent = backend;
}

const PAGE_SIZE = 50;
/** The list's page (0: the newest), under the filters of the form above it. */
let page = 0;

function listQuery() {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE + 1), offset: String(page * PAGE_SIZE) });
  if ($('filter-state').value) query.set('state', $('filter-state').value);
  if ($('filter-workflow').value) query.set('workflow', $('filter-workflow').value);
  // The browser's local time, as the operator picked it; the server keeps UTC.
  if ($('filter-since').value) query.set('createdAfter', new Date($('filter-since').value).toISOString());
  return query;
}

async function loadExecutions() {
  const { executions: found } = await api('GET', `/executions?${listQuery()}`);
  // One more than a page is asked for: whether there is an older page.
  const executions = found.slice(0, PAGE_SIZE);
  $('older').disabled = found.length <= PAGE_SIZE;
  $('newer').disabled = page === 0;
  $('page').textContent = executions.length
    ? `${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + executions.length}`
    : 'none';
  $('executions').replaceChildren(
    ...executions.map((record) => {
      const item = element(
        'li',
        { className: record.executionId === selected ? 'selected' : '' },
        element(
          'div',
          {},
          `${record.workflow}${record.version ? `@${record.version}` : ''} `,
          element('span', { className: `state ${record.state}`, textContent: record.state }),
        ),
        element('div', { className: 'id', textContent: `${record.executionId} · ${record.updatedAt}` }),
      );
      item.dataset.id = record.executionId;
      item.addEventListener('click', () => select(record.executionId));
      return item;
    }),
  );
}

/** How a schedule fires, in a few words. */
function when(schedule) {
  if (schedule.cron !== undefined)
    return `cron ${schedule.cron}${schedule.timezone === 'UTC' ? '' : ` (${schedule.timezone})`}`;
  if (schedule.every !== undefined) return `every ${schedule.every / 1000} s`;
  return `once at ${schedule.at}`;
}

async function loadSchedules() {
  const { schedules } = await api('GET', '/schedules');
  $('schedules').replaceChildren(
    ...schedules.map((schedule) =>
      element(
        'li',
        {},
        element(
          'div',
          {},
          `${schedule.id} `,
          element('span', { className: 'muted', textContent: `${schedule.workflow}, ${when(schedule)}` }),
          ' ',
          element('span', {
            className: `state ${schedule.paused ? 'paused' : 'running'}`,
            textContent: schedule.paused ? 'paused' : 'active',
          }),
        ),
        element('div', { className: 'id', textContent: `next fire: ${schedule.nextFireAt ?? 'none'}` }),
        ...schedule.recent.slice(0, 3).map((run) => {
          const line = element('div', {
            className: 'id run',
            textContent: `${run.fireAt}  ${run.skipped ? `skipped (${run.skipped})` : (run.state ?? '')}`,
          });
          if (!run.skipped) line.addEventListener('click', () => select(run.executionId));
          return line;
        }),
      ),
    ),
  );
}

/** The picture's SVG as nodes of this page, without scripts, event handlers or links out of it. */
function safeSvg(text) {
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  if (svg.namespaceURI !== SVG_NS || svg.localName !== 'svg') throw new Error('the picture is not an SVG image');
  for (const node of svg.querySelectorAll('script, foreignObject, parsererror')) node.remove();
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    for (const { name, value } of [...node.attributes]) {
      if (/^on/i.test(name) || (/href$/i.test(name) && !value.startsWith('#'))) node.removeAttribute(name);
    }
  }
  return document.importNode(svg, true);
}

async function refreshPicture() {
  if (!selected) return;
  const id = selected;
  const svg = await api('GET', executionPath(id, '/picture?format=svg'));
  if (id === selected) $('picture').replaceChildren(safeSvg(svg));
  // The workflow's own Graph, where the server has one that runs its tasks, with the path taken.
  const graph = await request('GET', executionPath(id, '/graph?format=svg'));
  if (id !== selected) return;
  $('graph').hidden = !graph.ok;
  $('graph').replaceChildren(...(graph.ok ? [safeSvg(await graph.text())] : []));
}

function schedulePicture() {
  clearTimeout(pictureTimer);
  pictureTimer = setTimeout(() => refreshPicture().catch((error) => say(error.message)), 150);
}

async function refreshState() {
  const id = selected;
  const execution = await api('GET', executionPath(id));
  if (id !== selected) return;
  $('execution-title').textContent =
    `${execution.name}${execution.version ? `@${execution.version}` : ''} ${execution.executionId}`;
  showLinks(execution);
  $('execution-state').textContent = execution.state;
  $('execution-state').className = `state ${execution.state}`;
  $('detail').dataset.state = execution.state;
  // Retry where it applies (a failed execution), fork from a finished one.
  const finished = ['succeeded', 'failed', 'cancelled'].includes(execution.state);
  $('retry').hidden = execution.state !== 'failed';
  showFailure(execution.state === 'failed' ? execution.error : undefined);
  $('fork').hidden = !finished;
  $('fork-from').hidden = !finished;
}

/** A failure in full: its message, each cause it was thrown because of, and where, each stack one click away. */
function showFailure(error) {
  const parts = [];
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    const line = `${depth ? 'caused by ' : ''}${e.name}${e.code ? ` [${e.code}]` : ''}: ${e.message}`;
    parts.push(element('p', { className: depth ? 'cause' : 'error', textContent: line }));
    if (e.stack)
      parts.push(
        element(
          'details',
          { className: 'stack' },
          element('summary', { textContent: 'stack' }),
          element('pre', { textContent: e.stack }),
        ),
      );
  }
  $('failure').replaceChildren(...parts);
  $('failure').hidden = parts.length === 0;
}

/** The executions this one was forked from and forked as: each a link that selects it. */
function showLinks(execution) {
  const link = (id, text) => {
    const a = element('a', { href: '#', textContent: text });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      select(id).catch((error) => say(error.message));
    });
    return a;
  };
  const parts = [];
  const separate = () => (parts.length ? '; ' : '');
  if (execution.calledBy)
    parts.push('called by ', link(execution.calledBy.executionId, execution.calledBy.executionId));
  for (const child of execution.children ?? []) parts.push(separate(), 'calls ', link(child, child));
  if (execution.forkedFrom)
    parts.push(
      separate(),
      'forked from ',
      link(execution.forkedFrom.executionId, execution.forkedFrom.executionId),
      ` at step ${execution.forkedFrom.step}`,
    );
  for (const fork of execution.forks ?? [])
    parts.push(separate(), 'forked as ', link(fork.executionId, fork.executionId), ` from step ${fork.step}`);
  $('links').replaceChildren(...parts);
}

function addToTimeline(event) {
  const value = event.value === undefined ? '' : JSON.stringify(event.value);
  // A long value (an error and its details, a step's output) opens to its whole text.
  const shown =
    value.length > 120
      ? element(
          'details',
          { className: 'value timeline-value' },
          element('summary', { textContent: `${value.slice(0, 117)}...` }),
          element('pre', { textContent: JSON.stringify(event.value, null, 2) }),
        )
      : element('span', { className: 'value', textContent: value });
  $('timeline').append(
    element('li', { title: event.time }, `${event.type} `, element('b', { textContent: event.name }), ' ', shown),
  );
}

/**
 * Reads an execution's event stream (Server-Sent Events) with fetch, which can send the token in a
 * header (EventSource cannot); calls `onMessage(name, data)` for each message until the stream ends.
 */
async function readEvents(id, signal, onMessage) {
  const response = await request('GET', executionPath(id, '/stream'), undefined, signal);
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    throw new Error(
      data.error ? `${data.error.code}: ${data.error.message}` : `the stream answered ${response.status}`,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const name = lines
        .find((line) => line.startsWith('event:'))
        ?.slice('event:'.length)
        .trim();
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice('data:'.length).replace(/^ /, ''))
        .join('\n');
      if (data) onMessage(name, JSON.parse(data));
    }
  }
}

/** Follows the selected execution's events into the timeline; a stream that drops is opened again. */
function openStream(id) {
  const controller = new AbortController();
  const own = { stop: () => controller.abort() };
  stream = own;
  const onMessage = (name, data) => {
    if (name === 'error') return say(data.message);
    addToTimeline(data);
    refreshState().catch((error) => say(error.message));
    schedulePicture();
    loadExecutions().catch(() => undefined);
  };
  $('timeline').replaceChildren();
  readEvents(id, controller.signal, onMessage)
    .catch((error) => {
      if (!controller.signal.aborted) say(error.message);
    })
    .finally(() => {
      // The server went (a restart): read the stream again from its start, as EventSource would.
      if (stream === own && !controller.signal.aborted) setTimeout(() => stream === own && openStream(id), 2000);
    });
}

async function select(id) {
  // The stream is switched first and at once: a click on another execution while this one loads
  // must not leave two streams writing into one timeline.
  selected = id;
  stream?.stop();
  $('detail').hidden = false;
  say('');
  openStream(id);
  loadExecutions().catch(() => undefined);
  // Just started on NATS, it exists once a worker took it: the stream's first event brings it anyway.
  await refreshState().catch(() => undefined);
  await refreshPicture().catch(() => undefined);
}

$('start-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const body = parseJsonField($('input').value, 'the input');
    const { executionId } = await api(
      'POST',
      `/workflows/${encodeURIComponent($('workflow').value)}/run?mode=async`,
      body,
    );
    await select(executionId);
  } catch (error) {
    say(error.message);
  }
});

$('resume').addEventListener('click', async () => {
  try {
    const body = parseJsonField($('resume-value').value, 'the resume value');
    const pause = $('resume-pause').value.trim();
    say('');
    await api('POST', executionPath(selected, `/resume${pause ? `?pause=${encodeURIComponent(pause)}` : ''}`), body);
  } catch (error) {
    say(error.message);
  }
});

$('cancel').addEventListener('click', async () => {
  try {
    say('');
    await api('POST', executionPath(selected, `/cancel${$('cancel-rollback').checked ? '?rollback=true' : ''}`));
  } catch (error) {
    say(error.message);
  }
});

$('retry').addEventListener('click', async () => {
  try {
    say('');
    await api('POST', executionPath(selected, '/retry'));
  } catch (error) {
    say(error.message);
  }
});

$('fork').addEventListener('click', async () => {
  try {
    const from = $('fork-from').value.trim();
    if (!from) throw new Error('say which step to fork from: its number, its task id or its task name');
    say('');
    const { executionId } = await api('POST', executionPath(selected, `/fork?from=${encodeURIComponent(from)}`));
    await select(executionId);
  } catch (error) {
    say(error.message);
  }
});

for (const id of ['filter-state', 'filter-workflow', 'filter-since'])
  $(id).addEventListener('change', () => {
    page = 0;
    loadExecutions().catch((error) => say(error.message));
  });
$('filter-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = $('find-id').value.trim();
  if (!id) return;
  try {
    await api('GET', executionPath(id)); // an id that is not there is said so, beside the list
    $('list-message').textContent = '';
    await select(id);
  } catch (error) {
    $('list-message').textContent = error.message;
  }
});
$('older').addEventListener('click', () => {
  page++;
  loadExecutions().catch((error) => say(error.message));
});
$('newer').addEventListener('click', () => {
  page = Math.max(0, page - 1);
  loadExecutions().catch((error) => say(error.message));
});

loadWorkflows().catch((error) => say(error.message));
loadExecutions().catch((error) => say(error.message));
loadSchedules().catch((error) => say(error.message));
setInterval(() => {
  loadExecutions().catch(() => undefined);
  loadSchedules().catch(() => undefined);
}, 3000);
