// /me/cases/:caseNo — one case as its applicant follows it: status and promised date, which
// departments hold it, each department's progress and opinion, the timeline, what was filed, any
// supplement requests, withdraw, and the result. Asked again on focus and every half minute.
import { Alert, Breadcrumb, Card, Col, Row, Skeleton, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { PageSkeleton } from '../../components/PageSkeleton';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../lib/format';
import type { SubmittedState } from './ApplyPage';
import { useCase, useCaseItem } from './api';
import { CaseMaterials } from './case/CaseMaterials';
import { CaseSummary } from './case/CaseSummary';
import { CaseTimeline } from './case/CaseTimeline';
import { ResultBlock } from './case/ResultBlock';
import { SupplementPanel } from './case/SupplementPanel';
import { TaskProgress } from './case/TaskProgress';
import { WithdrawButton } from './case/WithdrawButton';
import { FormDataView } from './FormDataView';
import { StatusTag } from './labels';
import { LoadFailed } from './LoadFailed';
import './applications.css';

function SubmittedNotice({ submitted }: SubmittedState) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      className="tb-gap-bottom"
      role="status"
      title={t('applications.case.submittedTitle')}
      description={submitted.dueOn
        ? t(submitted.dueProvisional ? 'applications.case.submittedBodyProvisional' : 'applications.case.submittedBody', { caseNo: submitted.caseNo, date: formatDate(submitted.dueOn) })
        : t('applications.case.submittedBodyNoDue', { caseNo: submitted.caseNo })}
    />
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseNo = '' } = useParams();
  const location = useLocation();
  const { data: view, error, isPending, refetch } = useCase(caseNo);
  const { data: item, isPending: itemPending } = useCaseItem(view?.item.code, view?.item.version);
  usePageTitle(view ? t('applications.case.titleNamed', { name: view.item.name }) : t('applications.case.title'));
  const submitted = (location.state as SubmittedState | null)?.submitted;

  if (isPending) return <PageSkeleton />;
  if (!view) {
    return (
      <LoadFailed error={error} retry={() => void refetch()} back={<LinkButton type="primary" to="/me/cases">{t('applications.case.backToList')}</LinkButton>}
        notFoundTitle={t('applications.case.notFound')} failedTitle={t('applications.case.title')} notFoundBody={t('applications.case.notFoundBody')} />
    );
  }

  const canWithdraw = view.actions.includes('withdraw');

  return (
    <div className="tb-container tb-page tb-case-page">
      <Breadcrumb className="tb-breadcrumb" items={[
        { title: <Link to="/me">{t('nav.me')}</Link> },
        { title: <Link to="/me/cases">{t('applications.cases.title')}</Link> },
        { title: view.caseNo },
      ]} />
      {submitted?.caseNo === view.caseNo && <SubmittedNotice submitted={submitted} />}
      <div className="tb-page-head">
        <div className="tb-case-heading">
          <Typography.Title level={1} className="tb-page-title">{view.item.name}</Typography.Title>
          <StatusTag status={view.status} result={view.result} />
        </div>
        {canWithdraw && <WithdrawButton caseNo={view.caseNo} />}
      </div>

      <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.case.overview')}</h2>}>
        <ResultBlock view={view} />
        <div className={view.status === 'concluded' || view.status === 'not_accepted' || view.status === 'withdrawn' ? 'tb-gap-top' : undefined}>
          <CaseSummary view={view} />
        </div>
      </Card>

      {view.supplementRequests.length > 0 && (
        <Card className="tb-card tb-card-attention">
          <SupplementPanel key={view.supplementRequests.map((r) => r.taskId).join()} view={view} item={item} />
        </Card>
      )}

      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.progress.title')}</h2>}>
            <TaskProgress tasks={view.tasks} />
          </Card>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.case.formData')}</h2>}>
            {/* without the form's labels the answers would show as raw field names */}
            {itemPending ? <Skeleton active title={false} paragraph={{ rows: 4 }} /> : <FormDataView form={item?.form} data={view.formData} masked />}
          </Card>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.case.materials')}</h2>}>
            <CaseMaterials view={view} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card className="tb-card" title={<h2 className="tb-card-title">{t('applications.case.timeline')}</h2>}>
            <CaseTimeline entries={view.timeline} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
