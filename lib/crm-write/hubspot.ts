import { z } from '../model/zod';
import { refOfBody, type ActivityContent } from './activity';
import { fitBody } from './fit';
import { codeOfStatus, CrmWriteError, jsonOf, retryAfterMs, send, type CrmActivityWriter, type CrmTarget, type Fetcher } from './writer';

/**
 * HubSpot: each touch is a note associated with the company, through the CRM API v3 with the
 * CSM's private-app token (HubSpot's own app endpoints take the browser session only through an
 * undocumented CSRF handshake). https://developers.hubspot.com/docs/api-reference/crm-notes-v3/guide
 */

/** The private-app token, or null when none is saved. */
export type HubspotToken = () => Promise<string | null>;

/** `hs_note_body` holds 65,536 characters (the notes guide). */
export const NOTE_BODY_MAX = 65_536;
/** Note → company, HubSpot-defined. */
const NOTE_TO_COMPANY = 190;
/** HubSpot's burst limit is counted over a rolling ten seconds; its 429 rarely says how long to wait. */
const RATE_WINDOW_MS = 10_000;
const PROPERTIES = ['hs_note_body', 'hs_timestamp', 'hs_createdate', 'hubspot_owner_id'];

/** HubSpot's error body (every field optional, as its error-handling guide asks parsers to treat them). */
const ErrorBody = z.looseObject({ message: z._default(z.string(), ''), category: z._default(z.string(), '') });
const Note = z.looseObject({
    id: z.string().check(z.minLength(1)),
    properties: z._default(z.looseObject({
        hs_note_body: z._default(z.nullable(z.string()), null),
        hs_createdate: z._default(z.nullable(z.string()), null),
      }), { hs_note_body: null, hs_createdate: null }),
    createdAt: z.optional(z.string()),
  });
const SearchResult = z.looseObject({ results: z.array(Note) });

/** What a refused request means for the CSM, from HubSpot's error categories. */
async function failure(response: Response): Promise<CrmWriteError> {
  const parsed = ErrorBody.safeParse(await jsonOf(response));
  const error = parsed.success ? parsed.data : null;
  const detail = error && (error.category || error.message) ? `${error.category}: ${error.message}`.slice(0, 500) : `HTTP ${response.status}`;
  const category = error?.category ?? '';
  // The token is HubSpot's only credential here: refused (401) or lacking a scope (403), the CSM
  // must paste another one; a retry will not help.
  if (response.status === 401 || category === 'INVALID_AUTHENTICATION' || category === 'MISSING_SCOPES') return new CrmWriteError('crm-token', detail);
  if (response.status === 429 || category === 'RATE_LIMITS') return new CrmWriteError('crm-rate-limit', detail, retryAfterMs(response) ?? RATE_WINDOW_MS);
  if (category === 'OBJECT_NOT_FOUND') return new CrmWriteError('crm-gone', detail);
  return new CrmWriteError(codeOfStatus(response.status), detail, retryAfterMs(response));
}

/** A HubSpot object id: digits only (it goes into a path and a search filter). */
function objectId(id: string): string {
  if (!/^\d{1,30}$/.test(id)) throw new CrmWriteError('crm-rejected', `not a HubSpot id: ${id.slice(0, 40)}`);
  return id;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlOfText = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/**
 * The note's body: the subject in bold, a blank line, the body. Notes are rich text (HTML); the
 * text is escaped, so the reference at its end (no `&`, `<` or `>` in it) stays as written.
 */
export function noteHtml(content: Pick<ActivityContent, 'subject' | 'body'>): string {
  const head = `<strong>${htmlOfText(content.subject)}</strong><br><br>`;
  return head + htmlOfText(fitBody(content.body, NOTE_BODY_MAX - head.length, (body) => htmlOfText(body).length));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A note's HTML as plain text: line breaks and block ends become new lines, tags go, entities are decoded. */
export function textOfNoteHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|blockquote|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10)) ?? whole;
      return ENTITIES[lower] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function instantOf(value: string | null | undefined): string {
  const at = value ? new Date(/^\d+$/.test(value) ? Number(value) : value) : new Date(Number.NaN);
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
}

export function hubspotWriter(fetcher: Fetcher, token: HubspotToken): CrmActivityWriter {
  async function call(target: CrmTarget, method: string, path: string, body: unknown): Promise<Response> {
    const bearer = await token();
    if (!bearer) throw new CrmWriteError('crm-token', 'no token');
    const response = await send(fetcher, `https://${target.apiHost}${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      // The token is the credential: no cookies of the CSM's HubSpot session go along.
      credentials: 'omit',
      redirect: 'error',
    });
    if (!response.ok) throw await failure(response);
    return response;
  }
  const properties = (content: ActivityContent) => ({ hs_timestamp: content.occurredAt, hs_note_body: noteHtml(content) });
  const search = async (target: CrmTarget, filters: { propertyName: string; operator: string; value: string }[], limit: number) => {
    const response = await call(target, 'POST', '/crm/v3/objects/notes/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.company', operator: 'EQ', value: objectId(target.recordId) }, ...filters] }],
      sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }],
      properties: PROPERTIES,
      limit,
    });
    const parsed = SearchResult.safeParse(await jsonOf(response));
    if (!parsed.success) throw new CrmWriteError('crm-server', 'an answer that is not a search result');
    return parsed.data.results;
  };

  return {
    async create(target, content) {
      const response = await call(target, 'POST', '/crm/v3/objects/notes', {
        properties: properties(content),
        associations: [{ to: { id: objectId(target.recordId) }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_COMPANY }] }],
      });
      const created = Note.safeParse(await jsonOf(response));
      if (!created.success) throw new CrmWriteError('crm-server', 'the created note’s id was missing from the answer');
      return created.data.id;
    },
    async update(target, activityId, content) {
      // The association to the company is made at creation and stays.
      await call(target, 'PATCH', `/crm/v3/objects/notes/${objectId(activityId)}`, { properties: properties(content) });
    },
    async findByRef(target, ref, since) {
      // The body is rich text, which search filters cannot match on: the company's recent notes are read and matched here.
      const from = String(Date.parse(since) - 5 * 60_000);
      const notes = await search(target, [{ propertyName: 'hs_createdate', operator: 'GTE', value: from }], 200);
      return notes.find((n) => n.properties.hs_note_body?.includes(ref))?.id ?? null;
    },
    async recent(target, limit) {
      const notes = await search(target, [], Math.max(1, Math.min(100, Math.floor(limit))));
      return notes.map((n) => {
        const text = textOfNoteHtml(n.properties.hs_note_body ?? '');
        // A note has no subject: its first line stands for one (the touches written from here put theirs there).
        const cut = text.indexOf('\n');
        const subject = cut < 0 ? text : text.slice(0, cut);
        const body = cut < 0 ? '' : text.slice(cut + 1).trim();
        return {
          id: n.id,
          subject: subject.slice(0, 1_000),
          body: body.slice(0, 10_000),
          at: instantOf(n.properties.hs_createdate ?? n.createdAt),
          // hubspot_owner_id is all a note says of its author; naming the owner would need the owners
          // API and another scope on the token, so the author is left unnamed.
          by: '',
          ref: refOfBody(n.properties.hs_note_body ?? ''),
        };
      });
    },
  };
}
