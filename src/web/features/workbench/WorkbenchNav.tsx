// The workbench's own navigation: 待办任务 for department staff, 受理 for window clerks, 证照管理 for
// a department's approvers and admins.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../identity/api';
import { licenceDepartments } from '../licences/access';
import { canAccept, canHandOver, inboxDepartments } from './access';
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
  if (links.length < 2) return null;
  return (
    <nav aria-label={t('workbench.nav')} className="wb-nav">
      <ul className="tb-plain-list wb-nav-list">
        {links.map((link) => (
          <li key={link.to}><NavLink to={link.to} end={link.to === '/workbench'} className="wb-nav-link">{link.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
