import { z } from './zod';

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with its offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A range of whole days, both ends included. */
export const DateRange = z.object({ from: IsoDate, to: IsoDate });
export type DateRange = z.infer<typeof DateRange>;
