// Editor: 申请材料 as a dynamic list; each material has every element of the contract.
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useItemLabels } from '../../catalog/labels';
import { newMaterial } from './draftForm';
import { ListErrors } from './ListErrors';

const FORMS = ['original', 'copy', 'electronic', 'original_and_copy'] as const;
const SOURCES = ['applicant', 'government', 'intermediary', 'other'] as const;

function HeldBy({ index }: { index: number }) {
  const { t } = useTranslation();
  const held = Form.useWatch(['materials', index, 'governmentHeld']);
  if (!held) return null;
  return (
    <Col xs={24} md={16}>
      <Form.Item name={[index, 'heldBy']} label={t('admin.material.heldBy')}><Input maxLength={100} /></Form.Item>
    </Col>
  );
}

export function MaterialsFields({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('admin.fields.materials')}</h2>}>
      <ListErrors messages={errors} />
      <Form.List name="materials">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <fieldset key={field.key} className="tb-list-entry">
                  <legend>{t('admin.material.entry', { n })}</legend>
                  <Row gutter={16}>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'name']} label={t('admin.material.name')}><Input maxLength={200} /></Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'required']} label={t('admin.material.required')} valuePropName="checked"><Switch /></Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'governmentHeld']} label={t('admin.material.governmentHeld')} valuePropName="checked"><Switch /></Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'form']} label={t('admin.material.form')}>
                        <Select options={FORMS.map((v) => ({ value: v, label: labels.materialForm(v) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'originals']} label={t('admin.material.originals')}><InputNumber min={0} max={20} precision={0} className="tb-full-width" /></Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'copies']} label={t('admin.material.copies')}><InputNumber min={0} max={20} precision={0} className="tb-full-width" /></Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'sourceType']} label={t('admin.material.sourceType')}>
                        <Select options={SOURCES.map((v) => ({ value: v, label: labels.materialSource(v) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'issuer']} label={t('admin.material.issuer')}><Input maxLength={200} /></Form.Item>
                    </Col>
                    <HeldBy index={field.name} />
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'requirement']} label={t('admin.material.requirement')}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <div className="tb-entry-actions">
                    <Button size="small" icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => move(index, index - 1)}>{t('admin.moveUp')}</Button>
                    <Button size="small" icon={<ArrowDownOutlined aria-hidden />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>{t('admin.moveDown')}</Button>
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('admin.material.remove', { n })}>{t('admin.remove')}</Button>
                  </div>
                </fieldset>
              );
            })}
            <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add(newMaterial())}>{t('admin.material.add')}</Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
