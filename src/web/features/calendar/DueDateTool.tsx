// 计算办结日期: a start date plus N working days gives the due date, marked provisional when the
// count reaches into a year without a confirmed calendar.
import { useEffect } from 'react';
import { Button, Card, DatePicker, Form, InputNumber, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MAX_WORKING_DAYS } from '../../../contract/calendar';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDueDate } from './api';
import { toCivil, toDayjs, weekdayOf } from './dates';

interface DueValues { from: Dayjs | null; days: number | null }

export function DueDateTool({ today, version }: { today: string; version: number }) {
  const { t } = useTranslation();
  const due = useDueDate();
  const { mutate, variables } = due;
  // a shown due date is asked again when the calendar changes, so it never shows the old answer
  useEffect(() => {
    if (variables) mutate(variables);
  }, [version]);
  const submit = (v: DueValues) => {
    if (v.from && v.days !== null) due.mutate({ from: toCivil(v.from), days: v.days });
  };
  const result = due.data;

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('calendar.due.title')}</h2>}>
      <p className="tb-muted">{t('calendar.due.help')}</p>
      <Form<DueValues> layout="vertical" className="tb-cal-due-form" initialValues={{ from: toDayjs(today), days: 20 }} onFinish={submit}>
        <Form.Item name="from" label={t('calendar.due.from')} rules={[{ required: true, message: t('calendar.editor.required') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.due.days')} rules={[{ required: true, message: t('calendar.editor.required') }]}>
          <InputNumber min={0} max={MAX_WORKING_DAYS} precision={0} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={due.isPending}>{t('calendar.due.submit')}</Button>
        </Form.Item>
      </Form>
      <ProblemAlert error={due.error} className="tb-gap-top" />
      <div aria-live="polite" className="tb-cal-due-result">
        {result && (
          <>
            <strong>{t('calendar.due.result', { from: result.from, days: result.days, date: result.due, weekday: t(`calendar.weekdayLong.${weekdayOf(result.due)}`) })}</strong>
            {result.provisional && <> <Tag className="tb-tag-orange">{t('calendar.provisional')}</Tag><p className="tb-muted tb-small">{t('calendar.due.provisionalHelp')}</p></>}
          </>
        )}
      </div>
    </Card>
  );
}
