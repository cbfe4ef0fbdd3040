import { z } from '../model/zod';
import { refOfBody, type ActivityContent } from './activity';
import { fitBody } from './fit';
import { codeOfStatus, CrmWriteError, jsonOf, retryAfterMs, send, type CrmActivityWriter, type CrmTarget, type Fetcher } from './writer';

/**
 * Dynamics 365 / Dataverse: each touch is a phone call activity regarding the account, through the
 * org's Web API with the CSM's own browser session (its cookies; no token of ours), as Level Up for
 * Dynamics does from the page.
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/overview
 *
 * The phone call is left open. Microsoft's table reference gives `statecode` IsValidForCreate =
 * False, and completed phone calls are read-only: completing it would take a second request, and
 * every later edit of the touch three (reopen, update, complete again). `actualend` and
 * `scheduledend` carry the touch's time, which places it on the account's timeline.
 * https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/phonecall
 */
export const DYNAMICS_API_PATH = '/api/data/v9.2';

/** `description` of a phone call holds 2,000 characters unless the org raised it (the table reference's MaxLength). */
export const PHONECALL_DESCRIPTION_MAX = 2_000;

const HEADERS = {
  Accept: 'application/json',
  'OData-MaxVersion': '4.0',
  'OData-Version': '4.0',
} as const;

/** Dataverse's error body. */
const ErrorBody = z.looseObject({ error: z.looseObject({ code: z._default(z.string(), ''), message: z._default(z.string(), '') }) });
const Created = z.looseObject({ activityid: z.string() });
const Activities = z.looseObject({
    value: z.array(
      z.looseObject({
          activityid: z.string(),
          subject: z._default(z.nullable(z.string()), null),
          description: z._default(z.nullable(z.string()), null),
          createdon: z.string(),
          '_createdby_value@OData.Community.Display.V1.FormattedValue': z._default(z.nullable(z.string()), null),
        }),
    ),
  });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id as OData may carry it unquoted: a GUID, nothing else (lower case, as Dataverse writes them). */
function guid(id: string): string {
  if (!GUID.test(id)) throw new CrmWriteError('crm-rejected', `not a Dataverse id: ${id.slice(0, 40)}`);
  return id.toLowerCase();
}

/** An instant as an OData DateTimeOffset literal (whole seconds, UTC). */
function odataDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function instantOf(value: string): string {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
}

function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

/** What a refused request means for the CSM. */
async function failure(response: Response, host: string): Promise<CrmWriteError> {
  // `redirect: 'manual'`: a signed-out browser is sent to Microsoft's sign-in page; a browser hides
  // where (an opaque redirect), node's fetch shows the 3xx.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return new CrmWriteError('crm-session', `signed out of ${host}: it answered with the Microsoft sign-in page`);
  }
  const parsed = ErrorBody.safeParse(await jsonOf(response));
  const error = parsed.success ? parsed.data.error : null;
  const wait = retryAfterMs(response);
  if (response.status === 401) {
    // No valid session cookie went with the request: signed out, or the session expired.
    return new CrmWriteError('crm-session', `signed out of ${host}${error?.message ? `: ${error.message}` : ` (HTTP 401)`}`.slice(0, 500));
  }
  const detail = error ? `${error.code}: ${error.message}`.slice(0, 500) : `HTTP ${response.status}`;
  // 403: a missing privilege (0x80040220 and kin) — the CSM's security role, not something a retry fixes.
  // 429: the service protection limits (0x80072321/22/26), with the wait in Retry-After.
  return new CrmWriteError(codeOfStatus(response.status), detail, wait);
}

/** The id at the end of `OData-EntityId: https://org/api/data/v9.2/phonecalls(<guid>)`. */
function idOfEntityUrl(url: string | null): string | null {
  const id = url ? /\(([0-9a-fA-F-]{36})\)\s*$/.exec(url)?.[1] : undefined;
  return id && GUID.test(id) ? id.toLowerCase() : null;
}

export function dynamicsWriter(fetcher: Fetcher): CrmActivityWriter {
  async function call(target: CrmTarget, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const { body, headers } = options;
    const response = await send(fetcher, `https://${target.apiHost}${DYNAMICS_API_PATH}${path}`, {
      method,
      headers: { ...HEADERS, ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The session is the org's cookie: sent with the request, never read by the extension.
      credentials: 'include',
      redirect: 'manual',
    });
    if (!response.ok) throw await failure(response, target.apiHost);
    return response;
  }
  const fields = (content: ActivityContent) => ({
    subject: content.subject,
    description: fitBody(content.body, PHONECALL_DESCRIPTION_MAX),
    actualend: content.occurredAt,
    scheduledend: content.occurredAt,
    // Outgoing: the CSM reached out (Dataverse's default, said so that a form default elsewhere does not flip it).
    directioncode: true,
  });
  const query = async (target: CrmTarget, path: string, headers?: Record<string, string>) => {
    const parsed = Activities.safeParse(await jsonOf(await call(target, 'GET', path, { headers })));
    if (!parsed.success) throw new CrmWriteError('crm-server', 'an answer that is not a list of activities');
    return parsed.data.value;
  };

  return {
    async create(target, content) {
      const response = await call(target, 'POST', `/phonecalls?$select=activityid`, {
        body: { ...fields(content), 'regardingobjectid_account_phonecall@odata.bind': `/accounts(${guid(target.recordId)})` },
        headers: { Prefer: 'return=representation' },
      });
      // 201 with the record when the representation is returned; 204 with its address otherwise.
      const created = Created.safeParse(await jsonOf(response));
      const id = created.success && GUID.test(created.data.activityid) ? created.data.activityid.toLowerCase() : idOfEntityUrl(response.headers.get('OData-EntityId'));
      if (!id) throw new CrmWriteError('crm-server', 'the created phone call’s id was missing from the answer');
      return id;
    },
    async update(target, activityId, content) {
      // `If-Match: *`: a phone call deleted in the CRM is a 404, not recreated by an upsert.
      await call(target, 'PATCH', `/phonecalls(${guid(activityId)})`, { body: fields(content), headers: { 'If-Match': '*' } });
    },
    async findByRef(target, ref, since) {
      // `description` is matched here rather than with contains(): the reference's brackets are
      // wildcards in Dataverse's LIKE, and the account's recent calls are few.
      const from = odataDateTime(new Date(Date.parse(since) - 5 * 60_000).toISOString());
      const rows = await query(
        target,
        `/phonecalls?${queryString({
          $select: 'activityid,description,createdon',
          $filter: `_regardingobjectid_value eq ${guid(target.recordId)} and createdon ge ${from}`,
          $orderby: 'createdon desc',
          $top: '200',
        })}`,
      );
      const found = rows.find((r) => r.description?.includes(ref));
      return found ? found.activityid.toLowerCase() : null;
    },
    async recent(target, limit) {
      // Every kind of activity regarding the account (calls, emails, tasks, appointments), with the creator's name as Dataverse formats it.
      const rows = await query(
        target,
        `/activitypointers?${queryString({
          $select: 'activityid,subject,description,createdon,activitytypecode,_createdby_value',
          $filter: `_regardingobjectid_value eq ${guid(target.recordId)}`,
          $orderby: 'createdon desc',
          $top: String(Math.max(1, Math.min(100, Math.floor(limit)))),
        })}`,
        { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' },
      );
      return rows.map((r) => ({
        id: r.activityid.toLowerCase(),
        subject: (r.subject ?? '').slice(0, 1_000),
        body: (r.description ?? '').slice(0, 10_000),
        at: instantOf(r.createdon),
        by: (r['_createdby_value@OData.Community.Display.V1.FormattedValue'] ?? '').slice(0, 200),
        ref: refOfBody(r.description ?? ''),
      }));
    },
  };
}
