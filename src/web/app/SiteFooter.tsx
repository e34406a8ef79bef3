// Footer: 12345 hotline, sponsor, accessibility statement.
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="tb-footer">
      <div className="tb-container tb-footer-inner">
        <section aria-labelledby="tb-footer-hotline" className="tb-footer-col">
          <h2 id="tb-footer-hotline" className="tb-footer-heading">{t('footer.hotlineTitle')}</h2>
          <p className="tb-footer-hotline">
            <PhoneOutlined aria-hidden /> <a href="tel:12345">12345</a>
          </p>
          <p>{t('footer.hotlineHours')}</p>
        </section>
        <section aria-labelledby="tb-footer-about" className="tb-footer-col">
          <h2 id="tb-footer-about" className="tb-footer-heading">{t('footer.aboutTitle')}</h2>
          <p>{t('footer.sponsor')}</p>
          <p>{t('footer.operator')}</p>
        </section>
        <nav aria-label={t('footer.linksTitle')} className="tb-footer-col">
          <h2 className="tb-footer-heading">{t('footer.linksTitle')}</h2>
          <ul className="tb-plain-list tb-footer-links">
            <li><Link to="/progress">{t('applications.nav.progress')}</Link></li>
            <li><Link to="/accessibility">{t('footer.accessibility')}</Link></li>
            <li><Link to="/themes">{t('nav.themes')}</Link></li>
            <li><Link to="/departments">{t('nav.departments')}</Link></li>
          </ul>
        </nav>
      </div>
      <div className="tb-container tb-footer-bottom">
        <p>{t('footer.copyright')}</p>
      </div>
    </footer>
  );
}
