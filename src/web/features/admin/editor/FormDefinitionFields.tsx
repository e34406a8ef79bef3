// Editor tab 申请表单: the form as JSON (schema + ui) in a monospace editor with immediate JSON
// feedback, and a live preview rendered exactly as applicants will see it.
import { Component, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultForm } from '../../../../contract/default-forms';
import type { ItemForm } from '../../../../contract/forms';
import { SchemaForm } from '../../../components/schema-form';
import { parseFormJson } from './draftForm';

/** A starting point when an operator customises the form: the default citizen form. */
const starter: ItemForm = defaultForm(['person']);

/** A form definition the renderer cannot handle shows a notice instead of breaking the editor. */
class PreviewBoundary extends Component<{ children: ReactNode; fallback: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Preview({ text }: { text: string }) {
  const { t } = useTranslation();
  const parsed = useMemo(() => parseFormJson(text), [text]);
  const [value, setValue] = useState<Record<string, unknown>>({});
  if (!parsed?.form) return <Alert type="info" showIcon title={t('itemForms.form.previewUnavailable')} />;
  return (
    <PreviewBoundary resetKey={text} fallback={<Alert type="warning" showIcon title={t('itemForms.form.previewUnavailable')} />}>
      <SchemaForm form={parsed.form} value={value} onChange={setValue} />
    </PreviewBoundary>
  );
}

export function FormDefinitionFields({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const text = (Form.useWatch('formJson') ?? '') as string;
  const custom = text.trim() !== '';

  const checkJson = async (_: unknown, value: string | undefined) => {
    const parsed = parseFormJson(value);
    if (parsed?.error === 'json') throw new Error(t('itemForms.form.jsonInvalid', { message: parsed.message }));
    if (parsed?.error === 'shape') throw new Error(t('itemForms.form.jsonShape'));
  };
  const reformat = () => {
    const parsed = parseFormJson(text);
    if (parsed?.form) form.setFieldValue('formJson', JSON.stringify(parsed.form, null, 2));
  };

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('itemForms.form.title')}</h2>}>
      <p className="tb-muted">{t('itemForms.form.intro')}</p>
      {!custom && (
        <Alert type="info" showIcon className="tb-gap-bottom" title={t('itemForms.form.useDefault')} description={t('itemForms.form.defaultHelp')}
          action={<Button onClick={() => { form.setFieldValue('formJson', JSON.stringify(starter, null, 2)); form.setFields([{ name: 'formJson', touched: true }]); }}>{t('itemForms.form.customise')}</Button>} />
      )}
      <Row gutter={16} style={{ display: custom ? undefined : 'none' }}>
        <Col xs={24} lg={12}>
          <Form.Item name="formJson" label={t('itemForms.form.json')} rules={[{ validator: checkJson }]} validateTrigger={['onChange', 'onBlur']}>
            <Input.TextArea spellCheck={false} autoSize={{ minRows: 18, maxRows: 40 }} maxLength={200_000}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }} />
          </Form.Item>
          <Space>
            <Button onClick={reformat}>{t('itemForms.form.format')}</Button>
            <Button onClick={() => form.setFieldValue('formJson', '')}>{t('itemForms.form.useDefault')}</Button>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <h3 className="tb-card-title" style={{ fontSize: 16 }}>{t('itemForms.form.preview')}</h3>
          <p className="tb-muted tb-small">{t('itemForms.form.previewHelp')}</p>
          {active && custom && <Preview text={text} />}
        </Col>
      </Row>
    </Card>
  );
}
