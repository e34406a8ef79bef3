// 基本信息: type, department, limits in working days, visits, online depth, scope, fees, channels.
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '../../../../contract/catalog';
import { formatDate } from '../../../lib/format';
import { useItemLabels } from '../labels';

export function BasicInfo({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const f = (key: GuideField) => t(`guide.fields.${key}`);
  const rows: DescriptionsProps['items'] = [
    { key: 'code', label: f('code'), children: item.code },
    { key: 'type', label: f('type'), children: item.typeName || labels.type(item.type) },
    { key: 'department', label: f('department'), children: item.department.name },
    { key: 'audience', label: f('audience'), children: item.audience.map(labels.audience).join('、') },
    { key: 'useLevel', label: f('useLevel'), children: labels.useLevel(item.useLevel) },
    { key: 'projectType', label: f('projectType'), children: labels.projectType(item.projectType) },
    { key: 'legalLimit', label: f('legalLimit'), children: labels.limit(item.legalLimitDays) },
    { key: 'promisedLimit', label: f('promisedLimit'), children: labels.limit(item.promisedLimitDays) },
    { key: 'visits', label: f('visits'), children: t('item.visitsCount', { count: item.visits }) },
    { key: 'onlineDepth', label: f('onlineDepth'), children: labels.depth(item.onlineDepth) },
    { key: 'handleArea', label: f('handleArea'), children: labels.handleArea(item.handleArea) },
    { key: 'fee', label: f('fee'), children: item.fee.charged ? t('guide.charged') : t('guide.free') },
    ...(item.fee.charged ? [
      { key: 'feeStandard', label: f('feeStandard'), children: item.fee.standard || '—', span: 'filled' as const },
      { key: 'feeBasis', label: f('feeBasis'), children: item.fee.basis || '—', span: 'filled' as const },
    ] : []),
    { key: 'appointment', label: f('appointment'), children: labels.yesNo(item.appointment) },
    { key: 'delivery', label: f('delivery'), children: labels.yesNo(item.delivery) },
    { key: 'onlinePayment', label: f('onlinePayment'), children: labels.yesNo(item.onlinePayment) },
    { key: 'result', label: f('result'), children: `${item.resultName}（${labels.resultType(item.resultType)}）` },
    { key: 'published', label: f('published'), children: t('guide.versionOption', { version: item.version, date: formatDate(item.publishedAt) }) },
    ...(item.themes.length ? [{ key: 'themes', label: f('themes'), children: item.themes.map((th) => th.name).join('、') }] : []),
  ];
  return <Descriptions className="tb-keep-labels" bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} items={rows} />;
}

type GuideField =
  | 'code' | 'type' | 'department' | 'audience' | 'useLevel' | 'projectType' | 'legalLimit' | 'promisedLimit'
  | 'visits' | 'onlineDepth' | 'handleArea' | 'fee' | 'feeStandard' | 'feeBasis' | 'appointment' | 'delivery'
  | 'onlinePayment' | 'result' | 'published' | 'themes';
