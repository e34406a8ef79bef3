// Message centre (站内信) contract: the signed-in account's messages, in the language asked for.
import { Type, type Static } from 'typebox';
import { PageQuery } from './common.js';

export const MessageSchema = Type.Object({
  id: Type.String({ description: 'decimal id' }),
  /** what happened, e.g. account.password_changed */
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  /** a page of the web app to go on to */
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Message = Static<typeof MessageSchema>;

export const MessagePageSchema = Type.Object({
  /** messages matching the query */
  total: Type.Integer(),
  /** unread messages of the account, whatever the query */
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(MessageSchema),
});
export type MessagePage = Static<typeof MessagePageSchema>;

export const MessageListQuery = Type.Object({
  ...PageQuery,
  unread: Type.Optional(Type.Boolean({ description: 'only unread messages' })),
}, { additionalProperties: false });
export type MessageListQueryValue = Static<typeof MessageListQuery>;

export const UnreadCountSchema = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCountSchema>;
