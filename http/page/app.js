// The page of `flux server`: executions, one execution's timeline and state-machine picture, live.
// Plain browser JavaScript against the HTTP API of the same server; nothing else is loaded.
const $ = (id) => document.getElementById(id);
let selected = null;
let stream = null;
let pictureTimer = null;

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : body,
  });
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

async function loadWorkflows() {
  const { workflows } = await api('GET', '/workflows');
  $('workflow').replaceChildren(...workflows.map((name) => Object.assign(document.createElement('option'), { value: name, textContent: name })));
  const { backend } = await api('GET', '/health');
  $('backend').textContent = backend;
}

async function loadExecutions() {
  const { executions } = await api('GET', '/executions?limit=50');
  $('executions').replaceChildren(...executions.map((record) => {
    const item = document.createElement('li');
    item.dataset.id = record.executionId;
    item.className = record.executionId === selected ? 'selected' : '';
    item.innerHTML = `<div>${escapeHtml(record.workflow)} <span class="state ${record.state}">${record.state}</span></div><div class="id">${record.executionId}</div>`;
    item.addEventListener('click', () => select(record.executionId));
    return item;
  }));
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

async function refreshPicture() {
  if (!selected) return;
  const id = selected;
  const svg = await api('GET', `/executions/${id}/picture?format=svg`);
  if (id === selected) $('picture').innerHTML = svg;
}

function schedulePicture() {
  clearTimeout(pictureTimer);
  pictureTimer = setTimeout(() => refreshPicture().catch((error) => say(error.message)), 150);
}

async function refreshState() {
  const id = selected;
  const execution = await api('GET', `/executions/${id}`);
  if (id !== selected) return;
  $('execution-title').textContent = `${execution.name} ${execution.executionId}`;
  $('execution-state').textContent = execution.state;
  $('execution-state').className = `state ${execution.state}`;
  $('detail').dataset.state = execution.state;
}

function addToTimeline(event) {
  const item = document.createElement('li');
  const value = event.value === undefined ? '' : JSON.stringify(event.value);
  item.innerHTML = `${escapeHtml(event.type)} <b>${escapeHtml(event.name)}</b> <span class="value">${escapeHtml(value.length > 120 ? `${value.slice(0, 117)}...` : value)}</span>`;
  $('timeline').append(item);
}

async function select(id) {
  // The stream is switched first and at once: a click on another execution while this one loads
  // must not leave two streams writing into one timeline.
  selected = id;
  stream?.close();
  $('detail').hidden = false;
  $('timeline').replaceChildren();
  say('');
  const own = (stream = new EventSource(`/executions/${id}/stream`));
  own.onmessage = (message) => {
    if (own !== stream) return own.close();
    addToTimeline(JSON.parse(message.data));
    refreshState().catch((error) => say(error.message));
    schedulePicture();
    loadExecutions().catch(() => undefined);
  };
  loadExecutions().catch(() => undefined);
  // Just started on NATS, it exists once a worker took it: the stream's first event brings it anyway.
  await refreshState().catch(() => undefined);
  await refreshPicture().catch(() => undefined);
}

$('start-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const body = parseJsonField($('input').value, 'the input');
    const { executionId } = await api('POST', `/workflows/${encodeURIComponent($('workflow').value)}/run?mode=async`, body);
    await select(executionId);
  } catch (error) {
    say(error.message);
  }
});

$('resume').addEventListener('click', async () => {
  try {
    const body = parseJsonField($('resume-value').value, 'the resume value');
    say('');
    await api('POST', `/executions/${selected}/resume`, body);
  } catch (error) {
    say(error.message);
  }
});

$('cancel').addEventListener('click', async () => {
  try {
    say('');
    await api('POST', `/executions/${selected}/cancel`);
  } catch (error) {
    say(error.message);
  }
});

loadWorkflows().catch((error) => say(error.message));
loadExecutions().catch((error) => say(error.message));
setInterval(() => loadExecutions().catch(() => undefined), 3000);
