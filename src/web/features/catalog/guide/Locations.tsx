// 办理地点和时间 (with the department's windows), 咨询方式 and 监督投诉.
import { Col, Row } from 'antd';
import { EnvironmentOutlined, ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department, ItemDraft } from '../../../../contract/catalog';
import { PlainText } from './GuideSection';

export function Phone({ number }: { number: string }) {
  const dial = number.replace(/[^\d+-]/g, '');
  return dial ? <a href={`tel:${dial}`}>{number}</a> : <>{number}</>;
}

export function WindowList({ windows, headingLevel = 4 }: { windows: Department['windows']; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="tb-window-list">
      {windows.map((w) => (
        <li key={w.name + w.address} className="tb-window">
          <Heading className="tb-window-name">{w.name}</Heading>
          <dl className="tb-window-facts">
            <div><dt><EnvironmentOutlined aria-hidden /> {t('guide.place.address')}</dt><dd>{w.address}</dd></div>
            <div><dt><ClockCircleOutlined aria-hidden /> {t('guide.place.hours')}</dt><dd>{w.hours}</dd></div>
            <div><dt><PhoneOutlined aria-hidden /> {t('guide.place.phone')}</dt><dd><Phone number={w.phone} /></dd></div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function PlaceAndTime({ item, department }: { item: ItemDraft; department: Department }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="tb-facts">
        <div><dt>{t('guide.place.handlingPlace')}</dt><dd><PlainText text={item.handlingPlace} /></dd></div>
        <div><dt>{t('guide.place.handlingHours')}</dt><dd><PlainText text={item.handlingHours} /></dd></div>
      </dl>
      {department.windows.length > 0 && (
        <>
          <h3 className="tb-subheading">{t('guide.place.windows')}</h3>
          <WindowList windows={department.windows} />
        </>
      )}
    </>
  );
}

export function Contacts({ item }: { item: ItemDraft }) {
  const { t } = useTranslation();
  const block = (title: string, phoneLabel: string, contact: ItemDraft['consultation']) => (
    <div className="tb-contact">
      <h3 className="tb-subheading">{title}</h3>
      <dl className="tb-facts">
        <div><dt>{phoneLabel}</dt><dd><Phone number={contact.phone} /></dd></div>
        {contact.channels && <div><dt>{t('guide.contact.channels')}</dt><dd><PlainText text={contact.channels} /></dd></div>}
      </dl>
    </div>
  );
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={12}>{block(t('guide.sections.contact'), t('guide.contact.phone'), item.consultation)}</Col>
      <Col xs={24} md={12}>{block(t('guide.sections.complaint'), t('guide.contact.complaintPhone'), item.complaint)}</Col>
    </Row>
  );
}
