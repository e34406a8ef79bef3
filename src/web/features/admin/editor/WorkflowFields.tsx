// Editor tab 办理流程: stages in order, each with parallel department tasks and an all/any rule;
// then 告知承诺制 terms and the result delivery modes.
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemDraft } from '../../../../contract/catalog';
import { useDepartments } from '../../catalog/api';
import { ListErrors } from './ListErrors';

type Stages = NonNullable<ItemDraft['workflow']>['stages'];

function StageTasks({ stage }: { stage: number }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const options = (departments.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  return (
    <Form.List name={[stage, 'tasks']}>
      {(fields, { add, remove }) => (
        <fieldset className="tb-list-entry">
          <legend>{t('itemForms.workflow.tasks')}</legend>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={12} align="bottom">
              <Col xs={24} md={10}>
                <Form.Item name={[field.name, 'departmentCode']} label={`${t('itemForms.workflow.task', { n: index + 1 })} · ${t('itemForms.workflow.department')}`}
                  rules={[{ required: true, message: t('admin.required') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} loading={departments.isPending} options={options} />
                </Form.Item>
              </Col>
              <Col xs={20} md={12}>
                <Form.Item name={[field.name, 'name']} label={t('itemForms.workflow.taskName')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                <Form.Item>
                  <Button danger icon={<DeleteOutlined aria-hidden />} disabled={fields.length <= 1} onClick={() => remove(field.name)}
                    aria-label={t('itemForms.workflow.removeTask', { n: index + 1 })} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ departmentCode: undefined, name: '' })}>{t('itemForms.workflow.addTask')}</Button>
        </fieldset>
      )}
    </Form.List>
  );
}

export function WorkflowFields({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const stages = (Form.useWatch(['workflow', 'stages']) ?? []) as Stages;
  const promised = Form.useWatch('promisedLimitDays') as number | undefined;
  const departmentCode = Form.useWatch('departmentCode') as string | undefined;
  const total = stages.reduce((sum, s) => sum + (s?.limitDays ?? 0), 0);

  const customise = () => form.setFieldValue(['workflow', 'stages'], [
    { name: '审查', rule: 'all', limitDays: promised ?? 0, tasks: [{ departmentCode, name: '审查' }] },
  ]);

  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('itemForms.workflow.title')}</h2>}>
      <p className="tb-muted">{t('itemForms.workflow.intro')}</p>
      <ListErrors messages={errors} />
      {stages.length === 0 ? (
        <Alert type="info" showIcon title={t('itemForms.workflow.useDefault')}
          action={<Button onClick={customise}>{t('itemForms.workflow.customise')}</Button>} />
      ) : (
        <p className={total > (promised ?? 0) ? 'tb-small' : 'tb-muted tb-small'} role="status">
          {t('itemForms.workflow.totalDays', { total, promised: promised ?? 0 })}
        </p>
      )}
      <Form.List name={['workflow', 'stages']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <fieldset key={field.key} className="tb-list-entry">
                <legend>{t('itemForms.workflow.stage', { n: index + 1 })}</legend>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'name']} label={t('itemForms.workflow.stageName')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'rule']} label={t('itemForms.workflow.rule')}>
                      <Radio.Group aria-label={t('itemForms.workflow.rule')} options={[
                        { value: 'all', label: t('itemForms.workflow.ruleAll') }, { value: 'any', label: t('itemForms.workflow.ruleAny') },
                      ]} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'limitDays']} label={t('itemForms.workflow.limitDays')}>
                      <InputNumber min={0} max={365} precision={0} className="tb-full-width" />
                    </Form.Item>
                  </Col>
                </Row>
                <StageTasks stage={field.name} />
                <div className="tb-entry-actions">
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)}
                    aria-label={t('itemForms.workflow.removeStage', { n: index + 1 })}>{t('admin.remove')}</Button>
                </div>
              </fieldset>
            ))}
            {fields.length > 0 && (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ name: '', rule: 'all', limitDays: 0, tasks: [{ departmentCode, name: '' }] })}>{t('itemForms.workflow.addStage')}</Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

export function CommitmentDeliveryFields() {
  const { t } = useTranslation();
  const offered = Form.useWatch('offersCommitment') as boolean | undefined;
  const materials = (Form.useWatch('materials') ?? []) as ItemDraft['materials'];
  return (
    <>
      <Card className="tb-card" title={<h2 className="tb-card-title">{t('itemForms.commitment.title')}</h2>}>
        <Form.Item name="offersCommitment" label={t('itemForms.commitment.offered')} valuePropName="checked"><Switch /></Form.Item>
        {offered && (
          <>
            <Form.Item name={['commitment', 'text']} label={t('itemForms.commitment.text')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name={['commitment', 'replacesMaterials']} label={t('itemForms.commitment.replaces')}>
                  <Select mode="multiple" options={materials.map((m, i) => ({ value: i, label: `${i + 1}. ${m?.name ?? ''}` }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['commitment', 'postCheckDays']} label={t('itemForms.commitment.postCheckDays')}>
                  <InputNumber min={1} max={365} precision={0} className="tb-full-width" suffix={t('admin.workingDays')} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Card>
      <Card className="tb-card" title={<h2 className="tb-card-title">{t('itemForms.delivery.title')}</h2>}>
        <Form.Item name="deliveryModes" label={t('itemForms.fields.deliveryModes')} extra={t('itemForms.delivery.help')}>
          <Checkbox.Group options={(['elicence', 'window', 'post'] as const).map((m) => ({ value: m, label: t(`itemForms.delivery.${m}`) }))} />
        </Form.Item>
      </Card>
    </>
  );
}
