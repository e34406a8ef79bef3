// Lazy face of the application-form renderer: rjsf and antd's form widgets load only on pages that
// show a form (the apply page and the item editor's preview).
import { lazy, Suspense, type Ref } from 'react';
import { Skeleton } from 'antd';
import type { SchemaFormHandle, SchemaFormProps } from './types';

export type { SchemaFormHandle, SchemaFormProps } from './types';

const Renderer = lazy(() => import('./SchemaForm'));

export function SchemaForm(props: SchemaFormProps & { ref?: Ref<SchemaFormHandle> }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <Renderer {...props} />
    </Suspense>
  );
}
