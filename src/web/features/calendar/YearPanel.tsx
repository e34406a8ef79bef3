// One year's tab: its status and source, the holiday periods (or their editor), and the month grid.
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../../../contract/calendar';
import { problemText } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { useDeleteYear } from './api';
import { MonthGrid } from './MonthGrid';
import { PeriodsTable } from './PeriodsTable';
import { YearEditor } from './YearEditor';

export function YearPanel({ year, entry, today }: { year: number; entry?: CalendarYear; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [month, setMonth] = useState(Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : 1);
  const remove = useDeleteYear();

  const deleteYear = () => remove.mutate(year, {
    onSuccess: () => void message.success(t('calendar.editor.deleted', { year })),
    onError: (error) => void message.error(problemText(error, t('common.unknownError')).title),
  });

  const status = !entry ? <Tag className="tb-tag-orange">{t('calendar.status.missing')}</Tag>
    : entry.confirmed ? <Tag className="tb-tag-green">{t('calendar.status.confirmed')}</Tag>
    : <Tag className="tb-tag-orange">{t('calendar.status.unconfirmed')}</Tag>;

  return (
    <>
      {editing ? <YearEditor year={year} initial={entry} onDone={() => setEditing(false)} /> : (
        <Card className="tb-card" title={<h2 className="tb-card-title">{t('calendar.periods.title', { year })} {status}</h2>}>
          {entry ? (
            <>
              <Space wrap className="tb-gap-bottom">
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>{t('calendar.editor.edit')}</Button>
                <Popconfirm
                  title={t('calendar.editor.deleteTitle', { year })}
                  description={t('calendar.editor.deleteConfirm', { year })}
                  okText={t('calendar.editor.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={deleteYear}
                >
                  <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>{t('calendar.editor.delete')}</Button>
                </Popconfirm>
              </Space>
              <p className="tb-muted tb-small">
                {t('calendar.status.sourceLine', { source: entry.source, time: formatDateTime(entry.updatedAt) })}
              </p>
              <PeriodsTable periods={entry.periods} />
            </>
          ) : (
            <>
              <Alert type="info" showIcon title={t('calendar.missingYear', { year })} className="tb-gap-bottom" />
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(true)}>{t('calendar.enterYear', { year })}</Button>
            </>
          )}
        </Card>
      )}
      <Card className="tb-card" title={<h2 className="tb-card-title">{t('calendar.month.title', { year })}</h2>}>
        <MonthGrid year={year} month={month} today={today} onMonthChange={setMonth} />
      </Card>
    </>
  );
}
