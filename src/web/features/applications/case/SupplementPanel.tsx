// 补正: what each department asked for, and (while the case waits for it) the supplement form —
// the requested fields, new files for the requested materials, and a note.
import { useMemo, useRef, useState } from 'react';
import { App, Alert, Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView, FileRef, SupplementBody } from '../../../../contract/applications';
import type { ItemView } from '../../../../contract/catalog';
import type { ItemForm } from '../../../../contract/forms';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SchemaForm, type SchemaFormHandle } from '../../../components/schema-form';
import { isApiError, type FieldError as ApiFieldError } from '../../../lib/api';
import { pathToName } from '../../../lib/formErrors';
import { busy, formatDateTime } from '../../../lib/format';
import { MaterialUpload } from '../../files/MaterialUpload';
import { FieldError } from '../FieldError';
import { useSupplement } from '../api';

/** The item's form cut down to the fields the departments asked for (other values stay for showIf). */
function subForm(form: ItemForm, fields: Set<string>): ItemForm | null {
  if (!fields.size) return null;
  const properties = (form.schema.properties ?? {}) as Record<string, unknown>;
  const required = ((form.schema.required ?? []) as string[]).filter((f) => fields.has(f));
  const sections = form.ui.sections
    .map((s) => ({ ...s, fields: s.fields.filter((f) => fields.has(f)) }))
    .filter((s) => s.fields.length > 0);
  if (!sections.length) return null;
  return {
    schema: { type: 'object', properties: Object.fromEntries(Object.entries(properties).filter(([k]) => fields.has(k))), required },
    ui: { sections, fields: Object.fromEntries(Object.entries(form.ui.fields).filter(([k]) => fields.has(k))) },
  };
}

export function SupplementPanel({ view, item }: { view: CaseView; item: ItemView | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const supplement = useSupplement(view.caseNo);
  const canSupplement = view.actions.includes('supplement');
  const requests = view.supplementRequests;
  const fieldNames = useMemo(() => new Set(requests.flatMap((r) => r.fields)), [requests]);
  const materialIndexes = useMemo(() => [...new Set(requests.flatMap((r) => r.materials))].sort((a, b) => a - b), [requests]);
  const form = item?.form ? subForm(item.form, fieldNames) : null;
  const [formData, setFormData] = useState<Record<string, unknown>>(view.formData);
  const [files, setFiles] = useState<Record<number, FileRef[]>>({});
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);
  const [materialErrors, setMaterialErrors] = useState<Record<number, string[]>>({});
  const formRef = useRef<SchemaFormHandle>(null);

  if (!requests.length) return null;
  const fieldLabel = (name: string) => item?.form?.ui.fields[name]?.label ?? name;
  const materialName = (index: number) => item?.materials[index]?.name ?? view.materials.find((m) => m.index === index)?.name ?? `#${index + 1}`;

  const send = async () => {
    if (form && !((await formRef.current?.validate()) ?? true)) return;
    const missing: Record<number, string[]> = {};
    for (const index of materialIndexes) {
      if (!files[index]?.length) missing[index] = [t('applications.supplement.fileRequired')];
    }
    setMaterialErrors(missing);
    if (Object.keys(missing).length) return;
    const changed = Object.fromEntries([...fieldNames].filter((k) => JSON.stringify(formData[k]) !== JSON.stringify(view.formData[k])).map((k) => [k, formData[k]]));
    const body: SupplementBody = {
      ...(Object.keys(changed).length ? { formData: changed } : {}),
      materials: materialIndexes.map((index) => ({ index, fileIds: (files[index] ?? []).map((f) => f.id) })),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    supplement.mutate(body, {
      onSuccess: () => void message.success(t('applications.supplement.done')),
      onError: (error) => {
        if (!isApiError(error)) return;
        const forForm: ApiFieldError[] = [];
        for (const e of error.fieldErrors) {
          const [head, name] = pathToName(e.path.replace(/\./g, '/'));
          if (head === 'formData' && typeof name === 'string') forForm.push({ ...e, path: `formData.${name}` });
        }
        setFieldErrors(forForm);
      },
    });
  };

  return (
    <section aria-labelledby="supplement-title" className="tb-supplement">
      <h2 id="supplement-title" className="tb-card-title">{t('applications.supplement.title')}</h2>
      <ul className="tb-plain-list tb-supplement-requests">
        {requests.map((r) => (
          <li key={r.taskId} className="tb-supplement-request">
            <p><strong>{r.departmentName}</strong> <span className="tb-muted tb-small">{formatDateTime(r.requestedAt)}</span></p>
            <p className="tb-pre-line">{r.comment}</p>
            {r.fields.length > 0 && <p className="tb-small">{t('applications.supplement.fields')}{r.fields.map(fieldLabel).join('、')}</p>}
            {r.materials.length > 0 && <p className="tb-small">{t('applications.supplement.materials')}{r.materials.map(materialName).join('、')}</p>}
          </li>
        ))}
      </ul>
      {canSupplement && (
        <div className="tb-supplement-form">
          <Alert type="warning" showIcon className="tb-gap-bottom" title={t('applications.supplement.paused')} />
          <ProblemAlert error={supplement.error} className="tb-gap-bottom" />
          {form && (
            <SchemaForm ref={formRef} form={form} value={formData} onChange={setFormData} serverErrors={fieldErrors} disabled={supplement.isPending} />
          )}
          {materialIndexes.map((index) => {
            const material = item?.materials[index];
            if (!material) return null;
            return (
              <div key={index} className="tb-checklist-item">
                <h3 className="tb-checklist-name">{index + 1}. {material.name}</h3>
                {/* a 免提交 material's own text says it need not be uploaded: here a department asks for it */}
                {material.governmentHeld
                  ? <p className="tb-small">{t('applications.supplement.heldRequested')}</p>
                  : material.requirement && <p className="tb-pre-line tb-small">{material.requirement}</p>}
                <MaterialUpload material={material} index={index} value={files[index] ?? []} disabled={supplement.isPending}
                  onChange={(next) => setFiles((f) => ({ ...f, [index]: next }))} />
                <FieldError id={`supplement-material-${index}-error`} messages={materialErrors[index]} />
              </div>
            );
          })}
          <div className="tb-field">
            <label htmlFor="supplement-note" className="tb-field-label">{t('applications.supplement.note')}</label>
            <Input.TextArea id="supplement-note" value={note} maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }}
              disabled={supplement.isPending} onChange={(e) => setNote(e.target.value)} />
          </div>
          <Button type="primary" size="large" onClick={() => void send()} loading={busy(supplement.isPending)}>
            {t('applications.supplement.submit')}
          </Button>
        </div>
      )}
    </section>
  );
}
