// Renders an item's application form with rjsf's antd theme: sections as cards, labels in the
// current language, our widgets, verified prefilled fields locked, and every error as text under
// its field in the words the server uses. Loaded lazily through ./index.tsx.
import { useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Form as AntdForm } from '@rjsf/antd';
import type CoreForm from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { FieldTemplate } from './FieldTemplate';
import { SectionsTemplate } from './SectionsTemplate';
import './schemaForm.css';
import type { SchemaFormHandle, SchemaFormProps } from './types';
import { compact, effectiveSchema, toExtraErrors, toUiSchema, type Lang } from './uiSchema';
import { createFormValidator } from './validator';
import { widgets } from './widgets';

const templates = { ObjectFieldTemplate: SectionsTemplate, FieldTemplate };
const formContext = { readonlyAsDisabled: false, descriptionLocation: 'below' };
// the errors show next to their fields; without a handler rjsf would also log them to the console
const errorsShownByFields = () => {};

export default function SchemaForm({ form, value, onChange, locked = [], serverErrors, disabled, ref }: SchemaFormProps & { ref?: Ref<SchemaFormHandle> }) {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const formRef = useRef<CoreForm>(null);
  // errors show while typing only after the first check, as antd forms do after a submit
  const [checked, setChecked] = useState(false);
  const lockedKey = locked.join(',');

  const schema = useMemo(() => effectiveSchema(form, value), [form, value]);
  const uiSchema = useMemo(() => toUiSchema(form, lang, new Set(locked)), [form, lang, lockedKey]);
  // checks the values as the server does, without eval (the CSP forbids it)
  const validator = useMemo(() => createFormValidator(form, lang), [form, lang]);
  const extraErrors = useMemo(() => toExtraErrors(serverErrors), [serverErrors]);

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
      extraErrors={extraErrors}
      liveValidate={checked ? 'onChange' : undefined}
      showErrorList={false}
      onError={errorsShownByFields}
      focusOnFirstError
      noHtml5Validate
      disabled={disabled}
      onChange={(e) => onChange(compact(e.formData as Record<string, unknown>))}
    />
  );
}
