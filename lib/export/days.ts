import { localDate } from '../calendar';
import type { DateRange } from '../model/dates';

/** The CSM's calendar day of an instant (`YYYY-MM-DD`, local time zone): what a date range is compared with. */
export const localDayOf = (iso: string): string => localDate(new Date(iso));

export const inLocalRange = (iso: string, range: DateRange): boolean => {
  const day = localDayOf(iso);
  return day >= range.from && day <= range.to;
};

/** `YYYY-MM-DD HH:mm` in local time: sortable, and read as a date by spreadsheets in any locale. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
