// One field of an application form: its label (with an id widgets can point at, and a required
// mark screen readers skip, so a control's name is just the label), the control, its errors in
// text under it, and the help and description below, shown together rather than one hiding the other.
import { Form } from 'antd';
import { getTemplate, getUiOptions, type FieldTemplateProps } from '@rjsf/utils';

const FULL_ROW = { span: 24 };

/** The id of a field's label text, for `aria-labelledby`. */
export const labelId = (id: string) => `${id}__label`;

export function FieldTemplate(props: FieldTemplateProps) {
  const { children, description, displayLabel, errors, help, rawHelp, hidden, id, label, rawErrors, rawDescription, registry, required, schema, uiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>;
  const showLabel = displayLabel && uiOptions.widget !== 'checkbox' && !!label;
  const hasErrors = !!rawErrors?.length;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <Form.Item
        colon={false}
        hasFeedback={schema.type !== 'array' && schema.type !== 'object'}
        htmlFor={id}
        label={showLabel ? (
          <>
            {required && <span className="tb-required-mark" aria-hidden="true">*</span>}
            <span id={labelId(id)}>{label}</span>
          </>
        ) : undefined}
        labelCol={FULL_ROW}
        wrapperCol={FULL_ROW}
        help={hasErrors ? errors : undefined}
        validateStatus={hasErrors ? 'error' : undefined}
        extra={rawDescription || rawHelp ? <>{rawDescription ? description : null}{rawHelp ? help : null}</> : undefined}
      >
        {children}
      </Form.Item>
    </WrapIfAdditionalTemplate>
  );
}
