// Renders an item's application form with rjsf's antd theme: sections as cards, labels in the
// current language, our widgets, verified prefilled fields locked, and every error as text under
// its field in the words the server uses. Loaded lazily through ./index.tsx.
import { useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Form as AntdForm } from '@rjsf/antd';
import type CoreForm from '@rjsf/core';
import type { CustomValidator, RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useTranslation } from 'react-i18next';
import { SectionsTemplate } from './SectionsTemplate';
import type { SchemaFormHandle, SchemaFormProps } from './types';
import { compact, effectiveSchema, toExtraErrors, toUiSchema, translateErrors, widgetErrors, type Lang } from './uiSchema';
import { widgets } from './widgets';

const templates = { ObjectFieldTemplate: SectionsTemplate };
const formContext = { readonlyAsDisabled: false, descriptionLocation: 'below' };

export default function SchemaForm({ form, value, onChange, locked = [], serverErrors, disabled, ref }: SchemaFormProps & { ref?: Ref<SchemaFormHandle> }) {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const formRef = useRef<CoreForm>(null);
  // errors show while typing only after the first check, as antd forms do after a submit
  const [checked, setChecked] = useState(false);
  const lockedKey = locked.join(',');

  const schema = useMemo(() => effectiveSchema(form, value), [form, value]);
  const uiSchema = useMemo(() => toUiSchema(form, lang, new Set(locked)), [form, lang, lockedKey]);
  const transformErrors = useMemo(() => translateErrors(form, lang), [form, lang]);
  const extraErrors = useMemo(() => toExtraErrors(serverErrors), [serverErrors]);
  const customValidate: CustomValidator = (data, errors) => {
    for (const [field, message] of Object.entries(widgetErrors(form, (data ?? {}) as Record<string, unknown>, lang))) {
      (errors as unknown as Record<string, { addError(m: string): void }>)[field]?.addError(message);
    }
    return errors;
  };

  useImperativeHandle(ref, () => ({
    validate: () => {
      setChecked(true);
      return formRef.current?.validateForm() ?? false;
    },
  }), []);

  return (
    <AntdForm
      ref={formRef}
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={value}
      validator={validator}
      widgets={widgets}
      templates={templates}
      formContext={formContext}
      customValidate={customValidate}
      transformErrors={transformErrors}
      extraErrors={extraErrors}
      liveValidate={checked ? 'onChange' : undefined}
      showErrorList={false}
      focusOnFirstError
      noHtml5Validate
      disabled={disabled}
      onChange={(e) => onChange(compact(e.formData as Record<string, unknown>))}
    />
  );
}
