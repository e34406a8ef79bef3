// /me — 个人中心: profile, enterprises (and their agents), staff departments, password, sign-out everywhere.
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton';
import { usePageTitle } from '../../components/usePageTitle';
import { CasesShortcutCard } from '../applications/cases/CasesShortcutCard';
import { DataUsesShortcutCard } from '../exchange/DataUsesShortcutCard';
import { LicencesShortcutCard } from '../licences/LicencesShortcutCard';
import { useMe } from './api';
import { EnterprisesCard } from './me/EnterprisesCard';
import { ProfileCard, StaffCard } from './me/ProfileCard';
import { SecurityCard } from './me/SecurityCard';

export function MePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t('me.title'));
  if (!me) return <PageSkeleton />;
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">{t('me.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <ProfileCard me={me} />
          {me.kind === 'person' && <EnterprisesCard me={me} />}
          {(me.departments.length > 0 || me.kind === 'staff') && <StaffCard me={me} />}
        </Col>
        <Col xs={24} lg={9}>
          {me.kind === 'person' && <CasesShortcutCard />}
          {me.kind === 'person' && <LicencesShortcutCard />}
          {me.kind === 'person' && <DataUsesShortcutCard />}
          <SecurityCard username={me.username} />
        </Col>
      </Row>
    </div>
  );
}
