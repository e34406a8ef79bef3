// Step 4 — 确认提交: everything the applicant is about to submit, and the date it should be done by.
import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplyFormView } from '../../../../contract/applications';
import { formatDate } from '../../../lib/format';
import { FormDataView } from '../FormDataView';
import { coveredByCommitment, visibleFormData, type ApplyState } from './state';

export function ReviewStep({ view, state }: { view: ApplyFormView; state: ApplyState }) {
  const { t } = useTranslation();
  const covered = coveredByCommitment(view, state);
  const enterprise = view.enterprises.find((e) => e.creditCode === state.enterpriseCreditCode);
  const { delivery } = state;

  const materialStatus = (index: number) => {
    const entry = state.materials[index];
    if (view.materials[index].governmentHeld && entry?.governmentHeld) return t('material.governmentHeld');
    if (entry?.files.length) return t('applications.review.files', { count: entry.files.length });
    if (covered.has(index)) return t('applications.review.byCommitment');
    return t('applications.review.notProvided');
  };

  return (
    <>
      <div className="tb-due-estimate" role="note" aria-labelledby="review-due-label">
        <span id="review-due-label" className="tb-muted">{t('applications.review.estimatedDue')}</span>
        <strong className="tb-due-estimate-date">
          {view.estimatedDueOn ? t('applications.review.dueOn', { date: formatDate(view.estimatedDueOn) }) : t('applications.review.immediate')}
        </strong>
        <span className="tb-muted tb-small">{t('applications.review.limit', { count: view.item.promisedLimitDays })}</span>
      </div>
      {view.estimatedDueProvisional && (
        <Alert type="warning" showIcon className="tb-gap-bottom" title={t('applications.review.provisional')} />
      )}

      <h3 className="tb-subheading">{t('applications.review.applicant')}</h3>
      <Descriptions size="small" column={1} bordered items={[
        { key: 'item', label: t('applications.review.item'), children: `${view.item.name}（${view.item.department.name}）` },
        ...(enterprise ? [{ key: 'enterprise', label: t('applications.apply.enterprise'), children: `${enterprise.name}（${enterprise.creditCode}）` }] : []),
        ...(state.clerk.enabled ? [{ key: 'behalf', label: t('applications.review.onBehalfOf'), children: state.clerk.idNumber.replace(/^(.{3}).*(.{4})$/, '$1***********$2') }] : []),
      ]} />

      <h3 className="tb-subheading">{t('applications.steps.form')}</h3>
      <FormDataView form={view.form} data={visibleFormData(view, state.formData)} headingLevel={4} />

      <h3 className="tb-subheading">{t('applications.steps.materials')}</h3>
      {view.commitment && (
        <p>{state.commitmentSigned ? t('applications.review.commitmentSigned') : t('applications.review.commitmentNotSigned')}</p>
      )}
      {view.materials.length === 0 ? <p className="tb-muted">{t('applications.materials.none')}</p> : (
        <Descriptions size="small" column={1} bordered items={view.materials.map((m, index) => ({
          key: String(index), label: `${index + 1}. ${m.name}`, children: materialStatus(index),
        }))} />
      )}

      <h3 className="tb-subheading">{t('applications.steps.delivery')}</h3>
      <Descriptions size="small" column={1} bordered items={[
        { key: 'mode', label: t('applications.delivery.mode'), children: delivery.mode ? t(`applications.delivery.modes.${delivery.mode}`) : '—' },
        ...(delivery.mode === 'post' ? [
          { key: 'recipient', label: t('applications.delivery.recipient'), children: delivery.recipient ?? '' },
          { key: 'mobile', label: t('applications.delivery.mobile'), children: delivery.mobile ?? '' },
          { key: 'address', label: t('applications.delivery.address'), children: delivery.address ?? '' },
        ] : []),
      ]} />
    </>
  );
}
