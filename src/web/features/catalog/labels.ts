// Display words for catalogue codes (types, depths, visits, limits), in the UI language.
import { useTranslation } from 'react-i18next';
import type { Audience, ItemDraft, ItemTypeCode } from '../../../contract/catalog';

type Depth = 1 | 2 | 3 | 4;
const depth = (n: number) => Math.min(4, Math.max(1, Math.round(n))) as Depth;
const level = (n: number) => Math.min(7, Math.max(1, Math.round(n))) as 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ITEM_TYPE_CODES: ItemTypeCode[] = ['01', '04', '05', '07', '08', '09', '10', '11', '20'];
export const ONLINE_DEPTH_LEVELS: Depth[] = [1, 2, 3, 4];

export function useItemLabels() {
  const { t } = useTranslation();
  return {
    type: (code: ItemTypeCode) => t(`itemType.${code}`),
    audience: (a: Audience) => t(`audience.${a}`),
    depth: (n: number) => t(`onlineDepth.${depth(n)}`),
    depthShort: (n: number) => t(`onlineDepthShort.${depth(n)}`),
    visits: (n: number) => (n === 0 ? t('item.zeroVisits') : t('item.visits', { count: n })),
    limit: (days: number) => (days === 0 ? t('item.immediate') : t('item.workingDays', { count: days })),
    projectType: (p: ItemDraft['projectType']) => t(`projectType.${p}`),
    handleArea: (a: ItemDraft['handleArea']) => t(`handleArea.${a}`),
    useLevel: (n: number) => t(`useLevel.${level(n)}`),
    resultType: (r: ItemDraft['resultType']) => t(`resultType.${r}`),
    materialForm: (f: ItemDraft['materials'][number]['form']) => t(`material.form.${f}`),
    materialSource: (s: ItemDraft['materials'][number]['sourceType']) => t(`material.source.${s}`),
    yesNo: (b: boolean) => (b ? t('common.supported') : t('common.notSupported')),
  };
}
