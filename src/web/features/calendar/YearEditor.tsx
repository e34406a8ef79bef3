// Editor of one year: its holiday periods (name, days off, make-up working days), the notice it
// comes from, and whether it is confirmed. Saving replaces the year as a whole; the server's rules
// come back as messages next to the fields they concern.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarYear, CalendarYearInput } from '../../../contract/calendar';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, type FieldError } from '../../lib/api';
import { showFieldErrors, type FieldPath } from '../../lib/formErrors';
import { useSaveYear } from './api';
import { toCivil, toDayjs } from './dates';

interface PeriodValues { name: string; range: [Dayjs, Dayjs] | null; makeup: Dayjs[] }
interface YearValues { source: string; confirmed: boolean; periods: PeriodValues[] }

const toValues = (y: CalendarYear | undefined): YearValues => ({
  source: y?.source ?? '',
  confirmed: y?.confirmed ?? true,
  periods: (y?.periods ?? []).map((p) => ({ name: p.name, range: [toDayjs(p.from), toDayjs(p.to)], makeup: p.makeupWorkdays.map(toDayjs) })),
});

const toInput = (v: YearValues): CalendarYearInput => ({
  source: v.source.trim(),
  confirmed: v.confirmed,
  periods: (v.periods ?? []).map((p) => ({
    name: p.name.trim(),
    from: p.range ? toCivil(p.range[0]) : '',
    to: p.range ? toCivil(p.range[1]) : '',
    makeupWorkdays: (p.makeup ?? []).map(toCivil).sort(),
  })),
});

/** '/periods/0/to' → the period's range picker; '/periods/0/makeupWorkdays/1' → its make-up picker. */
function resolveField(name: FieldPath): FieldPath | null {
  if (name[0] === 'source' || name[0] === 'confirmed') return [name[0]];
  if (name[0] !== 'periods' || typeof name[1] !== 'number') return null;
  const field = name[2] === 'from' || name[2] === 'to' ? 'range' : name[2] === 'makeupWorkdays' ? 'makeup' : name[2] === 'name' ? 'name' : null;
  return field ? ['periods', name[1], field] : null;
}

export function YearEditor({ year, initial, onDone }: { year: number; initial?: CalendarYear; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<YearValues>();
  const save = useSaveYear();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const outsideYear = (d: Dayjs) => d.year() !== year;
  const firstDay = toDayjs(`${year}-01-01`);
  const required = [{ required: true, message: t('calendar.editor.required') }];

  const submit = (values: YearValues) => {
    setUnmatched([]);
    save.mutate({ year, body: toInput(values) }, {
      onSuccess: () => {
        void message.success(t('calendar.editor.saved', { year }));
        onDone();
      },
      onError: (error) => setUnmatched(isApiError(error) ? showFieldErrors(form, error.fieldErrors, resolveField) : []),
    });
  };

  return (
    <Card className="tb-card" title={<h3 className="tb-card-title">{t('calendar.editor.title', { year })}</h3>}>
      <Form<YearValues>
        form={form}
        layout="vertical"
        initialValues={toValues(initial)}
        onFinish={submit}
        // Enter confirms a date in the pickers; it must not also replace the whole year
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault(); }}
      >
        <ProblemAlert error={save.error} unmatched={unmatched} className="tb-gap-bottom" />
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset key={field.key} className="tb-list-entry">
                  <legend>{t('calendar.editor.entry', { n: index + 1 })}</legend>
                  <Row gutter={16}>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'name']} label={t('calendar.editor.name')} rules={required}><Input maxLength={40} /></Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'range']} label={t('calendar.editor.range')} rules={required}>
                        <DatePicker.RangePicker
                          className="tb-full-width"
                          disabledDate={outsideYear}
                          defaultPickerValue={[firstDay, firstDay]}
                          placeholder={[t('calendar.editor.start'), t('calendar.editor.end')]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'makeup']} label={t('calendar.editor.makeup')}>
                        <DatePicker
                          multiple
                          className="tb-full-width"
                          disabledDate={(d) => outsideYear(d) || ![0, 6].includes(d.day())}
                          defaultPickerValue={firstDay}
                          placeholder={t('calendar.editor.makeupPlaceholder')}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <div className="tb-entry-actions">
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('calendar.editor.remove', { n: index + 1 })}>
                      {t('calendar.editor.removeShort')}
                    </Button>
                  </div>
                </fieldset>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', range: null, makeup: [] })} className="tb-gap-bottom">
                {t('calendar.editor.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="source" label={t('calendar.editor.source')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="confirmed" label={t('calendar.editor.confirmed')} valuePropName="checked" extra={t('calendar.editor.confirmedHelp')}>
          <Switch />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('calendar.editor.save')}</Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
