import { z } from '../model/zod';
import type { InteractionType } from '../model/interaction';
import { refOfBody, type ActivityContent } from './activity';
import { codeOfStatus, CrmWriteError, jsonOf, retryAfterMs, send, type CrmActivityWriter, type CrmTarget, type Fetcher } from './writer';

/**
 * Salesforce: each touch is a completed Task on the account, through the REST API of the org's
 * My Domain (`*.my.salesforce.com`, not the Lightning host, whose redirect would drop the
 * Authorization header) with the CSM's own session, as Salesforce Inspector does.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/dome_sobject_create.htm
 */
export const SALESFORCE_API_VERSION = 'v62.0';

/** The CSM's session for an org's API host (its `sid` cookie), or null when signed out. */
export type SalesforceSession = (apiHost: string) => Promise<string | null>;

/** The API host of a Salesforce page's host: Lightning's `.lightning.force.com` → `.my.salesforce.com` (Classic is already there). */
export function salesforceApiHost(pageHost: string): string | null {
  const host = pageHost.toLowerCase();
  if (host.endsWith('.my.salesforce.com')) return host;
  if (host.endsWith('.lightning.force.com')) return `${host.slice(0, -'.lightning.force.com'.length)}.my.salesforce.com`;
  return null;
}

const TASK_TYPE: Record<InteractionType, string> = { call: 'Call', meeting: 'Meeting', onsite: 'Meeting', qbr: 'Meeting', email: 'Email', note: 'Other' };

/** Salesforce's error body: a list of `{ message, errorCode }`. */
const ErrorBody = z.array(z.looseObject({ message: z._default(z.string(), ''), errorCode: z._default(z.string(), '') }));
const Created = z.looseObject({ id: z.string().check(z.minLength(1)) });
const QueryResult = z.looseObject({
  records: z.array(
    z.looseObject({
        Id: z.string(),
        Subject: z._default(z.nullable(z.string()), null),
        Description: z._default(z.nullable(z.string()), null),
        CreatedDate: z.string(),
        CreatedBy: z._default(z.nullable(z.looseObject({ Name: z._default(z.nullable(z.string()), null) })), null),
      }),
  ),
});

/** What a refused request means for the CSM, from Salesforce's documented error codes. */
async function failure(response: Response): Promise<CrmWriteError> {
  const parsed = ErrorBody.safeParse(await jsonOf(response));
  const first = parsed.success ? parsed.data[0] : undefined;
  const detail = first ? `${first.errorCode}: ${first.message}`.slice(0, 500) : `HTTP ${response.status}`;
  const wait = retryAfterMs(response);
  switch (first?.errorCode) {
    case 'INVALID_SESSION_ID':
      // API Access Control (or "API client whitelisting") refuses browser sessions with this text.
      return new CrmWriteError(/not valid for use with the REST API/i.test(first.message) ? 'crm-api-blocked' : 'crm-session', detail);
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
    case 'OAUTH_APP_BLOCKED':
      return new CrmWriteError('crm-api-blocked', detail);
    case 'REQUEST_LIMIT_EXCEEDED':
      return new CrmWriteError('crm-rate-limit', detail, wait);
    case 'ENTITY_IS_DELETED':
    case 'NOT_FOUND':
      return new CrmWriteError('crm-gone', detail);
    case 'SERVER_UNAVAILABLE':
    case 'UNKNOWN_EXCEPTION':
      return new CrmWriteError('crm-server', detail, wait);
  }
  return new CrmWriteError(codeOfStatus(response.status), detail, wait);
}

/** A Salesforce id as SOQL may quote it: 15 or 18 letters and digits, nothing else. */
function soqlId(id: string): string {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) throw new CrmWriteError('crm-rejected', `not a Salesforce id: ${id.slice(0, 40)}`);
  return id;
}

/** Salesforce's `2026-12-04T10:00:00.000+0000` as an ISO instant (the offset without its colon is not standard JavaScript). */
function instantOf(value: string): string {
  const at = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
}

/** An instant as a SOQL dateTime literal (no quotes, whole seconds). */
function soqlDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function salesforceWriter(fetcher: Fetcher, session: SalesforceSession): CrmActivityWriter {
  async function call(target: CrmTarget, method: string, path: string, body?: unknown): Promise<Response> {
    const sid = await session(target.apiHost);
    if (!sid) throw new CrmWriteError('crm-session', `no Salesforce session for ${target.apiHost}`);
    const response = await send(fetcher, `https://${target.apiHost}/services/data/${SALESFORCE_API_VERSION}${path}`, {
      method,
      headers: { Authorization: `Bearer ${sid}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      redirect: 'error',
    });
    if (!response.ok) throw await failure(response);
    return response;
  }
  const fields = (content: ActivityContent) => ({ Subject: content.subject, Description: content.body, ActivityDate: content.day, Status: 'Completed', Type: TASK_TYPE[content.type] });
  const query = async (target: CrmTarget, soql: string) => {
    const parsed = QueryResult.safeParse(await jsonOf(await call(target, 'GET', `/query/?q=${encodeURIComponent(soql)}`)));
    if (!parsed.success) throw new CrmWriteError('crm-server', 'an answer that is not a query result');
    return parsed.data.records;
  };

  return {
    async create(target, content) {
      const response = await call(target, 'POST', '/sobjects/Task/', { ...fields(content), WhatId: soqlId(target.recordId), TaskSubtype: content.type === 'call' ? 'Call' : 'Task' });
      const created = Created.safeParse(await jsonOf(response));
      if (!created.success) throw new CrmWriteError('crm-server', 'the created Task’s id was missing from the answer');
      return created.data.id;
    },
    async update(target, activityId, content) {
      // TaskSubtype and WhatId are set at creation; the rest follows the touch.
      await call(target, 'PATCH', `/sobjects/Task/${soqlId(activityId)}`, fields(content));
    },
    async findByRef(target, ref, since) {
      // Description is a long text area, which SOQL cannot filter on: the account's recent Tasks are read and matched here.
      const from = soqlDateTime(new Date(Date.parse(since) - 5 * 60_000).toISOString());
      const records = await query(target, `SELECT Id, Description, CreatedDate FROM Task WHERE WhatId = '${soqlId(target.recordId)}' AND CreatedDate >= ${from} ORDER BY CreatedDate DESC LIMIT 200`);
      return records.find((r) => r.Description?.includes(ref))?.Id ?? null;
    },
    async recent(target, limit) {
      const records = await query(target, `SELECT Id, Subject, Description, CreatedDate, CreatedBy.Name FROM Task WHERE WhatId = '${soqlId(target.recordId)}' ORDER BY CreatedDate DESC LIMIT ${Math.max(1, Math.min(100, Math.floor(limit)))}`);
      return records.map((r) => ({
        id: r.Id,
        subject: (r.Subject ?? '').slice(0, 1_000),
        body: (r.Description ?? '').slice(0, 10_000),
        at: instantOf(r.CreatedDate),
        by: (r.CreatedBy?.Name ?? '').slice(0, 200),
        ref: refOfBody(r.Description ?? ''),
      }));
    },
  };
}
