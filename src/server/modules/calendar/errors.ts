// Coded errors of the working-day calendar. A rejected year reports its first broken rule as the
// problem's code and every broken rule in `errors[]`, each with its field path.
import { defineErrors } from '../../platform/errors.js';

export const CalendarErrors = defineErrors({
  CALENDAR_YEAR_NOT_FOUND: { status: 404, zh: '该年度的工作日历尚未录入', en: 'No calendar has been entered for that year' },
  CALENDAR_DATE_INVALID: { status: 400, zh: '日期不存在，请检查年月日', en: 'No such date' },
  CALENDAR_DATE_OUTSIDE_YEAR: { status: 400, zh: '日期不在该年度内；跨年的放假或调休日请在所属年份录入', en: 'The date is outside the year; enter days of another year in that year' },
  CALENDAR_PERIOD_REVERSED: { status: 400, zh: '放假结束日期不能早于开始日期', en: 'A holiday period must not end before it starts' },
  CALENDAR_PERIODS_OVERLAP: { status: 400, zh: '放假时段与另一个时段重叠', en: 'The holiday period overlaps another one' },
  CALENDAR_MAKEUP_NOT_WEEKEND: { status: 400, zh: '调休上班日必须是星期六或星期日', en: 'A make-up working day must be a Saturday or Sunday' },
  CALENDAR_MAKEUP_IN_HOLIDAY: { status: 400, zh: '调休上班日不能在放假时段内', en: 'A make-up working day must not fall inside a holiday period' },
  CALENDAR_MAKEUP_DUPLICATE: { status: 400, zh: '同一天不能重复登记为调休上班日', en: 'The make-up working day is listed twice' },
  CALENDAR_DAYS_OR_TO: { status: 400, zh: '请提供工作日数（days）或截止日期（to）中的一个', en: 'Give either days or to, not both and not neither' },
});
