// The person's enterprises (as legal representative or agent), with agent management.
import { useState } from 'react';
import { Button, Card, Empty, Tag } from 'antd';
import { BankOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EnterpriseSummary, Me } from '../../../../contract/identity';
import { LinkButton } from '../../../components/LinkButton';
import { AgentsModal } from './AgentsModal';

export function EnterprisesCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [managing, setManaging] = useState<EnterpriseSummary | null>(null);
  const relation = (r: string) => (r === 'legal_representative' ? t('me.relation.legal_representative') : r === 'agent' ? t('me.relation.agent') : r);
  return (
    <section aria-labelledby="me-enterprises">
      <Card
        className="tb-card"
        title={<h2 id="me-enterprises" className="tb-card-title">{t('me.enterprises')}</h2>}
        extra={<LinkButton to="/register/enterprise" icon={<PlusOutlined aria-hidden />}>{t('me.registerEnterprise')}</LinkButton>}
      >
        {me.enterprises.length === 0 ? (
          <Empty description={t('me.noEnterprises')} />
        ) : (
          <ul className="tb-plain-list tb-enterprise-list">
            {me.enterprises.map((e) => (
              <li key={e.id} className="tb-enterprise">
                <div className="tb-enterprise-main">
                  <h3 className="tb-enterprise-name"><BankOutlined aria-hidden /> {e.name}</h3>
                  <Tag color={e.relation === 'legal_representative' ? 'geekblue' : undefined}>{relation(e.relation)}</Tag>
                </div>
                <dl className="tb-inline-facts">
                  <div><dt>{t('me.creditCode')}</dt><dd>{e.creditCodeMasked}</dd></div>
                  <div><dt>{t('me.legalRepresentative')}</dt><dd>{e.legalRepresentativeMasked}</dd></div>
                </dl>
                <Button icon={<TeamOutlined aria-hidden />} onClick={() => setManaging(e)} aria-label={t('me.agents.manageFor', { name: e.name })}>
                  {t('me.agents.manage')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {managing && <AgentsModal enterprise={managing} onClose={() => setManaging(null)} />}
    </section>
  );
}
