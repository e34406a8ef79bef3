// Widgets our form hints name that rjsf's antd theme lacks: region cascade (行政区划), switch,
// mobile and ID-number inputs, the read-only display of a verified prefilled value, and a select
// whose options are real, named options (rjsf's antd select renders a virtual list that is not),
// radio and checkbox groups named by their field's label.
import { useEffect, useRef, useState } from 'react';
import { Alert, Cascader, Checkbox, Input, Radio, Select, Switch, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { ariaDescribedByIds, enumOptionsIndexForValue, enumOptionsValueForIndex, type WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../contract/catalog';
import { api } from '../../lib/api';
import { labelId } from './FieldTemplate';
import { regionPath } from './uiSchema';

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const emptyToUndefined = (v: string) => (v === '' ? undefined : v);

export function MobileWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, required }: WidgetProps) {
  return (
    <Input id={id} name={id} type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} value={text(value)} placeholder={placeholder}
      disabled={disabled} readOnly={readonly} aria-required={required} aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(emptyToUndefined(e.target.value.replace(/\D/g, '')))} onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  );
}

export function IdNumberWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, required }: WidgetProps) {
  return (
    <Input id={id} name={id} autoComplete="off" maxLength={18} value={text(value)} placeholder={placeholder} disabled={disabled} readOnly={readonly}
      aria-required={required} aria-describedby={ariaDescribedByIds(id)} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
      onChange={(e) => onChange(emptyToUndefined(e.target.value.toUpperCase().replace(/[^0-9X]/g, '')))} onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  );
}

export function SwitchWidget({ id, value, onChange, disabled, readonly, label }: WidgetProps) {
  const { t } = useTranslation();
  return (
    <Switch id={id} checked={value === true} disabled={disabled || readonly} aria-label={label} aria-describedby={ariaDescribedByIds(id)}
      checkedChildren={t('schemaForm.yes')} unCheckedChildren={t('schemaForm.no')} onChange={(checked) => onChange(checked)} />
  );
}

// antd's success tag text is too light on its tint; the theme's colorSuccess is 5.5:1 on it (WCAG AA)
const VERIFIED_TAG = { color: '#237804', background: '#f6ffed', borderColor: '#95de64' };

/** A value from the applicant's verified identity: shown, not editable, marked 已核验. */
export function LockedWidget({ id, value, options, label }: WidgetProps) {
  const { t } = useTranslation();
  const enumOptions = (options.enumOptions ?? []) as { value: unknown; label: string }[];
  const shown = enumOptions.find((o) => o.value === value)?.label ?? text(value);
  return (
    <Input id={id} name={id} value={shown} readOnly aria-readonly aria-label={label} aria-describedby={ariaDescribedByIds(id)} title={t('schemaForm.verifiedHelp')}
      suffix={<Tag color="success" style={VERIFIED_TAG} icon={<SafetyCertificateOutlined aria-hidden />}>{t('schemaForm.verified')}</Tag>} />
  );
}

interface RegionOption { value: string; label: string; isLeaf: boolean; children?: RegionOption[] }

const toOption = (r: Region): RegionOption => ({ value: r.code, label: r.name, isLeaf: r.level === 'community' });
const childrenOf = async (parent: string) => (await api.get<Region[]>('/api/regions', { parent })).map(toOption);

function attach(options: RegionOption[], parent: string, children: RegionOption[]): RegionOption[] {
  return options.map((o) => (o.value === parent ? { ...o, children } : o.children ? { ...o, children: attach(o.children, parent, children) } : o));
}

/** 省 / 市 / 区县 / 街道 / 社区, loaded level by level from the public regions API; the value is the last code chosen. */
export function RegionWidget({ id, value, onChange, onBlur, disabled, readonly, placeholder, required }: WidgetProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [failed, setFailed] = useState(false);
  const code = text(value);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let tree = (await api.get<Region[]>('/api/regions', { level: 'province' })).map(toOption);
      // open the branches down to the current value so it shows as a path
      for (const ancestor of regionPath(code).slice(0, -1)) tree = attach(tree, ancestor, await childrenOf(ancestor));
      if (!cancelled) setOptions(tree);
    })().catch(() => { if (!cancelled) setFailed(true); });
    return () => { cancelled = true; };
    // the tree is loaded once; later choices extend it through loadData
  }, []);

  const loadData = (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    childrenOf(target.value)
      .then((children) => setOptions((tree) => attach(tree, target.value, children.length ? children : [])))
      .catch(() => setFailed(true));
  };

  // on a phone the five columns are wider than the screen: they scroll sideways within it, kept at the newest column
  const menusRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const el = menusRef.current;
    if (open && el) requestAnimationFrame(() => el.scrollTo({ left: el.scrollWidth }));
  }, [open, options, code]);

  return (
    <>
      <Cascader id={id} options={options} loadData={loadData as never} changeOnSelect value={code ? regionPath(code) : []}
        placeholder={placeholder || t('schemaForm.regionPlaceholder')} disabled={disabled || readonly} aria-required={required}
        aria-describedby={ariaDescribedByIds(id)} style={{ width: '100%' }} showSearch={false}
        classNames={{ popup: { root: 'tb-region-popup' } }} onOpenChange={setOpen}
        popupRender={(menus) => <div ref={menusRef} className="tb-region-menus">{menus}</div>}
        onChange={(path) => onChange(path?.length ? String(path[path.length - 1]) : undefined)} onBlur={() => onBlur(id, value)} />
      {failed && <Alert type="error" showIcon className="tb-small" title={t('schemaForm.regionLoadFailed')} />}
    </>
  );
}

/**
 * One choice from the field's options. Not virtual, so every option is in the listbox as a
 * `role="option"` named by its visible label; no blank first option (a field that may be left
 * empty gets a clear button instead); the combobox is named by the field's <label for>.
 */
export function SelectWidget({ id, value, options, onChange, onBlur, onFocus, disabled, readonly, placeholder, required, autofocus }: WidgetProps) {
  const enumOptions = options.enumOptions ?? [];
  const index = enumOptionsIndexForValue(value, enumOptions, false);
  const selected = typeof index === 'string' ? index : undefined;
  const pick = (next: string | undefined) => (next === undefined ? undefined : enumOptionsValueForIndex(next, enumOptions));
  return (
    <Select id={id} value={selected} placeholder={placeholder} disabled={disabled || readonly} autoFocus={autofocus} allowClear={!required}
      virtual={false} aria-required={required} aria-describedby={ariaDescribedByIds(id)} style={{ width: '100%' }}
      options={enumOptions.map((o, i) => ({ value: String(i), label: o.label }))}
      onChange={(next?: string) => onChange(pick(next))} onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  );
}

/** One choice shown as radio buttons, in a radio group named by the field's label. */
export function RadioWidget({ id, value, options, onChange, onBlur, onFocus, disabled, readonly, required }: WidgetProps) {
  const enumOptions = options.enumOptions ?? [];
  const index = enumOptionsIndexForValue(value, enumOptions, false);
  return (
    <Radio.Group id={id} name={id} value={typeof index === 'string' ? index : undefined} disabled={disabled || readonly}
      aria-labelledby={labelId(id)} aria-required={required} aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(enumOptionsValueForIndex(String(e.target.value), enumOptions))}
      onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)}
      options={enumOptions.map((o, i) => ({ value: String(i), label: o.label, id: `${id}-${i}` }))} />
  );
}

/** Several choices as checkboxes, in a group named by the field's label; the value keeps the options' order. */
export function CheckboxesWidget({ id, value, options, onChange, disabled, readonly }: WidgetProps) {
  const enumOptions = options.enumOptions ?? [];
  const checked = enumOptionsIndexForValue(Array.isArray(value) ? value : [], enumOptions, true);
  return (
    <Checkbox.Group role="group" aria-labelledby={labelId(id)} aria-describedby={ariaDescribedByIds(id)}
      value={Array.isArray(checked) ? checked : []} disabled={disabled || readonly}
      onChange={(next) => onChange(enumOptionsValueForIndex(enumOptions.map((_, i) => String(i)).filter((i) => next.includes(i)), enumOptions))}
      options={enumOptions.map((o, i) => ({ value: String(i), label: o.label, id: `${id}-${i}` }))} />
  );
}

export const widgets = { SelectWidget, RadioWidget, CheckboxesWidget, tbMobile: MobileWidget, tbIdNumber: IdNumberWidget, tbSwitch: SwitchWidget, tbLocked: LockedWidget, tbRegion: RegionWidget };
