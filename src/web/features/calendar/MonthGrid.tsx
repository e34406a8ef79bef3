// One month of the calendar as a table (Monday first): 法定节假日 marked 休, 调休上班 marked 班,
// each day's meaning also written out for screen readers.
import { Button, Select, Skeleton } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../contract/calendar';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMonthDays } from './api';
import { monthKey } from './dates';

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = [...Array<null>((MONDAY_FIRST as readonly number[]).indexOf(days[0]?.weekday ?? 1)).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export function MonthGrid({ year, month, today, onMonthChange }: { year: number; month: number; today: string; onMonthChange: (month: number) => void }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useMonthDays(monthKey(year, month));
  const caption = t('calendar.month.caption', { year, month });
  const kindText = (d: CalendarDay) => {
    const kind = t(`calendar.kind.${d.kind}`);
    return d.name ? t('calendar.named', { text: kind, name: d.name }) : kind;
  };

  return (
    <section aria-label={caption}>
      <div className="tb-cal-toolbar">
        <h3>{caption}</h3>
        <Button icon={<LeftOutlined aria-hidden />} aria-label={t('calendar.month.prev')} disabled={month === 1} onClick={() => onMonthChange(month - 1)} />
        <Select
          aria-label={t('calendar.month.select')}
          value={month}
          onChange={onMonthChange}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('calendar.month.label', { month: i + 1 }) }))}
          style={{ width: 120 }}
        />
        <Button icon={<RightOutlined aria-hidden />} aria-label={t('calendar.month.next')} disabled={month === 12} onClick={() => onMonthChange(month + 1)} />
      </div>
      <ProblemAlert error={error} />
      {isPending ? <Skeleton active /> : data && (
        <table className="tb-cal-grid">
          <caption className="tb-visually-hidden">{caption}</caption>
          <thead>
            <tr>{MONDAY_FIRST.map((w) => <th key={w} scope="col" abbr={t(`calendar.weekdayLong.${w}`)}>{t(`calendar.weekday.${w}`)}</th>)}</tr>
          </thead>
          <tbody>
            {weeksOf(data.days).map((week, i) => (
              <tr key={i}>
                {week.map((d, j) => d ? (
                  <td key={d.date} className={`tb-cal-${d.kind}${d.date === today ? ' tb-cal-today' : ''}`} aria-current={d.date === today ? 'date' : undefined}>
                    <span className="tb-cal-num">{Number(d.date.slice(8))}</span>
                    {(d.kind === 'holiday' || d.kind === 'makeup') && <span className="tb-cal-mark" aria-hidden>{t(`calendar.mark.${d.kind}`)}</span>}
                    {d.name && <span className="tb-cal-name" aria-hidden>{d.name}</span>}
                    <span className="tb-visually-hidden">{kindText(d)}</span>
                  </td>
                ) : <td key={`blank-${j}`} />)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="tb-cal-legend">
        <span><span className="tb-cal-legend-swatch tb-cal-holiday" aria-hidden />{t('calendar.named', { text: t('calendar.kind.holiday'), name: t('calendar.mark.holiday') })}</span>
        <span><span className="tb-cal-legend-swatch tb-cal-makeup" aria-hidden />{t('calendar.named', { text: t('calendar.kind.makeup'), name: t('calendar.mark.makeup') })}</span>
        <span><span className="tb-cal-legend-swatch tb-cal-weekend" aria-hidden />{t('calendar.kind.weekend')}</span>
        {data?.provisional && <span className="tb-muted">{t('calendar.provisionalMonth')}</span>}
      </p>
    </section>
  );
}
