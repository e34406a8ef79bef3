// 申请表: the applicant's answers, labelled by the pinned item version's form hints.
import { Card, Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemForm } from '../../../../contract/forms';
import { formSections } from './formFields';

export function FormDataCard({ form, data }: { form: ItemForm | undefined; data: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const sections = formSections(form, data, {
    yes: t('workbench.case.yes'), no: t('workbench.case.no'), other: t('workbench.case.otherFields'), en: i18n.language === 'en',
  });
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.form')}</h2>}>
      {sections.length === 0 && <Empty description={t('workbench.case.formEmpty')} />}
      {sections.map((section, i) => (
        <section key={i} aria-label={section.title || undefined}>
          {section.title && <h3 className="wb-section-title">{section.title}</h3>}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            items={section.rows.map((row) => ({ key: row.name, label: row.label, children: <span className="tb-pre-line">{row.value}</span> }))}
          />
        </section>
      ))}
    </Card>
  );
}
