// Request shapes of the calendar routes that only the server reads (paths and query strings);
// bodies and responses come from the shared contract.
import { Type } from 'typebox';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, MonthSchema } from '../../../contract/calendar.js';

export const YearParams = Type.Object({ year: Type.Integer({ minimum: CALENDAR_FIRST_YEAR, maximum: CALENDAR_LAST_YEAR }) });

export const MonthQuery = Type.Object({ month: MonthSchema }, { additionalProperties: false });
