// A year's holiday periods as the notice lists them: name, days off, make-up working days.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarPeriod } from '../../../contract/calendar';
import { daysInclusive, weekdayOf } from './dates';

export function PeriodsTable({ periods }: { periods: CalendarPeriod[] }) {
  const { t } = useTranslation();
  const withWeekday = (date: string) => t('calendar.withWeekday', { date, weekday: t(`calendar.weekdayLong.${weekdayOf(date)}`) });
  return (
    <Table<CalendarPeriod>
      rowKey={(p) => `${p.from}-${p.name}`}
      dataSource={periods}
      pagination={false}
      size="small"
      scroll={{ x: 640 }}
      locale={{ emptyText: t('calendar.periods.empty') }}
      columns={[
        { key: 'name', title: t('calendar.periods.name'), dataIndex: 'name' },
        { key: 'range', title: t('calendar.periods.range'), render: (_, p) => (p.from === p.to ? withWeekday(p.from) : `${withWeekday(p.from)} — ${withWeekday(p.to)}`) },
        { key: 'days', title: t('calendar.periods.days'), render: (_, p) => t('calendar.periods.dayCount', { count: daysInclusive(p.from, p.to) }) },
        {
          key: 'makeup', title: t('calendar.periods.makeup'),
          render: (_, p) => (p.makeupWorkdays.length ? <ul className="tb-plain-list">{p.makeupWorkdays.map((d) => <li key={d}>{withWeekday(d)}</li>)}</ul> : t('calendar.periods.none')),
        },
      ]}
    />
  );
}
