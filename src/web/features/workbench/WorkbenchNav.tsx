// The workbench's own navigation: 待办任务 for department staff, 受理 for window clerks, 证照管理 for
// a department's approvers and admins; beside it, 按办件编号查找 for every staff member.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../identity/api';
import { licenceDepartments } from '../licences/access';
import { canAccept, canHandOver, inboxDepartments } from './access';
import { CaseLookup } from './CaseLookup';
import './workbench.css';

export function WorkbenchNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links = [
    ...(inboxDepartments(me).length > 0 ? [{ to: '/workbench', label: t('workbench.inboxNav') }] : []),
    ...(canAccept(me) ? [{ to: '/workbench/acceptance', label: t('workbench.acceptanceNav') }] : []),
    ...(canHandOver(me) ? [{ to: '/workbench/pickup', label: t('workbench.pickupNav') }] : []),
    ...(licenceDepartments(me).length > 0 ? [{ to: '/workbench/licences', label: t('licences.register.nav') }] : []),
  ];
  return (
    <div className="wb-nav">
      {links.length > 1 && (
        <nav aria-label={t('workbench.nav')} className="wb-nav-links">
          <ul className="tb-plain-list wb-nav-list">
            {links.map((link) => (
              <li key={link.to}><NavLink to={link.to} end={link.to === '/workbench'} className="wb-nav-link">{link.label}</NavLink></li>
            ))}
          </ul>
        </nav>
      )}
      <CaseLookup />
    </div>
  );
}
