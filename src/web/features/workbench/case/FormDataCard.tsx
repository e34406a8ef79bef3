// 申请表: the applicant's answers, labelled by the pinned item version's form hints.
import { Card, Descriptions, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemForm } from '../../../../contract/forms';
import { RegionName } from '../../applications/RegionName';
import { formSections } from './formFields';

export function FormDataCard({ form, data, loading = false }: { form: ItemForm | undefined; data: Record<string, unknown>; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const sections = formSections(form, data, {
    yes: t('workbench.case.yes'), no: t('workbench.case.no'), other: t('workbench.case.otherFields'), en: i18n.language === 'en',
  });
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.form')}</h2>}>
      {/* until the form's labels arrive the answers would show under raw field names */}
      {loading && <Skeleton active title={false} paragraph={{ rows: 4 }} />}
      {!loading && sections.length === 0 && <Empty description={t('workbench.case.formEmpty')} />}
      {!loading && sections.map((section, i) => (
        <section key={i} className="wb-form-section" aria-label={section.title || undefined}>
          {section.title && <h3 className="wb-section-title">{section.title}</h3>}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            items={section.rows.map((row) => ({
              key: row.name,
              label: row.label,
              children: row.regionCode ? <RegionName code={row.regionCode} /> : <span className="tb-pre-line">{row.value}</span>,
            }))}
          />
        </section>
      ))}
    </Card>
  );
}
