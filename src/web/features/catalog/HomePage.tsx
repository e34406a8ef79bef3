// Portal home: search first, then life-event themes, hot services, notices and departments.
import { Col, Row } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../components/SearchBox';
import { usePageTitle } from '../../components/usePageTitle';
import { DepartmentGrid } from './home/DepartmentGrid';
import { HotServices } from './home/HotServices';
import { NoticeList } from './home/NoticeList';
import { ThemeTabs } from './home/ThemeTabs';

/** Popular searches: the query stays Chinese (the catalogue's language); the label is translated. */
const HOT_WORDS = [
  { key: 'businessLicence', q: '营业执照' },
  { key: 'housingFund', q: '公积金提取' },
  { key: 'birth', q: '生孩子' },
  { key: 'socialCard', q: '社保卡' },
  { key: 'residence', q: '居住证' },
  { key: 'driving', q: '驾驶证' },
  { key: 'retirement', q: '退休' },
  { key: 'company', q: '开公司' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(undefined);

  return (
    <>
      <section className="tb-hero" aria-labelledby="tb-hero-title">
        <div className="tb-container tb-hero-inner">
          <h1 id="tb-hero-title" className="tb-hero-title">
            {t('home.heroTitle')}<span className="tb-hero-slogan">{t('home.heroSlogan')}</span>
          </h1>
          <p className="tb-hero-subtitle">{t('home.heroSubtitle')}</p>
          <SearchBox id="tb-home-search" onSearch={(q) => navigate(q ? `/items?q=${encodeURIComponent(q)}` : '/items')} />
          <div className="tb-hot-words">
            <span id="tb-hot-words-label">{t('home.hotWordsLabel')}</span>
            <ul aria-labelledby="tb-hot-words-label" className="tb-inline-list">
              {HOT_WORDS.map((word) => (
                <li key={word.key}>
                  <Link to={`/items?q=${encodeURIComponent(word.q)}`}>{t(`home.hotWords.${word.key}`)}</Link>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
      <div className="tb-container tb-page tb-home">
        <ThemeTabs />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <HotServices />
          </Col>
          <Col xs={24} lg={9}>
            <NoticeList />
          </Col>
        </Row>
        <DepartmentGrid />
      </div>
    </>
  );
}
