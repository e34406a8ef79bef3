// Civil dates ('YYYY-MM-DD') in the calendar pages. dayjs values exist only inside the pickers;
// what the page keeps and sends is always the plain date text.
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const toDayjs = (date: string): Dayjs => dayjs(date); // a date-only text parses as local midnight
export const toCivil = (d: Dayjs): string => d.format(DATE_FORMAT);

/** 0 = Sunday … 6 = Saturday */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const weekdayOf = (date: string): Weekday => toDayjs(date).day() as Weekday;

/** Days from `from` to `to`, both included. */
export const daysInclusive = (from: string, to: string): number => toDayjs(to).diff(toDayjs(from), 'day') + 1;

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
