// 新增授权: consumer department, one of its items, a registry and its fields (不予共享 ones disabled),
// and the legal basis. The server checks everything again and answers field by field.
import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NewGrant } from '../../../contract/exchange';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/api';
import { busy } from '../../lib/format';
import { useDepartments, useItems } from '../catalog/api';
import { useCatalogue, useCreateGrant } from './api';
import { ShareTypeTag } from './labels';

export function GrantForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewGrant>();
  const consumer = Form.useWatch('consumerDepartment', form);
  const registryCode = Form.useWatch('registry', form);
  const departments = useDepartments();
  const items = useItems({ department: consumer, sort: 'name', pageSize: 100 }, !!consumer);
  const catalogue = useCatalogue();
  const create = useCreateGrant();
  const [error, setError] = useState<unknown>(null);
  const registry = catalogue.data?.registries.find((r) => r.code === registryCode);
  const required = [{ required: true, message: t('exchange.admin.form.required') }];

  const submit = (values: NewGrant) => {
    setError(null);
    create.mutate({ ...values, legalBasis: values.legalBasis.trim() }, {
      onSuccess: () => { void message.success(t('exchange.admin.form.created')); form.resetFields(); onCreated(); },
      onError: (e) => {
        setError(e);
        if (isApiError(e)) {
          form.setFields(e.fieldErrors.map((f) => ({ name: f.path.split('/').filter(Boolean)[0] as keyof NewGrant, errors: [f.message] })));
        } else void message.error(problemText(e, t('common.unknownError')).title);
      },
    });
  };

  return (
    <Form<NewGrant> form={form} layout="vertical" onFinish={submit} className="tb-narrow" requiredMark>
      <Form.Item name="consumerDepartment" label={t('exchange.admin.form.consumer')} rules={required}>
        <Select showSearch optionFilterProp="label" loading={departments.isPending}
          onChange={() => form.setFieldValue('itemCode', undefined)}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
      </Form.Item>
      <Form.Item name="itemCode" label={t('exchange.admin.form.item')} rules={required} extra={consumer ? t('exchange.admin.form.itemHelp') : t('exchange.admin.form.pickConsumerFirst')}>
        <Select showSearch optionFilterProp="label" disabled={!consumer} loading={items.isFetching}
          options={(items.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} />
      </Form.Item>
      <Form.Item name="registry" label={t('exchange.admin.form.registry')} rules={required}>
        <Select loading={catalogue.isPending} onChange={() => form.setFieldValue('fields', [])}
          options={(catalogue.data?.registries ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.departmentName}）` }))} />
      </Form.Item>
      {registry && (
        <Form.Item name="fields" label={t('exchange.admin.form.fields')} rules={required} extra={t('exchange.admin.form.fieldsHelp')}>
          <Checkbox.Group>
            <Space direction="vertical">
              {registry.fields.map((f) => (
                <Checkbox key={f.code} value={f.code} disabled={f.shareType === 'none'}>
                  {f.name} <ShareTypeTag type={f.shareType} />
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      )}
      <Form.Item name="legalBasis" label={t('exchange.admin.form.legalBasis')} extra={t('exchange.admin.form.legalBasisHelp')}
        rules={[...required, { min: 4, max: 500, message: t('exchange.admin.form.legalBasisHelp') }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <ProblemAlert error={error} className="tb-gap-bottom" />
      <Button type="primary" htmlType="submit" loading={busy(create.isPending)}>{t('exchange.admin.form.submit')}</Button>
    </Form>
  );
}
