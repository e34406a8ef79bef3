// Editor: 办理流程 steps and 常见问题 as dynamic lists.
import { Button, Card, Form, Input } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListErrors } from './ListErrors';

export function ProcessFields({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('admin.fields.process')}</h2>}>
      <ListErrors messages={errors} />
      <Form.List name="process">
        {(fields, { add, remove, move }) => (
          <ol className="tb-step-list">
            {fields.map((field, index) => (
              <li key={field.key} className="tb-step-entry">
                <Form.Item name={field.name} label={t('guide.step', { n: index + 1 })} className="tb-step-input">
                  <Input maxLength={300} />
                </Form.Item>
                <div className="tb-entry-actions">
                  <Button size="small" icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('admin.step.moveUp', { n: index + 1 })} />
                  <Button size="small" icon={<ArrowDownOutlined aria-hidden />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('admin.step.moveDown', { n: index + 1 })} />
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('admin.step.remove', { n: index + 1 })} />
                </div>
              </li>
            ))}
            <li className="tb-step-add">
              <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>{t('admin.step.add')}</Button>
            </li>
          </ol>
        )}
      </Form.List>
    </Card>
  );
}

export function FaqFields({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('admin.fields.faqs')}</h2>}>
      <ListErrors messages={errors} />
      <Form.List name="faqs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <fieldset key={field.key} className="tb-list-entry">
                <legend>{t('admin.faq.entry', { n: index + 1 })}</legend>
                <Form.Item name={[field.name, 'question']} label={t('admin.faq.question')}><Input maxLength={300} /></Form.Item>
                <Form.Item name={[field.name, 'answer']} label={t('admin.faq.answer')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} /></Form.Item>
                <div className="tb-entry-actions">
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('admin.faq.remove', { n: index + 1 })}>{t('admin.remove')}</Button>
                </div>
              </fieldset>
            ))}
            <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add({ question: '', answer: '' })}>{t('admin.faq.add')}</Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
