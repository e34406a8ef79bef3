// Editor: how the item is handled — time limits, visits, online depth, scope, channels, fees,
// place and hours, consultation and complaint contacts.
import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ONLINE_DEPTH_LEVELS, useItemLabels } from '../../catalog/labels';
import { fieldLabel, type DraftFieldKey } from './BasicFields';

const AREAS = ['district', 'city', 'province', 'national'] as const;

export function HandlingFields() {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const f = (key: DraftFieldKey) => fieldLabel(t, key);
  const charged = Form.useWatch(['fee', 'charged']);
  const days = { min: 0, max: 365, precision: 0, className: 'tb-full-width', suffix: t('admin.workingDays') } as const;

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('admin.sections.handling')}</h2>}>
      <Row gutter={16}>
        <Col xs={24} md={12}><Form.Item name="legalLimitDays" label={f('legalLimitDays')}><InputNumber {...days} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="promisedLimitDays" label={f('promisedLimitDays')}><InputNumber {...days} /></Form.Item></Col>
        <Col xs={24} md={12}>
          <Form.Item name="projectType" label={f('projectType')}>
            <Radio.Group aria-label={f('projectType')} options={[{ value: 'immediate', label: labels.projectType('immediate') }, { value: 'commitment', label: labels.projectType('commitment') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="visits" label={f('visits')}>
            <Select options={[0, 1, 2].map((n) => ({ value: n, label: t('item.visitsCount', { count: n }) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="onlineDepth" label={f('onlineDepth')}>
            <Select options={ONLINE_DEPTH_LEVELS.map((d) => ({ value: d, label: labels.depth(d) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="handleArea" label={f('handleArea')}>
            <Select options={AREAS.map((a) => ({ value: a, label: labels.handleArea(a) }))} />
          </Form.Item>
        </Col>
        <Col xs={8}><Form.Item name="appointment" label={f('appointment')} valuePropName="checked"><Switch /></Form.Item></Col>
        <Col xs={8}><Form.Item name="delivery" label={f('delivery')} valuePropName="checked"><Switch /></Form.Item></Col>
        <Col xs={8}><Form.Item name="onlinePayment" label={f('onlinePayment')} valuePropName="checked"><Switch /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name={['fee', 'charged']} label={t('admin.fields.feeCharged')} valuePropName="checked"><Switch /></Form.Item></Col>
        {charged && (
          <>
            <Col xs={24} md={16}><Form.Item name={['fee', 'standard']} label={t('admin.fields.feeStandard')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} /></Form.Item></Col>
            <Col xs={24}><Form.Item name={['fee', 'basis']} label={t('admin.fields.feeBasis')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} /></Form.Item></Col>
          </>
        )}
        <Col xs={24}><Form.Item name="handlingPlace" label={f('handlingPlace')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} /></Form.Item></Col>
        <Col xs={24}><Form.Item name="handlingHours" label={f('handlingHours')}><Input maxLength={300} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name={['consultation', 'phone']} label={t('admin.fields.consultationPhone')}><Input maxLength={40} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name={['consultation', 'channels']} label={t('admin.fields.consultationChannels')}><Input maxLength={500} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name={['complaint', 'phone']} label={t('admin.fields.complaintPhone')}><Input maxLength={40} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name={['complaint', 'channels']} label={t('admin.fields.complaintChannels')}><Input maxLength={500} /></Form.Item></Col>
      </Row>
    </Card>
  );
}
