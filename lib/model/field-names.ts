import { z } from './zod';
import { IsoDateTime } from './dates';

/**
 * Label → API name pairs of one object in one org or portal, learned from readings that show both
 * (Salesforce Lightning's Details tab). The Related and Activity tabs show only the highlights
 * panel, whose items carry no API name: with these pairs they are keyed as the Details tab keys
 * them, so a field has one key whatever tab is open. Labels are as shown to the user (any
 * language): pairs learned from a Japanese Details tab key a Japanese highlights panel.
 */
export const FieldNames = z.object({
  /** The org or portal (lib/model/account-key.ts: orgScopeOf), e.g. `salesforce:acme`. */
  scope: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The CRM object the fields belong to; every reading today is an account. */
  object: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Label as shown → API name. */
  pairs: z.record(z.string().check(z.maxLength(200)), z.string().check(z.minLength(1), z.maxLength(200))),
  /** Labels seen on two fields in one reading: never mapped, since which field is meant cannot be told. */
  ambiguous: z.array(z.string().check(z.maxLength(200))),
  updatedAt: IsoDateTime,
});
export type FieldNames = z.infer<typeof FieldNames>;

/** Readings come from account records only. */
export const ACCOUNT_OBJECT = 'Account';
