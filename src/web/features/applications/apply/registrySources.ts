// Fields filled from registries say where their value came from, as the field's help text
// (来自 市卫生健康委员会 出生医学证明信息), next to the 已核验 mark of a locked field.
import type { TFunction } from 'i18next';
import type { RegistryPrefillResult } from '../../../../contract/applications';
import type { ItemForm } from '../../../../contract/forms';

export function formWithSources(form: ItemForm, sources: RegistryPrefillResult['sources'], t: TFunction): ItemForm {
  const names = Object.keys(sources);
  if (!names.length) return form;
  const fields = { ...form.ui.fields };
  for (const name of names) {
    const source = sources[name];
    if (fields[name]) fields[name] = { ...fields[name], help: t('applications.registry.from', { department: source.departmentName, registry: source.registryName }) };
  }
  return { ...form, ui: { ...form.ui, fields } };
}
