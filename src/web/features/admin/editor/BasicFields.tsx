// Editor: what the item is — code, name, aliases, type, audience, department, level, themes,
// summary, legal basis, acceptance conditions and result.
import { Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments, useThemes } from '../../catalog/api';
import { ITEM_TYPE_CODES, useItemLabels } from '../../catalog/labels';

const LEVELS = [1, 2, 3, 4, 5, 6, 7];
const RESULT_TYPES = ['licence', 'document', 'approval', 'other'] as const;

export function BasicFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const departments = useDepartments();
  const themes = useThemes();
  const f = (key: Parameters<typeof fieldLabel>[1]) => fieldLabel(t, key);
  const themeOptions = (['person', 'enterprise'] as const).map((audience) => ({
    label: labels.audience(audience),
    options: (themes.data ?? []).filter((th) => th.audience === audience).map((th) => ({ value: th.code, label: th.name })),
  }));

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('admin.sections.basic')}</h2>}>
      <Row gutter={16}>
        {creating && (
          <Col xs={24} md={12}>
            <Form.Item name="code" label={f('code')} extra={t('admin.codeHelp')}
              rules={[{ required: true, message: t('admin.required') }, { pattern: /^[0-9A-Z]{12}$/, message: t('admin.codeHelp') }]}>
              <Input maxLength={12} autoComplete="off" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={creating ? 12 : 24}>
          <Form.Item name="name" label={f('name')}><Input maxLength={200} /></Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="aliases" label={f('aliases')} extra={t('admin.aliasesHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={f('type')}>
            <Select options={ITEM_TYPE_CODES.map((c) => ({ value: c, label: labels.type(c) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audience" label={f('audience')}>
            <Checkbox.Group role="group" aria-label={f('audience')} options={[{ value: 'person', label: labels.audience('person') }, { value: 'enterprise', label: labels.audience('enterprise') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="departmentCode" label={f('departmentCode')}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={departments.isPending} options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="useLevel" label={f('useLevel')}>
            <Select options={LEVELS.map((n) => ({ value: n, label: labels.useLevel(n) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="themeCodes" label={f('themeCodes')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={themes.isPending} options={themeOptions} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="summary" label={f('summary')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount /></Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="legalBasis" label={f('legalBasis')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} /></Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="acceptanceConditions" label={f('acceptanceConditions')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="resultName" label={f('resultName')}><Input maxLength={200} /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="resultType" label={f('resultType')}>
            <Select options={RESULT_TYPES.map((r) => ({ value: r, label: labels.resultType(r) }))} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export type DraftFieldKey =
  | 'code' | 'name' | 'aliases' | 'type' | 'audience' | 'departmentCode' | 'useLevel' | 'themeCodes' | 'summary'
  | 'legalBasis' | 'acceptanceConditions' | 'resultName' | 'resultType' | 'legalLimitDays' | 'promisedLimitDays'
  | 'projectType' | 'visits' | 'onlineDepth' | 'handleArea' | 'appointment' | 'delivery' | 'onlinePayment' | 'fee'
  | 'handlingPlace' | 'handlingHours' | 'consultation' | 'complaint' | 'materials' | 'process' | 'faqs';

export function fieldLabel(t: ReturnType<typeof useTranslation>['t'], key: DraftFieldKey): string {
  // a template key over a union is too deep for i18next's types once the catalogue of strings grows
  return (t as unknown as (key: string) => string)(`admin.fields.${key}`);
}
