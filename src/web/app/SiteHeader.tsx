// Site header: brand, main navigation, language switch and the account area; on phones the
// navigation moves into a drawer behind a menu button.
import { useEffect, useState } from 'react';
import { Button, Drawer } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/identity/api';
import { useUnreadPolling } from '../features/notifications/api';
import { MessagesLink } from '../features/notifications/MessagesLink';
import { isStaff, workbenchHome } from '../features/workbench/access';
import { AccountArea } from './AccountArea';
import { LanguageSwitch } from './LanguageSwitch';

function NavLinks({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/items', label: t('nav.search'), end: true },
    { to: '/themes', label: t('nav.themes') },
    { to: '/departments', label: t('nav.departments') },
    ...(me?.kind === 'person' ? [{ to: '/me/cases', label: t('applications.nav.myCases') }] : []),
    ...(hasRole(me, 'operator') ? [{ to: '/admin/items', label: t('nav.admin') }] : []),
    ...(isStaff(me) ? [{ to: workbenchHome(me), label: t('workbench.title') }] : []),
  ];
  return (
    <ul className={vertical ? 'tb-nav-list tb-nav-list-vertical' : 'tb-nav-list'}>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} end={link.end} className="tb-nav-link">{link.label}</NavLink>
        </li>
      ))}
    </ul>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const { data: me } = useMe();
  useUnreadPolling(!!me);
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);

  return (
    <header className="tb-header">
      <div className="tb-container tb-header-inner">
        <Link to="/" className="tb-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span className="tb-brand-text">
            <span className="tb-brand-name">{t('app.name')}</span>
            <span className="tb-brand-sub">{t('app.short')}</span>
          </span>
        </Link>
        <nav aria-label={t('nav.main')} className="tb-desktop-only tb-nav">
          <NavLinks />
        </nav>
        <div className="tb-header-actions tb-desktop-only">
          <LanguageSwitch />
          <AccountArea />
        </div>
        <MessagesLink className="tb-mobile-only" />
        <Button
          className="tb-mobile-only"
          type="text"
          size="large"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('nav.openMenu')}
          aria-expanded={menuOpen}
          aria-controls="tb-mobile-menu"
          onClick={() => setMenuOpen(true)}
        />
      </div>
      <Drawer
        id="tb-mobile-menu"
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        placement="right"
        size={300}
        title={t('nav.menu')}
        closable={{ 'aria-label': t('nav.closeMenu') }}
      >
        <nav aria-label={t('nav.main')}>
          <NavLinks vertical />
        </nav>
        <div className="tb-drawer-section">
          <LanguageSwitch />
        </div>
        <div className="tb-drawer-section">
          <AccountArea vertical />
        </div>
      </Drawer>
    </header>
  );
}
