// /admin/exchange — 共享交换管理 for operators: grants (approve, revoke), a new grant, the catalogue.
import { useState } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';
import { CatalogueBrowser } from './CatalogueBrowser';
import { GrantForm } from './GrantForm';
import { GrantsTable } from './GrantsTable';

export function AdminExchangePage() {
  const { t } = useTranslation();
  usePageTitle(t('exchange.admin.title'));
  const [tab, setTab] = useState('grants');
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">{t('exchange.admin.title')}</Typography.Title>
      <Typography.Paragraph className="tb-muted">{t('exchange.admin.intro')}</Typography.Paragraph>
      <Card className="tb-card">
        <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
          { key: 'grants', label: t('exchange.admin.tabs.grants'), children: <GrantsTable /> },
          { key: 'create', label: t('exchange.admin.tabs.create'), children: <GrantForm onCreated={() => setTab('grants')} /> },
          { key: 'catalogue', label: t('exchange.admin.tabs.catalogue'), children: <CatalogueBrowser /> },
        ]} />
      </Card>
    </div>
  );
}
