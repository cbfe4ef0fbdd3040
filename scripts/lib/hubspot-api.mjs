/**
 * A local HubSpot CRM API (v3): the documented subset the write-back uses (create, update and
 * search of notes associated with companies, with HubSpot's error bodies), on a loopback port.
 * Tests reach it as api.hubapi.com with `routedFetch` (routed-fetch.mjs).
 * https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const NOTE_PROPERTIES = new Set(['hs_timestamp', 'hs_note_body', 'hubspot_owner_id', 'hs_attachment_ids']);
const NOTE_BODY_MAX = 65536;
/** HubSpot-defined association types from a note: to a contact, a company, a deal. */
const NOTE_ASSOCIATIONS = { 202: 'contact', 190: 'company', 214: 'deal' };

const errorBody = (category, message, extra = {}) => JSON.stringify({ status: 'error', message, correlationId: randomUUID(), category, ...extra });

/**
 * Starts the server. `tokens`: the private-app tokens it accepts. Failure modes, each for the next
 * `count` requests: `unavailable` (503), `limit` (429 RATE_LIMITS, the ten-second rolling limit,
 * without Retry-After, as HubSpot sends it), `session` (401 INVALID_AUTHENTICATION: the token
 * revoked), `scopes` (403 MISSING_SCOPES), `drop` (carried out, then the connection is cut before
 * the answer), `down` (the connection is cut at once).
 */
export async function startHubspotApi({ tokens = ['pat-na1-11111111-2222-3333-4444-555555555555'], ownerId = '51234567' } = {}) {
  /** Notes by id, each with the companies it is associated with. */
  const notes = new Map();
  const requests = [];
  const failures = [];
  const valid = new Set(tokens);
  let seq = 0;
  const newId = () => String(58_000_000_000 + ++seq);

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
      requests.push({ method: req.method, path: url.pathname, host: req.headers['x-forwarded-host'] ?? req.headers.host, token, cookie: req.headers.cookie ?? null, body });
      const failure = failures[0];
      if (failure) {
        failure.count--;
        if (failure.count <= 0) failures.shift();
      }
      const json = { 'Content-Type': 'application/json;charset=utf-8' };
      const send = (status, text) => {
        if (failure?.kind === 'drop') return req.socket.destroy();
        res.writeHead(status, text ? json : {}).end(text ?? '');
      };
      if (failure?.kind === 'down') return req.socket.destroy();
      if (failure?.kind === 'unavailable') return res.writeHead(503, json).end(errorBody('INTERNAL_ERROR', 'Service Unavailable'));
      if (failure?.kind === 'limit') {
        return res
          .writeHead(429, { ...json, 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '0' })
          .end(errorBody('RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }));
      }
      if (!token) return res.writeHead(401, json).end(errorBody('INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
      if (failure?.kind === 'session' || !valid.has(token)) return res.writeHead(401, json).end(errorBody('INVALID_AUTHENTICATION', 'The access token provided is invalid or has expired.'));
      if (failure?.kind === 'scopes') {
        return res.writeHead(403, json).end(errorBody('MISSING_SCOPES', 'This app hasn\'t been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.', { errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.contacts.write'] } }] }));
      }
      try {
        if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes') return send(...createNote(JSON.parse(body)));
        if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes/search') return send(...search(JSON.parse(body)));
        const one = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(url.pathname);
        if (req.method === 'PATCH' && one) return send(...updateNote(one[1], JSON.parse(body)));
        return send(404, '');
      } catch (error) {
        return send(400, errorBody('VALIDATION_ERROR', `Invalid input JSON on line 1: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  });

  function checkProperties(properties, creating) {
    if (typeof properties !== 'object' || properties === null) return [400, errorBody('VALIDATION_ERROR', 'Invalid input JSON: properties is required')];
    const invalid = Object.keys(properties).filter((name) => !NOTE_PROPERTIES.has(name));
    if (invalid.length > 0) {
      return [400, errorBody('VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(invalid.map((name) => ({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name })))}`)];
    }
    if (creating && !properties.hs_timestamp) return [400, errorBody('VALIDATION_ERROR', 'Property values were not valid: [{"isValid":false,"message":"hs_timestamp is required","error":"REQUIRED_FIELD","name":"hs_timestamp"}]')];
    if (properties.hs_timestamp !== undefined && Number.isNaN(Date.parse(String(properties.hs_timestamp))) && !/^\d+$/.test(String(properties.hs_timestamp))) {
      return [400, errorBody('VALIDATION_ERROR', `Property values were not valid: [{"isValid":false,"message":"${properties.hs_timestamp} was not a valid long.","error":"INVALID_LONG","name":"hs_timestamp"}]`)];
    }
    if (properties.hs_note_body !== undefined && String(properties.hs_note_body).length > NOTE_BODY_MAX) {
      return [400, errorBody('VALIDATION_ERROR', `Property values were not valid: [{"isValid":false,"message":"hs_note_body is too long","error":"INVALID_STRING","name":"hs_note_body"}]`)];
    }
    return null;
  }

  const view = (note, names) => {
    const properties = { hs_createdate: note.createdAt, hs_lastmodifieddate: note.updatedAt, hs_object_id: note.id };
    for (const name of names) properties[name] = note.properties[name] ?? null;
    return { id: note.id, properties, createdAt: note.createdAt, updatedAt: note.updatedAt, archived: false };
  };

  function createNote({ properties, associations = [] }) {
    const refused = checkProperties(properties, true);
    if (refused) return refused;
    const companies = [];
    for (const association of associations) {
      const id = String(association?.to?.id ?? '');
      const type = association?.types?.[0];
      if (!/^\d+$/.test(id) || type?.associationCategory !== 'HUBSPOT_DEFINED' || !(type?.associationTypeId in NOTE_ASSOCIATIONS)) {
        return [400, errorBody('VALIDATION_ERROR', `Invalid association: ${JSON.stringify(association).slice(0, 200)}`)];
      }
      if (NOTE_ASSOCIATIONS[type.associationTypeId] === 'company') companies.push(id);
    }
    const at = new Date().toISOString();
    const note = { id: newId(), properties: { hubspot_owner_id: ownerId, ...properties }, companies, createdAt: at, updatedAt: at, byApi: true };
    notes.set(note.id, note);
    return [201, JSON.stringify(view(note, Object.keys(note.properties)))];
  }

  function updateNote(id, { properties }) {
    const note = notes.get(id);
    if (!note) return [404, errorBody('OBJECT_NOT_FOUND', `resource not found`)];
    const refused = checkProperties(properties, false);
    if (refused) return refused;
    Object.assign(note.properties, properties);
    note.updatedAt = new Date().toISOString();
    return [200, JSON.stringify(view(note, Object.keys(note.properties)))];
  }

  /** One filter group: `associations.company` EQ id, optionally `hs_createdate` GTE ms; sorted by `hs_createdate` DESCENDING; limit ≤ 200. */
  function search({ filterGroups = [], sorts = [], properties = [], limit = 10 }) {
    if (limit > 200) return [400, errorBody('VALIDATION_ERROR', 'limit must be at most 200')];
    if (filterGroups.length !== 1) return [400, errorBody('VALIDATION_ERROR', 'this local server takes exactly one filter group')];
    let company = null;
    let since = null;
    for (const f of filterGroups[0].filters ?? []) {
      if (f.propertyName === 'associations.company' && f.operator === 'EQ') company = String(f.value);
      else if (f.propertyName === 'hs_createdate' && f.operator === 'GTE') since = /^\d+$/.test(String(f.value)) ? Number(f.value) : Date.parse(String(f.value));
      else return [400, errorBody('VALIDATION_ERROR', `unsupported filter in this local server: ${JSON.stringify(f)}`)];
    }
    const sort = sorts[0];
    if (sort && !(sort.propertyName === 'hs_createdate' && sort.direction === 'DESCENDING')) return [400, errorBody('VALIDATION_ERROR', `unsupported sort in this local server: ${JSON.stringify(sort)}`)];
    const rows = [...notes.values()]
      .filter((n) => (company === null || n.companies.includes(company)) && (since === null || Date.parse(n.createdAt) >= since))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    return [200, JSON.stringify({ total: rows.length, results: rows.slice(0, limit).map((n) => view(n, properties)) })];
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    notes,
    /** The notes written through the API (the CSM's). */
    apiNotes: () => [...notes.values()].filter((n) => n.byApi),
    requests,
    /** The next `count` requests fail as `kind` says (see above). */
    fail(kind, count = 1) {
      failures.push({ kind, count });
    },
    /** A note someone else wrote on the company in HubSpot (its body is HTML, as HubSpot's editor stores it). */
    addTeamNote({ companyId, body, ownerId: by = '70000001', createdAt }) {
      const at = createdAt ?? new Date().toISOString();
      const note = { id: newId(), properties: { hs_note_body: body, hs_timestamp: at, hubspot_owner_id: by }, companies: [companyId], createdAt: at, updatedAt: at, byApi: false };
      notes.set(note.id, note);
      return note.id;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
