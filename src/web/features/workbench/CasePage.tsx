// /workbench/cases/:caseNo — 办件详情 for staff: the case, its form and materials, every department's
// task and opinion, the history, and beside them the panel for what the caller may do now.
import { useState } from 'react';
import { Breadcrumb, Card, Col, Result, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { LinkButton } from '../../components/LinkButton';
import { isApiError } from '../../lib/api';
import { useMe } from '../identity/api';
import { canHandOver, workbenchHome } from './access';
import { useItemVersion, useStaffCase } from './api';
import { AcceptancePanel } from './case/AcceptancePanel';
import { CaseStatusTags, CaseSummary } from './case/CaseSummary';
import { ConflictAlert, TaskDecision } from './case/DecisionPanel';
import { fieldLabel, supplementFieldOptions } from './case/formFields';
import { FormDataCard } from './case/FormDataCard';
import { MaterialsCard } from './case/MaterialsCard';
import { OpinionsCard } from './case/OpinionsCard';
import { PickupPanel } from './case/PickupPanel';
import { TimelineCard } from './case/TimelineCard';
import { WorkbenchNav } from './WorkbenchNav';
import './workbench.css';

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseNo = '' } = useParams();
  const { data: me } = useMe();
  const { data: view, error, isPending, refetch } = useStaffCase(caseNo);
  const [conflict, setConflict] = useState<unknown>(null);
  const itemQuery = useItemVersion(view?.item.code, view?.item.version);
  const item = itemQuery.data;
  usePageTitle(t('workbench.case.titleWithNo', { caseNo }));
  const home = workbenchHome(me);
  const en = i18n.language === 'en';

  const breadcrumb = (
    <Breadcrumb className="tb-breadcrumb" items={[
      { title: <Link to={home}>{t('workbench.title')}</Link> },
      { title: t('workbench.case.title') },
    ]} />
  );

  if (isPending) return <PageSkeleton />;
  if (!view) {
    const missing = isApiError(error) && error.status === 404;
    return (
      <div className="tb-container tb-page wb-page">
        <WorkbenchNav />
        {breadcrumb}
        <Typography.Title level={1} className="tb-page-title">{t('workbench.case.title')}</Typography.Title>
        <Card className="tb-card">
          {missing
            ? <Result status="404" title={t('workbench.case.notFound')} extra={<LinkButton to={home} type="primary">{t('workbench.case.back')}</LinkButton>} />
            : <ProblemAlert error={error} />}
        </Card>
      </div>
    );
  }

  const materialNames = new Map<number, string>();
  item?.materials.forEach((m, index) => materialNames.set(index, m.name));
  view.materials.forEach((m) => materialNames.set(m.index, m.name));
  const materialOptions = [...materialNames].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ value, label }));
  const fieldOptions = supplementFieldOptions(item?.form, view.formData, en);
  const openTasks = view.myTasks.filter((task) => task.status === 'open');
  // a result waiting at (or collected from) a window: clerks hand it over here
  const pickup = canHandOver(me) && view.status === 'concluded' && view.result !== 'denied' && view.delivery.mode === 'window';
  const refresh = () => {
    setConflict(null);
    void refetch();
  };

  return (
    <div className="tb-container tb-page wb-page">
      <WorkbenchNav />
      {breadcrumb}
      <div className="wb-case-head">
        <div>
          <Typography.Title level={1} className="tb-page-title">{t('workbench.case.title')}</Typography.Title>
          <p className="tb-muted">{view.item.name} · <span className="wb-case-no">{view.caseNo}</span></p>
        </div>
        <CaseStatusTags view={view} />
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={16}>
          <CaseSummary view={view} />
          <FormDataCard form={item?.form} data={view.formData} loading={itemQuery.isPending} />
          <MaterialsCard view={view} />
          <OpinionsCard view={view}
            materialName={(index) => materialNames.get(index) ?? String(index + 1)}
            fieldName={(name) => fieldLabel(item?.form, name, en)} />
          <TimelineCard timeline={view.timeline} />
        </Col>
        <Col xs={24} lg={8}>
          <div className="wb-side">
            {conflict ? <ConflictAlert error={conflict} onRefresh={refresh} /> : null}
            {view.staffActions.length > 0 && (
              <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.acceptance.panelTitle')}</h2>}>
                <AcceptancePanel view={view} onConflict={setConflict} />
              </Card>
            )}
            {openTasks.length > 0 && (
              <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.decision.title')}</h2>}>
                {openTasks.map((task) => (
                  <TaskDecision key={task.id} task={task} materials={materialOptions} fields={fieldOptions} onConflict={setConflict} />
                ))}
              </Card>
            )}
            {pickup && (
              <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.pickup.panelTitle')}</h2>}>
                <PickupPanel caseNo={view.caseNo} />
              </Card>
            )}
            {view.staffActions.length === 0 && openTasks.length === 0 && !pickup && (
              <Card className="tb-card"><p className="tb-muted">{t('workbench.decision.noTasks')}</p></Card>
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
