// Step 2 — 上传材料: the commitment (告知承诺) where the item offers one, then the checklist: each
// material with its requirement text, and an upload, 免提交, or "covered by your commitment".
import { Alert, Checkbox, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApplyFormView } from '../../../../contract/applications';
import type { Material } from '../../../../contract/catalog';
import { MaterialUpload } from '../../files/MaterialUpload';
import { FieldError } from '../FieldError';
import { coveredByCommitment, type ApplyState, type MaterialEntry } from './state';

/** The checklist's own check: a required material needs files, 免提交 or the commitment. Key -1 is the commitment. */
export function materialErrors(view: ApplyFormView, state: ApplyState, t: TFunction): Record<number, string[]> {
  const covered = coveredByCommitment(view, state);
  const errors: Record<number, string[]> = {};
  view.materials.forEach((m, index) => {
    const entry = state.materials[index];
    if (!m.required || covered.has(index)) return;
    if (m.governmentHeld && entry?.governmentHeld) return;
    if (!entry?.files.length) errors[index] = [t('applications.materials.missing', { name: m.name })];
  });
  return errors;
}

function MaterialMeta({ material }: { material: Material }) {
  const { t } = useTranslation();
  const counts = [
    material.originals ? t('material.originals', { count: material.originals }) : '',
    material.copies ? t('material.copiesN', { count: material.copies }) : '',
  ].filter(Boolean).join(t('material.separator'));
  return (
    <p className="tb-muted tb-small tb-material-meta">
      {counts || t(`material.form.${material.form}`)}{material.issuer ? ` · ${material.issuer}` : ''}
    </p>
  );
}

export function MaterialsStep({ view, state, onChange, onMaterial, errors, disabled }: {
  view: ApplyFormView;
  state: ApplyState;
  onChange: (patch: Partial<ApplyState>) => void;
  onMaterial: (index: number, entry: MaterialEntry) => void;
  errors: Record<number, string[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const covered = coveredByCommitment(view, state);
  const { commitment } = view;

  return (
    <>
      {commitment && (
        <section className="tb-commitment" aria-labelledby="apply-commitment-title">
          <h3 id="apply-commitment-title" className="tb-subheading">{t('applications.materials.commitmentTitle')}</h3>
          <p className="tb-muted tb-small">{t('applications.materials.commitmentIntro', { days: commitment.postCheckDays })}</p>
          <div className="tb-commitment-text tb-pre-line" tabIndex={0} role="region" aria-label={t('applications.materials.commitmentText')}>{commitment.text}</div>
          <Checkbox
            checked={state.commitmentSigned}
            disabled={disabled}
            onChange={(e) => onChange({ commitmentSigned: e.target.checked })}
            aria-describedby={errors[-1] ? 'apply-commitment-error' : undefined}
          >
            {t('applications.materials.commitmentSign')}
          </Checkbox>
          <FieldError id="apply-commitment-error" messages={errors[-1]} />
        </section>
      )}
      {view.materials.length === 0 ? (
        <Alert type="success" showIcon title={t('applications.materials.none')} />
      ) : (
        <ol className="tb-plain-list tb-checklist" aria-label={t('applications.materials.checklist')}>
          {view.materials.map((m, index) => {
            const entry = state.materials[index] ?? { files: [], governmentHeld: false };
            const headingId = `material-${index}-name`;
            return (
              <li key={index} className="tb-checklist-item" aria-labelledby={headingId}>
                <div className="tb-checklist-head">
                  <h3 id={headingId} className="tb-checklist-name">{index + 1}. {m.name}</h3>
                  <Tag className={m.required ? 'tb-tag-red' : ''}>{t(m.required ? 'material.required' : 'material.optional')}</Tag>
                  {m.governmentHeld && <Tag className="tb-tag-green">{t('material.governmentHeld')}</Tag>}
                </div>
                <MaterialMeta material={m} />
                {m.requirement && <p className="tb-pre-line tb-checklist-requirement">{m.requirement}</p>}
                {covered.has(index) ? (
                  <Alert type="success" showIcon title={t('applications.materials.covered')} />
                ) : (
                  <MaterialUpload
                    material={m}
                    index={index}
                    value={entry.files}
                    disabled={disabled}
                    onChange={(files) => onMaterial(index, { ...entry, files })}
                    allowGovernmentHeld={m.governmentHeld}
                    governmentHeld={m.governmentHeld && entry.governmentHeld}
                    onGovernmentHeldChange={(governmentHeld) => onMaterial(index, { ...entry, governmentHeld })}
                  />
                )}
                {m.governmentHeld && entry.governmentHeld && entry.files.length === 0 && !covered.has(index) && (
                  <p className="tb-small tb-apply-held-verified">{t('applications.held.verifyOnSubmit')}</p>
                )}
                <FieldError id={`material-${index}-error`} messages={errors[index]} />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
