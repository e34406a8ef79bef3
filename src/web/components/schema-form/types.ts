// Public types of SchemaForm, importable without loading the renderer.
import type { ItemForm } from '../../../contract/forms';
import type { FieldError } from '../../lib/api';

export interface SchemaFormProps {
  form: ItemForm;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** fields prefilled from verified data: shown read-only with a 已核验 tag */
  locked?: string[];
  /** errors from the server, with paths `formData.<field>` (others are ignored) */
  serverErrors?: FieldError[];
  disabled?: boolean;
}

export interface SchemaFormHandle {
  /** checks every visible field, shows the errors next to them and focuses the first; true when valid */
  validate(): boolean;
}
