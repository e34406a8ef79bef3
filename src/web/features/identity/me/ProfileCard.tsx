// The account's profile (masked ID number and mobile, real-name level, roles) and staff departments.
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/identity';
import { LinkButton } from '../../../components/LinkButton';
import { formatDateTime } from '../../../lib/format';
import { RealNameVerify } from '../../realname/RealNameVerify';
import { hasRole } from '../api';

type Role = Me['roles'][number];

export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: Role) => t(`roles.${role}`);
}

export function ProfileCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const level = me.realNameLevel >= 2 ? 2 : me.realNameLevel === 1 ? 1 : 0;
  return (
    <section aria-labelledby="me-profile">
      <Card className="tb-card" title={<h2 id="me-profile" className="tb-card-title">{t('me.profile')}</h2>}>
        <div data-testid="profile">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'username', label: t('me.username'), children: me.username },
              { key: 'name', label: t('me.name'), children: me.name },
              ...(me.idNumberMasked ? [{ key: 'id', label: t('me.idNumber'), children: me.idNumberMasked }] : []),
              { key: 'mobile', label: t('me.mobile'), children: me.mobileMasked },
              { key: 'email', label: t('me.email'), children: me.email || t('me.notSet') },
              ...(me.kind === 'person' ? [{
                key: 'level', label: t('me.realName'),
                children: <>
                  <Tag className={level >= 2 ? 'tb-tag-green' : level === 1 ? undefined : 'tb-tag-orange'} color={level === 1 ? 'blue' : undefined}>{t(`me.level${level}`)}</Tag>
                  {level === 1 && <RealNameVerify />}
                </>,
              }] : []),
              { key: 'roles', label: t('me.roles'), children: me.roles.length ? me.roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>) : t('me.noRoles') },
              { key: 'session', label: t('me.sessionUntil'), children: formatDateTime(me.sessionExpiresAt) },
            ]}
          />
        </div>
      </Card>
    </section>
  );
}

export function StaffCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <section aria-labelledby="me-staff">
      <Card
        className="tb-card"
        title={<h2 id="me-staff" className="tb-card-title">{t('me.departments')}</h2>}
        extra={hasRole(me, 'operator') ? <LinkButton to="/admin/items" type="primary">{t('me.adminLink')}</LinkButton> : undefined}
      >
        {me.departments.length === 0 ? (
          <p>{t('me.noDepartments')}</p>
        ) : (
          <ul className="tb-plain-list tb-stack">
            {me.departments.map((d) => (
              <li key={d.code}>
                <strong>{d.name}</strong>{' '}
                {d.roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>)}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
