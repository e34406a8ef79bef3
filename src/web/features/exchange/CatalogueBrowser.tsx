// 信息资源目录: each registry with its provider, resource code and fields (codes, types, share types).
import { Collapse, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueField } from '../../../contract/exchange';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCatalogue } from './api';
import { ShareTypeTag } from './labels';

export function CatalogueBrowser() {
  const { t } = useTranslation();
  const { data, error, isPending } = useCatalogue();
  if (error) return <ProblemAlert error={error} />;
  return (
    <>
      <p className="tb-muted">{t('exchange.admin.catalogue.intro')}</p>
      <Collapse
        items={(data?.registries ?? []).map((r) => ({
          key: r.code,
          label: (
            <Space wrap>
              <strong>{r.name}</strong>
              <span className="tb-muted">{r.departmentName}</span>
              <code>{r.resourceCode}</code>
              {r.remote && <Tag color="purple">{t('exchange.admin.catalogue.remote')}</Tag>}
            </Space>
          ),
          children: (
            <>
              <p className="tb-small">
                {t('exchange.admin.catalogue.subjects')}：{r.subjectKinds.map((k) => t(`exchange.subjectKind.${k}`)).join('、')}
              </p>
              <Table<CatalogueField>
                size="small" rowKey="code" pagination={false} dataSource={r.fields} scroll={{ x: 760 }}
                columns={[
                  { key: 'classCode', title: t('exchange.admin.catalogue.fieldCode'), dataIndex: 'classCode', render: (v: string) => <code>{v}</code> },
                  { key: 'name', title: t('exchange.admin.catalogue.field'), dataIndex: 'name' },
                  { key: 'code', title: t('exchange.admin.catalogue.key'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
                  { key: 'dataType', title: t('exchange.admin.catalogue.dataType'), render: (_, f) => t(`exchange.dataType.${f.dataType}`) },
                  { key: 'shareType', title: t('exchange.admin.catalogue.shareType'), render: (_, f) => <ShareTypeTag type={f.shareType} /> },
                  { key: 'description', title: t('exchange.admin.catalogue.description'), dataIndex: 'description' },
                ]}
              />
            </>
          ),
        }))}
      />
      {isPending && <p role="status" className="tb-muted">{t('common.loading')}</p>}
    </>
  );
}
