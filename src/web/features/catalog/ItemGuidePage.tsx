// /items/:code — 办事指南: every element of a published item version, laid out for a citizen.
import { Alert, Anchor, Breadcrumb, Card, Col, Collapse, Row, Steps } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useItem } from './api';
import { BasicInfo } from './guide/BasicInfo';
import { GuideHeader } from './guide/GuideHeader';
import { GuideSection, PlainText } from './guide/GuideSection';
import { Contacts, PlaceAndTime } from './guide/Locations';
import { MaterialsTable } from './guide/MaterialsTable';

const SECTIONS = ['basic', 'conditions', 'basis', 'materials', 'process', 'place', 'contactComplaint', 'faq'] as const;

export function ItemGuidePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('version')) || undefined;
  const { data: item, isPending, error } = useItem(code, requested);
  usePageTitle(item?.name ?? t('guide.title'));

  if (isPending) return <PageSkeleton rows={12} />;
  if (isApiError(error, 'NOT_FOUND') || (error && isApiError(error) && error.status === 404)) {
    return <NotFoundPage title={t('guide.notFound')} body={t('guide.notFoundBody')} />;
  }
  if (!item) return <div className="tb-container tb-page"><ProblemAlert error={error} /></div>;

  const sectionTitle = (s: (typeof SECTIONS)[number]) => t(`guide.sections.${s}`);
  const old = item.version !== item.latestVersion;
  const selectVersion = (version: number) => {
    const next = new URLSearchParams(params);
    if (version === item.latestVersion) next.delete('version');
    else next.set('version', String(version));
    setParams(next);
  };

  return (
    <div className="tb-container tb-page">
      <Breadcrumb
        className="tb-breadcrumb"
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to="/items">{t('guide.title')}</Link> },
          { title: item.name },
        ]}
      />
      {old && (
        <Alert
          type="warning"
          showIcon
          role="status"
          className="tb-gap-bottom"
          title={t('guide.oldVersion', { version: item.version, date: formatDate(item.publishedAt) })}
          action={<Link to={`/items/${item.code}`}>{t('guide.viewCurrent', { latest: item.latestVersion })}</Link>}
        />
      )}
      <Card className="tb-card">
        <GuideHeader item={item} onVersion={selectVersion} />
      </Card>
      <Row gutter={16} className="tb-gap-top">
        <Col xs={24} lg={19}>
          <GuideSection id="basic" title={sectionTitle('basic')}><BasicInfo item={item} /></GuideSection>
          <GuideSection id="conditions" title={sectionTitle('conditions')}><PlainText text={item.acceptanceConditions} /></GuideSection>
          <GuideSection id="basis" title={sectionTitle('basis')}><PlainText text={item.legalBasis} /></GuideSection>
          <GuideSection id="materials" title={sectionTitle('materials')}><MaterialsTable materials={item.materials} /></GuideSection>
          <GuideSection id="process" title={sectionTitle('process')}>
            <Steps
              orientation="vertical"
              className="tb-process"
              current={-1}
              items={item.process.map((step, i) => ({ title: t('guide.step', { n: i + 1 }), content: step, status: 'process' as const }))}
            />
          </GuideSection>
          <GuideSection id="place" title={sectionTitle('place')}><PlaceAndTime item={item} department={item.department} /></GuideSection>
          <GuideSection id="contact" title={sectionTitle('contactComplaint')}><Contacts item={item} /></GuideSection>
          <GuideSection id="faq" title={sectionTitle('faq')}>
            {item.faqs.length === 0 ? (
              <p>{t('guide.noFaq')}</p>
            ) : (
              <Collapse items={item.faqs.map((faq, i) => ({ key: i, label: faq.question, children: <PlainText text={faq.answer} /> }))} />
            )}
          </GuideSection>
        </Col>
        <Col xs={0} lg={5}>
          <nav aria-label={t('guide.onThisPage')} className="tb-guide-toc">
            <p className="tb-filter-label">{t('guide.onThisPage')}</p>
            <Anchor offsetTop={16} items={SECTIONS.map((s) => ({ key: s, href: `#${s === 'contactComplaint' ? 'contact' : s}`, title: sectionTitle(s) }))} />
          </nav>
        </Col>
      </Row>
    </div>
  );
}
