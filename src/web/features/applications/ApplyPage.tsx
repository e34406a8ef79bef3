// /apply/:code — 在线办理: fill in the form, provide the materials, choose how to receive the result,
// confirm and submit. The application is saved as a draft as it is filled in, and resumed anywhere.
import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Breadcrumb, Button, Card, Steps, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApplyFormView, CaseView, RegistryPrefillResult } from '../../../contract/applications';
import { LinkButton } from '../../components/LinkButton';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SchemaFormHandle } from '../../components/schema-form';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { busy } from '../../lib/format';
import { hasRole, useMe } from '../identity/api';
import { fetchApplyForm, useApplyForm, useSubmitApplication } from './api';
import { ClerkPanel, clerkErrors } from './apply/ClerkPanel';
import { DeliveryStep, deliveryErrors } from './apply/DeliveryStep';
import { FormStep } from './apply/FormStep';
import { attemptKey, forgetAttempt, settlesAttempt } from './apply/idempotency';
import { MaterialsStep, materialErrors } from './apply/MaterialsStep';
import { RegistryConsentCard } from './apply/RegistryConsentCard';
import { formWithSources } from './apply/registrySources';
import { ReviewStep } from './apply/ReviewStep';
import { SavedIndicator } from './apply/SavedIndicator';
import {
  applicationBody, draftBody, enterpriseOnly, firstStepWithErrors, initialState, noErrors, routeErrors,
  type ApplyState, type MaterialEntry, type RoutedErrors,
} from './apply/state';
import { useDraftAutosave } from './apply/useDraftAutosave';
import { useSavedFileNames } from './apply/useSavedFileNames';
import { LoadFailed } from './LoadFailed';
import './applications.css';

const STEP_KEYS = ['form', 'materials', 'delivery', 'confirm'] as const;

/** Where the case page finds the success message after a submission. */
export interface SubmittedState { submitted: Pick<CaseView, 'caseNo' | 'dueOn' | 'dueProvisional'> }

interface Mode { isClerk: boolean; clerkOnly: boolean; canDraft: boolean }

function ApplyWizard({ view, mode }: { view: ApplyFormView; mode: Mode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const code = view.item.code;
  const [state, setState] = useState<ApplyState>(() => initialState(view, (n) => t('applications.apply.savedFile', { n }), mode.clerkOnly));
  const [prefill, setPrefill] = useState({ values: view.prefill, locked: view.locked });
  // fields filled from registries with the applicant's consent, and where each came from
  const [registrySources, setRegistrySources] = useState<RegistryPrefillResult['sources']>({});
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  const [errors, setErrors] = useState<RoutedErrors>(noErrors);
  const [enterpriseError, setEnterpriseError] = useState<string[]>();
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<SchemaFormHandle>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const submit = useSubmitApplication();

  // fields filled from verified data are locked, except when a clerk applies for someone else
  const locked = state.clerk.enabled ? [] : [...prefill.locked, ...Object.keys(registrySources)];
  const shownView = useMemo(() => ({ ...view, form: formWithSources(view.form, registrySources, t) }), [view, registrySources, t]);
  const registryFilled = (result: RegistryPrefillResult) => {
    setState((s) => ({ ...s, formData: { ...s.formData, ...result.values } }));
    setRegistrySources(result.sources);
  };
  const autosave = useDraftAutosave(code, draftBody(view, state), { enabled: mode.canDraft && !submitted, savedAt: view.draft?.updatedAt ?? null });

  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [step]);

  useSavedFileNames(Object.values(state.materials).flatMap((m) => m.files), (described) => setState((s) => ({
    ...s,
    materials: Object.fromEntries(Object.entries(s.materials).map(([i, m]) => [i, { ...m, files: m.files.map((f) => described.get(f.id) ?? f) }])),
  })));

  const change = (patch: Partial<ApplyState>) => setState((s) => ({ ...s, ...patch }));

  /** Another applicant (a person, or one of the enterprises): prefill and lock the form for them. */
  const chooseEnterprise = async (creditCode: string) => {
    change({ enterpriseCreditCode: creditCode });
    try {
      const next = await fetchApplyForm(code, creditCode || undefined);
      setState((s) => {
        // keep what the person typed; replace what came from the previous prefill
        const typed = Object.fromEntries(Object.entries(s.formData).filter(([k, v]) => !(k in prefill.values) || prefill.values[k] !== v));
        const lockedValues = Object.fromEntries(next.locked.filter((k) => k in next.prefill).map((k) => [k, next.prefill[k]]));
        return { ...s, formData: { ...next.prefill, ...typed, ...lockedValues } };
      });
      setPrefill({ values: next.prefill, locked: next.locked });
    } catch {
      // the form stays as it is; the server applies the verified values on submission anyway
    }
  };
  const changeMaterial = (index: number, entry: MaterialEntry) => setState((s) => ({ ...s, materials: { ...s.materials, [index]: entry } }));

  const goTo = (next: number) => {
    moved.current = true;
    setStep(next);
    setReached((r) => Math.max(r, next));
    window.scrollTo({ top: 0 });
  };

  /** The current step's own checks; shows the messages and says whether it may be left forwards. */
  const checkStep = async (index: number): Promise<boolean> => {
    if (index === 0) {
      const clerk = mode.isClerk ? clerkErrors(state.clerk, t) : {};
      const needEnterprise = enterpriseOnly(view) && !state.enterpriseCreditCode;
      setEnterpriseError(needEnterprise ? [t('applications.apply.enterpriseRequired')] : undefined);
      setErrors((e) => ({ ...e, clerk }));
      const formOk = (await formRef.current?.validate()) ?? true;
      return formOk && !needEnterprise && Object.keys(clerk).length === 0;
    }
    if (index === 1) {
      const found = materialErrors(view, state, t);
      setErrors((e) => ({ ...e, materials: found }));
      return Object.keys(found).length === 0;
    }
    if (index === 2) {
      const found = deliveryErrors(state.delivery, t);
      setErrors((e) => ({ ...e, delivery: found }));
      return Object.keys(found).length === 0;
    }
    return true;
  };

  const next = async () => {
    if (await checkStep(step)) goTo(step + 1);
    else void message.error(t('applications.apply.fixErrors'));
  };

  const send = async () => {
    // earlier steps may have been changed after they were checked
    for (const index of [0, 1, 2]) {
      if (!(await checkStep(index))) {
        goTo(index);
        void message.error(t('applications.apply.fixErrors'));
        return;
      }
    }
    const body = applicationBody(view, state);
    const key = attemptKey(code);
    await autosave.pause();
    submit.mutate({ body, key }, {
      onSuccess: (created) => {
        forgetAttempt(code);
        autosave.stop();
        // the server discarded the draft in the transaction that filed the case
        setSubmitted(true);
        void message.success(t('applications.apply.submitted', { caseNo: created.caseNo }));
        const state: SubmittedState = { submitted: { caseNo: created.caseNo, dueOn: created.dueOn, dueProvisional: created.dueProvisional } };
        navigate(`/me/cases/${encodeURIComponent(created.caseNo)}`, { state });
      },
      onError: (error) => {
        autosave.resume();
        if (settlesAttempt(error)) forgetAttempt(code);
        if (isApiError(error, 'APPLICANT_NOT_REGISTERED')) {
          setErrors({ ...noErrors(), clerk: { idNumber: [error.problem.title] } });
          goTo(0);
          return;
        }
        if (!isApiError(error) || !error.fieldErrors.length) return;
        const routed = routeErrors(error.fieldErrors, body);
        setErrors(routed);
        const target = firstStepWithErrors(routed);
        if (target !== null) goTo(target);
      },
    });
  };

  const stepTitle = t(`applications.steps.${STEP_KEYS[step]}`);
  const pending = submit.isPending;

  return (
    <>
      {mode.isClerk && (
        <ClerkPanel value={state.clerk} onChange={(clerk) => change({ clerk })} errors={errors.clerk} disabled={pending} required={mode.clerkOnly} />
      )}
      <Card className="tb-card">
        <nav aria-label={t('applications.apply.stepsLabel')}>
          <Steps
            className="tb-apply-steps"
            size="small"
            current={step}
            onChange={(target) => { if (target <= reached) goTo(target); }}
            items={STEP_KEYS.map((key, index) => ({ title: t(`applications.steps.${key}`), disabled: index > reached || pending }))}
          />
        </nav>
        <div className="tb-apply-step-head">
          <h2 ref={headingRef} tabIndex={-1} className="tb-apply-step-title">
            <span className="tb-visually-hidden">{t('applications.apply.stepOf', { n: step + 1, total: STEP_KEYS.length })}</span>
            {stepTitle}
          </h2>
          <SavedIndicator savedAt={autosave.savedAt} saving={autosave.saving} failed={autosave.failed} />
        </div>
        {step === 3 && (
          <ProblemAlert error={submit.error} unmatched={errors.other} className="tb-gap-bottom" />
        )}
        <div hidden={step !== 0}>
          {mode.canDraft && !state.clerk.enabled && (view.registryPrefill?.length ?? 0) > 0 && (
            <RegistryConsentCard code={code} offers={view.registryPrefill!} enterpriseCreditCode={state.enterpriseCreditCode || undefined}
              labels={Object.fromEntries(Object.entries(view.form.ui.fields).map(([k, f]) => [k, f.label]))} onFilled={registryFilled} disabled={pending} />
          )}
          <FormStep view={shownView} state={state} onChange={change} onEnterprise={(c) => void chooseEnterprise(c)} locked={locked} formRef={formRef}
            serverErrors={errors.form} enterpriseError={enterpriseError} disabled={pending} />
        </div>
        {step === 1 && <MaterialsStep view={view} state={state} onChange={change} onMaterial={changeMaterial} errors={errors.materials} disabled={pending} />}
        {step === 2 && <DeliveryStep modes={view.deliveryModes} value={state.delivery} onChange={(delivery) => change({ delivery })} errors={errors.delivery} disabled={pending} />}
        {step === 3 && <ReviewStep view={view} state={state} />}
        <div className="tb-apply-actions">
          {step > 0 && <Button size="large" onClick={() => goTo(step - 1)} disabled={pending}>{t('applications.apply.previous')}</Button>}
          {step < 3 && <Button type="primary" size="large" onClick={() => void next()}>{t('applications.apply.next')}</Button>}
          {step === 3 && (
            <Button type="primary" size="large" onClick={() => void send()} loading={busy(pending)}>
              {submit.isError && !settlesAttempt(submit.error) ? t('applications.apply.retrySubmit') : t('applications.apply.submit')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}

export function ApplyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data: me } = useMe();
  const { data: view, error, isPending, refetch } = useApplyForm(code);
  usePageTitle(view ? t('applications.apply.titleNamed', { name: view.item.name }) : t('applications.apply.title'));
  const mode = useMemo<Mode>(() => {
    const isClerk = hasRole(me, 'clerk');
    // a staff account files only on someone's behalf; drafts are kept for citizens
    return { isClerk, clerkOnly: isClerk && me?.kind === 'staff', canDraft: hasRole(me, 'citizen') };
  }, [me]);

  if (isPending) return <PageSkeleton />;
  if (error || !view) {
    return (
      <LoadFailed error={error} retry={() => void refetch()} back={<LinkButton type="primary" to={`/items/${encodeURIComponent(code)}`}>{t('applications.apply.backToGuide')}</LinkButton>}
        notFoundTitle={t('applications.apply.notFound')} failedTitle={t('applications.apply.title')} notFoundBody={t('applications.apply.notFoundBody')} />
    );
  }

  return (
    <div className="tb-container tb-page tb-apply">
      <Breadcrumb className="tb-breadcrumb" items={[
        { title: <Link to="/">{t('nav.home')}</Link> },
        { title: <Link to={`/items/${encodeURIComponent(view.item.code)}`}>{view.item.name}</Link> },
        { title: t('applications.apply.title') },
      ]} />
      <Typography.Title level={1} className="tb-page-title">{t('applications.apply.titleNamed', { name: view.item.name })}</Typography.Title>
      <p className="tb-muted tb-apply-intro">
        {view.item.department.name} · {view.item.promisedLimitDays > 0
          ? t('applications.apply.limit', { count: view.item.promisedLimitDays })
          : t('applications.apply.immediate')}
        {view.draft && <> · {t('applications.apply.resumed')}</>}
      </p>
      <ApplyWizard view={view} mode={mode} />
    </div>
  );
}
