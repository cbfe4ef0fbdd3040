/**
 * A local Dataverse Web API (v9.2): the documented subset the write-back uses (create, update and
 * query of phone calls, query of activity pointers, with Dataverse's error bodies), on a loopback
 * port. The session is the org's cookie (`CrmOwinAuth`), as a signed-in browser sends it; tests
 * reach the server under the org's host name with `routedFetch` (routed-fetch.mjs), giving it the cookie.
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/overview
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

export const API_PREFIX = '/api/data/v9.2';
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PHONECALL_FIELDS = new Set(['subject', 'description', 'actualend', 'actualstart', 'scheduledend', 'scheduledstart', 'directioncode', 'phonenumber', 'regardingobjectid_account_phonecall@odata.bind']);
const DESCRIPTION_MAX = 2000;
const FORMATTED = 'OData.Community.Display.V1.FormattedValue';

const errorBody = (code, message) => JSON.stringify({ error: { code, message } });

/**
 * Starts the server. `sessionCookie`: the `CrmOwinAuth` value it accepts. A request without the
 * cookie gets 401; one with another value (an expired session) is redirected to Microsoft's
 * sign-in page. Failure modes, each for the next `count` requests: `unavailable` (503),
 * `limit` (429 with Retry-After: 90, the service protection limit), `session` (the sign-in
 * redirect), `privilege` (403, a missing privilege), `drop` (carried out, then the connection is
 * cut before the answer), `down` (the connection is cut at once).
 */
export async function startDynamicsApi({ sessionCookie = 'session-cookie-value', user = { id: '1d0b5d5e-7c2a-4b8e-9a51-3f0c2b9e8a01', name: 'Casey CSM' } } = {}) {
  /** Activities by id: phone calls written through the API and the team's activities. */
  const activities = new Map();
  const requests = [];
  const failures = [];

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const cookie = /(?:^|;\s*)CrmOwinAuth=([^;]*)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
      requests.push({ method: req.method, path: url.pathname, search: url.search, host: req.headers['x-forwarded-host'] ?? req.headers.host, cookie, headers: req.headers, body });
      const failure = failures[0];
      if (failure) {
        failure.count--;
        if (failure.count <= 0) failures.shift();
      }
      const json = { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0' };
      const send = (status, text, headers = {}) => {
        if (failure?.kind === 'drop') return req.socket.destroy();
        res.writeHead(status, { ...(text ? json : {}), ...headers }).end(text ?? '');
      };
      if (failure?.kind === 'down') return req.socket.destroy();
      if (failure?.kind === 'unavailable') return res.writeHead(503, json).end(errorBody('0x80040216', 'The service is temporarily unavailable. Please try again later.'));
      if (failure?.kind === 'limit') {
        return res.writeHead(429, { ...json, 'Retry-After': '90' }).end(errorBody('0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'));
      }
      if (!cookie) return res.writeHead(401, { 'WWW-Authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=https://contoso.crm4.dynamics.com/' }).end();
      if (failure?.kind === 'session' || cookie !== sessionCookie) {
        return res.writeHead(302, { Location: 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000007-0000-0000-c000-000000000000&response_mode=form_post' }).end();
      }
      if (failure?.kind === 'privilege') {
        return res.writeHead(403, json).end(errorBody('0x80040220', `Principal user (Id=${user.id}, type=8, roleCount=1) is missing prvCreateActivity privilege (Id=091df793-fe5e-44d4-b4de-c9d4d4ce2e1f) on OTC=4200 for entity 'activitypointer'.`));
      }
      if (!url.pathname.startsWith(API_PREFIX)) return send(404, errorBody('0x8006088a', `Resource not found for the segment '${url.pathname}'.`));
      const path = url.pathname.slice(API_PREFIX.length);
      try {
        if (req.method === 'POST' && path === '/phonecalls') return send(...createPhoneCall(JSON.parse(body), req.headers.prefer ?? '', url.searchParams.get('$select')));
        const one = new RegExp(`^/phonecalls\\((${GUID})\\)$`).exec(path);
        if (req.method === 'PATCH' && one) return send(...updatePhoneCall(one[1], JSON.parse(body), req.headers['if-match']));
        if (req.method === 'GET' && (path === '/phonecalls' || path === '/activitypointers')) return send(...query(path.slice(1), url.searchParams, req.headers.prefer ?? ''));
        return send(404, errorBody('0x8006088a', `Resource not found for the segment '${path.slice(1)}'.`));
      } catch (error) {
        return send(400, errorBody('0x80048d19', `Error identified in Payload provided by the user for Entity :'phonecalls': ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  });

  function checkFields(fields) {
    for (const name of Object.keys(fields)) {
      if (!PHONECALL_FIELDS.has(name)) return [400, errorBody('0x80060888', `Invalid property '${name}' was found in entity 'Microsoft.Dynamics.CRM.phonecall'.`)];
    }
    if (fields.description !== undefined && String(fields.description).length > DESCRIPTION_MAX) {
      return [400, errorBody('0x80044331', `A validation error occurred. The length of the 'description' attribute of the 'phonecall' entity exceeded the maximum allowed length of '${DESCRIPTION_MAX}'.`)];
    }
    for (const name of ['actualend', 'scheduledend']) {
      if (fields[name] !== undefined && Number.isNaN(Date.parse(String(fields[name])))) return [400, errorBody('0x80048d19', `Cannot convert the literal '${fields[name]}' to the expected type 'Edm.DateTimeOffset'.`)];
    }
    return null;
  }

  const select = (record, list) => {
    const row = { '@odata.etag': `W/"${record.version}"` };
    for (const field of (list ?? 'activityid').split(',')) row[field] = record[field] ?? null;
    return row;
  };

  function createPhoneCall(fields, prefer, $select) {
    const refused = checkFields(fields);
    if (refused) return refused;
    const bind = fields['regardingobjectid_account_phonecall@odata.bind'];
    const regarding = bind === undefined ? null : new RegExp(`^/accounts\\((${GUID})\\)$`).exec(String(bind))?.[1];
    if (regarding === undefined) return [400, errorBody('0x80060891', `A URL was provided for the navigation property 'regardingobjectid_account_phonecall' that is not valid: ${bind}`)];
    const { 'regardingobjectid_account_phonecall@odata.bind': _bind, ...values } = fields;
    const id = randomUUID();
    const record = { activityid: id, activitytypecode: 'phonecall', statecode: 0, statuscode: 1, ...values, _regardingobjectid_value: regarding, createdon: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), _createdby_value: user.id, createdByName: user.name, version: 1 };
    activities.set(id, record);
    const address = `https://org.crm.dynamics.com${API_PREFIX}/phonecalls(${id})`;
    if (/return=representation/.test(prefer)) return [201, JSON.stringify({ '@odata.context': `https://org.crm.dynamics.com${API_PREFIX}/$metadata#phonecalls(${$select ?? 'activityid'})/$entity`, ...select(record, $select) }), { 'OData-EntityId': address }];
    return [204, null, { 'OData-EntityId': address }];
  }

  function updatePhoneCall(id, fields, ifMatch) {
    const record = activities.get(id);
    if (!record || record.activitytypecode !== 'phonecall') {
      // Without If-Match, PATCH is an upsert and creates the record.
      if (ifMatch !== '*') return createPhoneCall(fields, '', null);
      return [404, errorBody('0x80040217', `phonecall With Id = ${id} Does Not Exist`)];
    }
    const refused = checkFields(fields);
    if (refused) return refused;
    if (record.statecode !== 0) return [400, errorBody('0x80043f03', 'This phone call is closed and cannot be edited.')];
    const { 'regardingobjectid_account_phonecall@odata.bind': _bind, ...values } = fields;
    Object.assign(record, values, { version: record.version + 1 });
    return [204, null];
  }

  /** `$filter=_regardingobjectid_value eq <guid>[ and createdon ge <DateTimeOffset>]`, `$orderby=createdon desc`, `$top`, `$select`. */
  function query(set, params, prefer) {
    const m = new RegExp(`^_regardingobjectid_value eq (${GUID})(?: and createdon ge (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z))?$`).exec(params.get('$filter') ?? '');
    if (!m) return [400, errorBody('0x80060888', `Could not parse the filter: ${(params.get('$filter') ?? '').slice(0, 100)}`)];
    const orderby = params.get('$orderby');
    if (orderby && orderby !== 'createdon desc') return [400, errorBody('0x80060888', `Unsupported $orderby in this local server: ${orderby}`)];
    const [, regarding, since] = m;
    const fields = (params.get('$select') ?? 'activityid,subject,description,createdon').split(',');
    const annotate = prefer.includes(FORMATTED) || prefer.includes('odata.include-annotations="*"');
    const rows = [...activities.values()]
      .filter((a) => (set === 'activitypointers' || a.activitytypecode === 'phonecall') && a._regardingobjectid_value === regarding && (!since || Date.parse(a.createdon) >= Date.parse(since)))
      .sort((a, b) => Date.parse(b.createdon) - Date.parse(a.createdon))
      .slice(0, Number(params.get('$top') ?? 5000))
      .map((a) => {
        const row = select(a, fields.join(','));
        if (annotate && fields.includes('_createdby_value')) row[`_createdby_value@${FORMATTED}`] = a.createdByName;
        return row;
      });
    return [200, JSON.stringify({ '@odata.context': `https://org.crm.dynamics.com${API_PREFIX}/$metadata#${set}(${fields.join(',')})`, value: rows })];
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const phoneCalls = () => [...activities.values()].filter((a) => a.activitytypecode === 'phonecall' && a._createdby_value === user.id);
  return {
    origin,
    activities,
    phoneCalls,
    requests,
    /** The next `count` requests fail as `kind` says (see above). */
    fail(kind, count = 1) {
      failures.push({ kind, count });
    },
    /** A completed phone call someone else logged on the account (the team's touches). */
    addTeamPhoneCall({ accountId, subject, description, by, createdAt }) {
      const id = randomUUID();
      activities.set(id, { activityid: id, activitytypecode: 'phonecall', statecode: 1, statuscode: 2, subject, description, _regardingobjectid_value: accountId, createdon: (createdAt ?? new Date().toISOString()).replace(/\.\d{3}Z$/, 'Z'), _createdby_value: randomUUID(), createdByName: by, version: 1 });
      return id;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
