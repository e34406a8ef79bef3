// A field's error in text right under it, announced when it appears; the field points at it with aria-describedby.
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return <div id={id} className="tb-field-error" role="alert">{messages.join('；')}</div>;
}
