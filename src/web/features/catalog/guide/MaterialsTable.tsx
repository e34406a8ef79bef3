// 申请材料: one row per material; materials the government already holds get a green 免提交 tag.
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../contract/catalog';
import { useItemLabels } from '../labels';

export function MaterialsTable({ materials }: { materials: Material[] }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const copies = (m: Material) => [
    m.originals > 0 ? t('material.originals', { count: m.originals }) : '',
    m.copies > 0 ? t('material.copiesN', { count: m.copies }) : '',
  ].filter(Boolean).join(t('material.separator')) || '—';
  const source = (m: Material) => labels.materialSource(m.sourceType) + (m.issuer ? `（${m.issuer}）` : '');

  const columns: TableColumnsType<Material & { index: number }> = [
    { key: 'index', title: t('guide.materials.index'), dataIndex: 'index', width: 56, responsive: ['md'] },
    {
      key: 'name',
      title: t('guide.materials.name'),
      render: (_, m) => (
        <div className="tb-material">
          <span className="tb-material-name">{m.name}</span>
          <span className="tb-material-tags">
            {m.governmentHeld && <Tag className="tb-tag-green">{t('material.governmentHeld')}</Tag>}
            <Tag className="tb-below-sm">{m.required ? t('material.required') : t('material.optional')}</Tag>
          </span>
          {m.governmentHeld && <span className="tb-material-held">{t('material.heldBy', { heldBy: m.heldBy || t('material.heldByDefault') })}</span>}
          <span className="tb-below-md tb-muted tb-small">{[labels.materialForm(m.form), m.originals + m.copies > 0 ? copies(m) : '', source(m)].filter(Boolean).join(' · ')}</span>
          {m.requirement && <span className="tb-material-req">{m.requirement}</span>}
        </div>
      ),
    },
    { key: 'required', title: t('guide.materials.required'), width: 84, responsive: ['sm'], render: (_, m) => (m.required ? t('material.required') : t('material.optional')) },
    { key: 'form', title: t('guide.materials.form'), width: 110, responsive: ['md'], render: (_, m) => labels.materialForm(m.form) },
    { key: 'count', title: t('guide.materials.count'), width: 110, responsive: ['md'], render: (_, m) => copies(m) },
    { key: 'source', title: t('guide.materials.source'), width: 170, responsive: ['md'], render: (_, m) => source(m) },
  ];

  return (
    <div data-testid="materials-table">
      {materials.length === 0 ? (
        <p>{t('guide.materials.none')}</p>
      ) : (
        <>
          {materials.some((m) => m.governmentHeld) && <p className="tb-muted">{t('guide.materials.note')}</p>}
          <Table
            size="middle"
            bordered
            caption={<span className="tb-visually-hidden">{t('guide.sections.materials')}</span>}
            columns={columns}
            dataSource={materials.map((m, i) => ({ ...m, index: i + 1 }))}
            rowKey="index"
            pagination={false}
          />
        </>
      )}
    </div>
  );
}
