// Form values read-only, section by section, with the form's own labels (enum values by their
// labels, yes/no for switches); without the form definition the raw field names are used.
// `masked`: ID and mobile numbers shown masked (脱敏), for pages that only remind the applicant
// what was filed; the review before submitting shows them whole, to be checked.
import { Descriptions } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldUi, ItemForm } from '../../../contract/forms';
import { hiddenFormFields } from '../../../contract/forms';
import { maskIdNumber, maskMobile } from '../../../contract/mask';
import { RegionName } from './RegionName';


function display(value: unknown, ui: FieldUi | undefined, schema: Record<string, unknown> | undefined, t: TFunction, masked = false): string {
  if (value === undefined || value === null || value === '') return '—';
  if (masked && typeof value === 'string' && ui?.widget === 'idNumber') return maskIdNumber(value);
  if (masked && typeof value === 'string' && ui?.widget === 'mobile') return maskMobile(value);
  if (typeof value === 'boolean') return t(value ? 'applications.yes' : 'applications.no');
  const options = (schema?.enum ?? (schema?.items as Record<string, unknown> | undefined)?.enum) as unknown[] | undefined;
  const label = (v: unknown) => {
    const i = options?.indexOf(v) ?? -1;
    return i >= 0 && ui?.enumLabels?.[i] ? ui.enumLabels[i] : String(v);
  };
  if (Array.isArray(value)) return value.map(label).join('、') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return label(value);
}

export function FormDataView({ form, data, headingLevel = 3, masked = false }: {
  form: ItemForm | null | undefined; data: Record<string, unknown>; headingLevel?: 3 | 4; masked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  if (!form) {
    const entries = Object.entries(data);
    if (!entries.length) return <p className="tb-muted">{t('common.empty')}</p>;
    return (
      <Descriptions size="small" column={1} bordered items={entries.map(([key, value]) => ({ key, label: key, children: display(value, undefined, undefined, t) }))} />
    );
  }
  const hidden = hiddenFormFields(form, data);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const properties = (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return (
    <>
      {form.ui.sections.map((section) => {
        const fields = section.fields.filter((name) => !hidden.has(name) && form.ui.fields[name]);
        if (!fields.length) return null;
        return (
          <Descriptions
            key={section.title}
            className="tb-gap-bottom tb-keep-labels"
            size="small"
            column={1}
            bordered
            title={<Heading className="tb-descriptions-title">{english && section.titleEn ? section.titleEn : section.title}</Heading>}
            items={fields.map((name) => {
              const ui = form.ui.fields[name];
              return {
                key: name,
                label: english && ui.labelEn ? ui.labelEn : ui.label,
                children: ui.widget === 'region' && typeof data[name] === 'string'
                  ? <RegionName code={data[name] as string} />
                  : <span className="tb-pre-line">{display(data[name], ui, properties[name], t, masked)}</span>,
              };
            })}
          />
        );
      })}
    </>
  );
}
