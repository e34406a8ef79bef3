// Shapes shared by every API: problem details and paging.
import { Type, type Static } from 'typebox';

export const FieldErrorSchema = Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() });
export const ProblemSchema = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(),
  detail: Type.Optional(Type.String()), instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(FieldErrorSchema)),
});
export type Problem = Static<typeof ProblemSchema>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** [start, end) character offsets of matched terms, so clients highlight without trusting markup */
export const HighlightSchema = Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]));
export type Highlight = Static<typeof HighlightSchema>;
