/**
 * A local Salesforce REST API: the documented subset the write-back uses (create, update and SOQL
 * query of Task, with Salesforce's error bodies), on a loopback port. Tests and the benchmark reach
 * it under the org's real host name by request routing (`routedFetch` in routed-fetch.mjs, Playwright's routes in
 * the browser). https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/
 */
import { createServer } from 'node:http';

export const API_PREFIX = '/services/data/v62.0';
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TASK_FIELDS = new Set(['Subject', 'Description', 'ActivityDate', 'Status', 'Type', 'TaskSubtype', 'WhatId', 'Priority', 'OwnerId', 'WhoId']);
const NOT_UPDATEABLE = new Set(['TaskSubtype']);

const errorBody = (errorCode, message, fields) => JSON.stringify([{ message, errorCode, ...(fields ? { fields } : {}) }]);

/**
 * Starts the server. `sessions`: the session ids (`sid` cookie values) it accepts. Failure modes,
 * each for the next `count` requests: `unavailable` (503 SERVER_UNAVAILABLE), `limit` (403
 * REQUEST_LIMIT_EXCEEDED), `session` (401 INVALID_SESSION_ID), `blocked` (API Access Control
 * refusing browser sessions), `drop` (the request is carried out, then the connection is cut
 * before the answer: a lost answer), `down` (the connection is cut at once: unreachable).
 */
export async function startSalesforceApi({ sessions = ['00Dxx0000001gEH!session'], user = { id: '005xx000001Sv6AAAS', name: 'Casey CSM' } } = {}) {
  const tasks = new Map();
  const requests = [];
  const failures = [];
  const valid = new Set(sessions);
  let seq = 0;
  const newId = () => {
    seq++;
    let id = '00T';
    for (let n = seq, i = 0; i < 12; i++, n = Math.floor(n / 62)) id += ID_CHARS[n % 62];
    return `${id}AAA`;
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      requests.push({ method: req.method, path: url.pathname, query: url.searchParams.get('q'), host: req.headers['x-forwarded-host'] ?? req.headers.host, body });
      const failure = failures[0];
      if (failure) {
        failure.count--;
        if (failure.count <= 0) failures.shift();
      }
      const send = (status, text) => {
        if (failure?.kind === 'drop') return req.socket.destroy();
        res.writeHead(status, text ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}).end(text ?? '');
      };
      if (failure?.kind === 'down') return req.socket.destroy();
      if (failure?.kind === 'unavailable') return res.writeHead(503, { 'Content-Type': 'application/json' }).end(errorBody('SERVER_UNAVAILABLE', 'Server temporarily unavailable.'));
      if (failure?.kind === 'limit') return res.writeHead(403, { 'Content-Type': 'application/json' }).end(errorBody('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (failure?.kind === 'blocked') return res.writeHead(401, { 'Content-Type': 'application/json' }).end(errorBody('INVALID_SESSION_ID', 'This session is not valid for use with the REST API'));
      if (failure?.kind === 'session' || !auth || !valid.has(auth)) return res.writeHead(401, { 'Content-Type': 'application/json' }).end(errorBody('INVALID_SESSION_ID', 'Session expired or invalid'));
      if (!url.pathname.startsWith(API_PREFIX)) return res.writeHead(404, { 'Content-Type': 'application/json' }).end(errorBody('NOT_FOUND', 'The requested resource does not exist'));
      const path = url.pathname.slice(API_PREFIX.length);
      try {
        if (req.method === 'POST' && /^\/sobjects\/Task\/?$/.test(path)) return send(...createTask(JSON.parse(body)));
        const one = /^\/sobjects\/Task\/([A-Za-z0-9]{15,18})$/.exec(path);
        if (req.method === 'PATCH' && one) return send(...updateTask(one[1], JSON.parse(body)));
        if (req.method === 'GET' && /^\/query\/?$/.test(path)) return send(...query(url.searchParams.get('q') ?? ''));
        return send(404, errorBody('NOT_FOUND', 'The requested resource does not exist'));
      } catch (error) {
        return send(400, errorBody('JSON_PARSER_ERROR', String(error instanceof Error ? error.message : error)));
      }
    });
  });

  function checkFields(fields, creating) {
    for (const name of Object.keys(fields)) {
      if (!TASK_FIELDS.has(name)) return [400, errorBody('INVALID_FIELD', `No such column '${name}' on sobject of type Task`)];
      if (!creating && NOT_UPDATEABLE.has(name)) return [400, errorBody('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${name}.`, [name])];
    }
    if (fields.Subject !== undefined && String(fields.Subject).length > 255) return [400, errorBody('STRING_TOO_LONG', 'Subject: data value too large', ['Subject'])];
    if (fields.Description !== undefined && String(fields.Description).length > 32000) return [400, errorBody('STRING_TOO_LONG', 'Comments: data value too large', ['Description'])];
    if (fields.ActivityDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.ActivityDate))) return [400, errorBody('JSON_PARSER_ERROR', `Cannot deserialize instance of date from VALUE_STRING value ${fields.ActivityDate}`)];
    return null;
  }

  function createTask(fields) {
    const refused = checkFields(fields, true);
    if (refused) return refused;
    if (!/^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(String(fields.WhatId ?? ''))) return [400, errorBody('FIELD_INTEGRITY_EXCEPTION', 'Related To ID: id value of incorrect type', ['WhatId'])];
    const id = newId();
    tasks.set(id, { Id: id, ...fields, CreatedDate: new Date().toISOString().replace('Z', '+0000'), CreatedById: user.id, CreatedBy: { Name: user.name } });
    return [201, JSON.stringify({ id, success: true, errors: [] })];
  }

  function updateTask(id, fields) {
    const task = [...tasks.values()].find((t) => t.Id === id || t.Id.slice(0, 15) === id.slice(0, 15));
    if (!task) return [404, errorBody('NOT_FOUND', 'Provided external ID field does not exist or is not accessible: ' + id)];
    const refused = checkFields(fields, false);
    if (refused) return refused;
    Object.assign(task, fields);
    return [204, null];
  }

  /** `SELECT f, … FROM Task WHERE WhatId = '…' [AND CreatedDate >= dateTime] [ORDER BY CreatedDate DESC] [LIMIT n]`. */
  function query(soql) {
    const m = /^SELECT\s+(.+?)\s+FROM\s+Task\s+WHERE\s+WhatId\s*=\s*'([A-Za-z0-9]{15,18})'(?:\s+AND\s+CreatedDate\s*>=\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z))?(?:\s+ORDER\s+BY\s+CreatedDate\s+DESC)?(?:\s+LIMIT\s+(\d+))?$/i.exec(soql.trim());
    if (!m) return [400, errorBody('MALFORMED_QUERY', `unexpected token in: ${soql.slice(0, 100)}`)];
    const [, list, whatId, since, limit] = m;
    const fields = list.split(',').map((f) => f.trim());
    const created = (t) => Date.parse(t.CreatedDate.replace(/\+0000$/, 'Z'));
    const rows = [...tasks.values()]
      .filter((t) => t.WhatId === whatId && (!since || created(t) >= Date.parse(since)))
      .sort((a, b) => created(b) - created(a))
      .slice(0, limit ? Number(limit) : 2000)
      .map((t) => {
        const row = { attributes: { type: 'Task', url: `${API_PREFIX}/sobjects/Task/${t.Id}` } };
        for (const f of fields) {
          if (f === 'CreatedBy.Name') row.CreatedBy = { attributes: { type: 'User' }, Name: t.CreatedBy.Name };
          else row[f] = t[f] ?? null;
        }
        return row;
      });
    return [200, JSON.stringify({ totalSize: rows.length, done: true, records: rows })];
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    tasks,
    requests,
    /** The next `count` requests fail as `kind` says (see above). */
    fail(kind, count = 1) {
      failures.push({ kind, count });
    },
    /** Failures still pending are dropped: the server answers normally again. */
    recover() {
      failures.length = 0;
    },
    /** A Task someone else wrote on the account (the team's touches). */
    addTeamTask({ whatId, subject, description, by, createdAt }) {
      const id = newId();
      tasks.set(id, { Id: id, WhatId: whatId, Subject: subject, Description: description, Status: 'Completed', CreatedDate: (createdAt ?? new Date().toISOString()).replace('Z', '+0000'), CreatedById: '005xx000001Other', CreatedBy: { Name: by } });
      return id;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
