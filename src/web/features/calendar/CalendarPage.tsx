// /admin/calendar — 工作日历: the years entered (法定节假日 and 调休上班), warnings while a year is
// missing, an editor per year, and a due-date calculator.
import { useState } from 'react';
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useCalendarOverview } from './api';
import { DueDateTool } from './DueDateTool';
import { YearPanel } from './YearPanel';
import './calendar.css';

export function CalendarPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useCalendarOverview();
  const [active, setActive] = useState<string>();
  usePageTitle(t('calendar.title'));

  if (isPending) return <PageSkeleton />;
  const thisYear = data ? Number(data.today.slice(0, 4)) : new Date().getFullYear();
  const years = [...new Set([...(data?.years.map((y) => y.year) ?? []), thisYear, thisYear + 1])].sort((a, b) => a - b);

  return (
    <div className="tb-container tb-page">
      <div className="tb-page-head">
        <Typography.Title level={1} className="tb-page-title">{t('calendar.title')}</Typography.Title>
      </div>
      <p className="tb-muted">{t('calendar.intro')}</p>
      <ProblemAlert error={error} className="tb-gap-bottom" />
      {data?.warnings.map((w) => (
        <Alert key={`${w.code}-${w.year}`} type="warning" showIcon className="tb-gap-bottom" role="alert"
          title={t(`calendar.warnings.${w.code}`, { year: w.year })} />
      ))}
      {data && (
        <>
          <DueDateTool today={data.today} version={data.version} />
          <Tabs
            activeKey={active ?? String(thisYear)}
            onChange={setActive}
            aria-label={t('calendar.tabs.label')}
            items={years.map((year) => {
              const entry = data.years.find((y) => y.year === year);
              return {
                key: String(year),
                label: entry ? t('calendar.tabs.year', { year }) : t('calendar.tabs.missing', { year }),
                children: <YearPanel year={year} entry={entry} today={data.today} />,
              };
            })}
          />
        </>
      )}
    </div>
  );
}
