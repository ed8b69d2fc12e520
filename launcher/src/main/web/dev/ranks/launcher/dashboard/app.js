// The dashboard's page: polls the JSON API under /api/ and draws it. No build step, no libraries.
'use strict';

const POLL_MS = 1500;
const tokenBox = document.getElementById('token');
tokenBox.value = sessionStorage.getItem('ranks-token') || '';
tokenBox.addEventListener('change', () => sessionStorage.setItem('ranks-token', tokenBox.value));

let deadQueue = null;

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function cell(row, text, cls) {
  row.appendChild(el('td', text, cls));
}

async function get(path) {
  const response = await fetch(path, { headers: headers() });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// Actions send JSON, which a form on another site cannot, and the token when one is typed in.
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: Object.assign({ 'Content-Type': 'application/json' }, headers()),
    body: JSON.stringify(body || {})
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function headers() {
  return tokenBox.value ? { 'X-Ranks-Token': tokenBox.value } : {};
}

function say(text, error) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = error ? 'error' : '';
}

function fill(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren(...rows);
}

function seconds(ms) {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? ms.toFixed(1) + ' ms' : (ms / 1000).toFixed(2) + ' s';
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

function drawQueues(data) {
  document.getElementById('broker').textContent = data.broker;
  fill('queues', data.queues.map(q => {
    const row = el('tr');
    row.dataset.queue = q.name;
    cell(row, q.name);
    cell(row, q.waiting, 'num');
    cell(row, q.in_flight, 'num');
    const dead = el('td', null, 'num');
    if (q.dead > 0) {
      const link = el('a', q.dead, 'dead-link');
      link.addEventListener('click', () => openDead(q.name));
      dead.appendChild(link);
    } else {
      dead.textContent = '0';
    }
    row.appendChild(dead);
    cell(row, q.workers, 'num');
    return row;
  }));
}

function drawWorkers(data) {
  fill('workers', data.workers.map(w => {
    const row = el('tr');
    cell(row, w.id, 'id');
    cell(row, (w.queues || []).join(', '));
    cell(row, w.concurrency, 'num');
    cell(row, w.active, 'num');
    cell(row, w.succeeded, 'num');
    cell(row, w.failed, 'num');
    cell(row, w.heartbeat_age_s === undefined ? '' : w.heartbeat_age_s.toFixed(1) + ' s ago', 'num');
    cell(row, time(w.started));
    return row;
  }));
}

function drawThroughput(data) {
  const samples = data.samples.filter(s => s.seconds > 0);
  const chart = document.getElementById('chart');
  chart.replaceChildren();
  if (samples.length < 2) {
    document.getElementById('rate').textContent = 'collecting samples...';
    return;
  }
  const rates = samples.map(s => (s.succeeded + s.failed) / s.seconds);
  const waiting = samples.map(s => s.waiting);
  const top = Math.max(1, ...rates);
  const topWaiting = Math.max(1, ...waiting);
  const line = (values, max, cls) => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    path.setAttribute('points', values.map((v, i) =>
      (i * 600 / (values.length - 1)).toFixed(1) + ',' + (115 - v * 110 / max).toFixed(1)).join(' '));
    path.setAttribute('class', cls);
    chart.appendChild(path);
  };
  line(rates, top, 'done');
  line(waiting, topWaiting, 'waiting');
  const last = samples[samples.length - 1];
  document.getElementById('rate').textContent = 'now ' + rates[rates.length - 1].toFixed(1) + ' tasks/s (peak '
    + top.toFixed(1) + '); ' + last.waiting + ' waiting (peak ' + topWaiting + '), ' + last.in_flight
    + ' in flight, ' + last.dead + ' dead letters; over the last ' + Math.round((Date.parse(last.time)
    - Date.parse(samples[0].time)) / 1000) + ' s';
}

function drawTasks(data) {
  fill('tasks', data.tasks.map(t => {
    const row = el('tr');
    row.dataset.id = t.id;
    const id = el('td', null, 'id');
    const link = el('a', t.id);
    link.addEventListener('click', () => openTask(t.id));
    id.appendChild(link);
    row.appendChild(id);
    cell(row, t.task);
    cell(row, t.status, 'status ' + t.status);
    cell(row, t.queue);
    cell(row, t.args, 'args');
    cell(row, t.worker, 'id');
    cell(row, seconds(t.runtime_ms), 'num');
    cell(row, time(t.date_done));
    const waits = t.status === 'REVOKED' ? 'revoked: the worker that reaches it skips it'
      : t.eta ? 'runs at ' + time(t.eta) : '';
    const outcome = el('td', t.outcome || waits, 'outcome');
    outcome.title = t.outcome || '';
    row.appendChild(outcome);
    const actions = el('td');
    if (t.status === 'PENDING' || t.status === 'RECEIVED' || t.status === 'RETRY') {
      const revoke = el('button', 'revoke', 'revoke');
      revoke.type = 'button';
      revoke.addEventListener('click', () => act(() => post('/api/tasks/' + encodeURIComponent(t.id) + '/revoke'),
        'revoked ' + t.id));
      actions.appendChild(revoke);
    }
    row.appendChild(actions);
    return row;
  }));
}

async function openTask(id) {
  try {
    const task = await get('/api/tasks/' + encodeURIComponent(id));
    document.getElementById('detail-id').textContent = id;
    const lines = ['task:   ' + task.task, 'state:  ' + task.status, 'queue:  ' + (task.queue || ''),
      'args:   ' + JSON.stringify(task.args), 'kwargs: ' + JSON.stringify(task.kwargs)];
    if (task.eta) lines.push('eta:    ' + task.eta);
    if (task.worker) lines.push('worker: ' + task.worker + ', ran ' + seconds(task.runtime_ms));
    if (task.status === 'SUCCESS') lines.push('', 'result:', JSON.stringify(task.result, null, 2));
    else if (task.error) lines.push('', task.error);
    document.getElementById('detail-body').textContent = lines.join('\n');
    document.getElementById('detail').hidden = false;
  } catch (e) {
    say(e.message, true);
  }
}

async function openDead(queue) {
  deadQueue = queue;
  try {
    const data = await get('/api/dead?queue=' + encodeURIComponent(queue));
    document.getElementById('dead-queue').textContent = queue;
    document.querySelector('#dead tbody').replaceChildren(...data.letters.map(letter => {
      const row = el('tr');
      cell(row, time(letter.time));
      cell(row, letter.id, 'id');
      cell(row, letter.task);
      cell(row, letter.reason);
      cell(row, letter.worker, 'id');
      const actions = el('td');
      const requeue = el('button', 'requeue', 'requeue');
      requeue.addEventListener('click', () => act(() => post('/api/dead/requeue', { queue, letter: letter.letter }),
        'requeued a dead letter of ' + queue));
      const remove = el('button', 'delete', 'delete');
      remove.addEventListener('click', () => confirm('Delete this dead letter for good?')
        && act(() => post('/api/dead/delete', { queue, letter: letter.letter }), 'deleted a dead letter of ' + queue));
      actions.append(requeue, ' ', remove);
      row.appendChild(actions);
      return row;
    }));
    document.getElementById('dead').hidden = false;
  } catch (e) {
    say(e.message, true);
  }
}

async function act(action, done) {
  try {
    await action();
    say(done, false);
    if (deadQueue) openDead(deadQueue);
    refresh();
  } catch (e) {
    say(e.message, true);
  }
}

document.getElementById('detail-close').addEventListener('click', () => {
  document.getElementById('detail').hidden = true;
});
document.getElementById('dead-close').addEventListener('click', () => {
  document.getElementById('dead').hidden = true;
  deadQueue = null;
});

async function refresh() {
  try {
    const [queues, workers, throughput, tasks] = await Promise.all([get('/api/queues'), get('/api/workers'),
      get('/api/throughput'), get('/api/tasks?limit=100')]);
    drawQueues(queues);
    drawWorkers(workers);
    drawThroughput(throughput);
    drawTasks(tasks);
    say('updated ' + new Date().toLocaleTimeString(), false);
  } catch (e) {
    say('cannot read the broker: ' + e.message, true);
  }
}

refresh();
setInterval(refresh, POLL_MS);
