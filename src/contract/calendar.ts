// Working-day calendar contract: statutory holiday periods and make-up working days (调休) per
// year, the calendar's warnings, and the working-day arithmetic the API offers.
import { Type, type Static } from 'typebox';

/** A civil date in Asia/Shanghai, years 1900–2199; whether the day exists is checked by the server. */
export const CivilDateSchema = Type.String({ pattern: '^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$', examples: ['2026-10-09'] });
export const MonthSchema = Type.String({ pattern: '^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$', examples: ['2026-10'] });

/** Years an operator may enter. */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;
/** The most working days one question may add (a legal time limit is far below it). */
export const MAX_WORKING_DAYS = 366;

export const CalendarPeriodSchema = Type.Object({
  /** 元旦, 春节, 国庆节 … */
  name: Type.String({ minLength: 1, maxLength: 40 }),
  /** first and last day off, inclusive */
  from: CivilDateSchema,
  to: CivilDateSchema,
  /** 调休上班: weekend days worked because of this holiday */
  makeupWorkdays: Type.Array(CivilDateSchema, { maxItems: 10 }),
});
export type CalendarPeriod = Static<typeof CalendarPeriodSchema>;

export const CalendarYearInputSchema = Type.Object({
  /** the notice the dates come from */
  source: Type.String({ minLength: 1, maxLength: 500 }),
  /** false for a year entered ahead of its official notice: its due dates stay provisional */
  confirmed: Type.Optional(Type.Boolean({ default: true })),
  periods: Type.Array(CalendarPeriodSchema, { maxItems: 30 }),
}, { additionalProperties: false });
export type CalendarYearInput = Static<typeof CalendarYearInputSchema>;

export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  confirmed: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
  periods: Type.Array(CalendarPeriodSchema),
});
export type CalendarYear = Static<typeof CalendarYearSchema>;

export const CalendarWarningSchema = Type.Object({
  /** the current year, or (from November 1) the next year, has no calendar or an unconfirmed one */
  code: Type.Union([Type.Literal('CURRENT_YEAR_MISSING'), Type.Literal('NEXT_YEAR_MISSING'), Type.Literal('YEAR_UNCONFIRMED')]),
  year: Type.Integer(),
});
export type CalendarWarning = Static<typeof CalendarWarningSchema>;

export const CalendarOverviewSchema = Type.Object({
  /** today in Asia/Shanghai */
  today: CivilDateSchema,
  /** rises with every change of the calendar */
  version: Type.Integer(),
  years: Type.Array(CalendarYearSchema),
  warnings: Type.Array(CalendarWarningSchema),
});
export type CalendarOverview = Static<typeof CalendarOverviewSchema>;

export const WorkingDaysQuerySchema = Type.Object({
  from: CivilDateSchema,
  /** add this many working days (the start is not counted) … */
  days: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS })),
  /** … or count the working days after `from` up to and including `to` */
  to: Type.Optional(CivilDateSchema),
}, { additionalProperties: false });
export type WorkingDaysQuery = Static<typeof WorkingDaysQuerySchema>;

/** provisional: some day counted falls in a year without a confirmed calendar (counted Monday to Friday) */
export const DueDateSchema = Type.Object({ from: CivilDateSchema, days: Type.Integer(), due: CivilDateSchema, provisional: Type.Boolean() });
export type DueDate = Static<typeof DueDateSchema>;
export const WorkingDayCountSchema = Type.Object({ from: CivilDateSchema, to: CivilDateSchema, workingDays: Type.Integer(), provisional: Type.Boolean() });
export type WorkingDayCount = Static<typeof WorkingDayCountSchema>;

export const DayKindSchema = Type.Union([Type.Literal('workday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('makeup')]);
export type DayKind = Static<typeof DayKindSchema>;

export const CalendarDaySchema = Type.Object({
  date: CivilDateSchema,
  /** 0 = Sunday … 6 = Saturday */
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  isWorkingDay: Type.Boolean(),
  kind: DayKindSchema,
  /** the holiday the day belongs to (or is worked for), else null */
  name: Type.Union([Type.String(), Type.Null()]),
});
export type CalendarDay = Static<typeof CalendarDaySchema>;

export const MonthDaysSchema = Type.Object({
  month: MonthSchema,
  provisional: Type.Boolean(),
  days: Type.Array(CalendarDaySchema),
});
export type MonthDays = Static<typeof MonthDaysSchema>;
