// Every problem the server found, as a list at the top of the editor; each names its field and jumps to it.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../lib/api';
import { pathToName } from '../../../lib/formErrors';
import { fieldLabel, type DraftFieldKey } from './BasicFields';

export function useFieldLabel() {
  const { t } = useTranslation();
  const nested = (head: 'fee' | 'consultation' | 'complaint', key: string | number): string => {
    if (head === 'fee') return t(key === 'standard' ? 'admin.fields.feeStandard' : key === 'basis' ? 'admin.fields.feeBasis' : 'admin.fields.feeCharged');
    if (head === 'consultation') return t(key === 'phone' ? 'admin.fields.consultationPhone' : 'admin.fields.consultationChannels');
    return t(key === 'phone' ? 'admin.fields.complaintPhone' : 'admin.fields.complaintChannels');
  };
  return (path: string): string => {
    const [head, a, b] = pathToName(path);
    if (typeof head !== 'string') return t('admin.editor.wholeItem');
    if (head === 'materials' && typeof a === 'number') {
      const entry = t('admin.material.entry', { n: a + 1 });
      return typeof b === 'string' ? `${entry} · ${t(`admin.material.${b as 'name'}`, { defaultValue: b })}` : entry;
    }
    if (head === 'faqs' && typeof a === 'number') {
      const entry = t('admin.faq.entry', { n: a + 1 });
      return typeof b === 'string' ? `${entry} · ${t(b === 'answer' ? 'admin.faq.answer' : 'admin.faq.question')}` : entry;
    }
    if (head === 'process' && typeof a === 'number') return `${t('admin.fields.process')} · ${t('guide.step', { n: a + 1 })}`;
    if (head === 'form') return [t('itemForms.fields.form'), ...pathToName(path).slice(2)].join(' · ');
    if (head === 'workflow') {
      const [, , stage, , task] = pathToName(path);
      return [t('itemForms.fields.workflow'), typeof stage === 'number' ? t('itemForms.workflow.stage', { n: stage + 1 }) : null,
        typeof task === 'number' ? t('itemForms.workflow.task', { n: task + 1 }) : null].filter(Boolean).join(' · ');
    }
    if (head === 'commitment' || head === 'deliveryModes') return t(`itemForms.fields.${head}`);
    if (head === 'fee' || head === 'consultation' || head === 'complaint') return a === undefined ? fieldLabel(t, head) : nested(head, a);
    return t(`admin.fields.${head as DraftFieldKey}`, { defaultValue: path });
  };
}

export function ErrorSummary({ errors, onJump }: { errors: FieldError[]; onJump: (path: string) => void }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  if (!errors.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="tb-gap-bottom"
      title={t('admin.editor.errorsTitle', { count: errors.length })}
      description={
        <ul className="tb-plain-list">
          {errors.map((e, i) => (
            <li key={`${e.path}-${i}`}>
              <button type="button" className="tb-link-like" onClick={() => onJump(e.path)}><strong>{label(e.path)}</strong></button>：{e.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
