// The workbench's own navigation: 待办任务 for department staff, 受理 for window clerks.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../identity/api';
import { canAccept, canHandOver, inboxDepartments } from './access';
import './workbench.css';

export function WorkbenchNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links = [
    ...(inboxDepartments(me).length > 0 ? [{ to: '/workbench', label: t('workbench.inboxNav') }] : []),
    ...(canAccept(me) ? [{ to: '/workbench/acceptance', label: t('workbench.acceptanceNav') }] : []),
    ...(canHandOver(me) ? [{ to: '/workbench/pickup', label: t('workbench.pickupNav') }] : []),
  ];
  if (links.length < 2) return null;
  return (
    <nav aria-label={t('workbench.nav')} className="wb-nav">
      <ul className="tb-plain-list wb-nav-list">
        {links.map((link) => (
          <li key={link.to}><NavLink to={link.to} end className="wb-nav-link">{link.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
