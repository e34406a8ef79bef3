// HTTP face of the message centre: the caller's own messages only. Each route is
// schema → guard → one service call.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MessageListQuery, MessagePageSchema, UnreadCountSchema } from '../../../contract/notifications.js';
import { actorOf, requireAuth } from '../../platform/auth.js';
import { MessageParams, NoContent, Problems } from './schemas.js';
import * as messages from './service.js';

const tags = ['notifications'];
const security = [{ session: [] }];
const signedIn = { preValidation: requireAuth };

export async function notificationRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.orm;

  app.get('/api/messages', {
    schema: { tags, security, summary: '站内信 the caller\'s messages, newest first (unread=true for unread only)', querystring: MessageListQuery, response: { 200: MessagePageSchema, ...Problems } },
    ...signedIn,
  }, async (req) => messages.list(db(), actorOf(req), req.query, req.lang));

  app.get('/api/messages/unread-count', {
    schema: { tags, security, summary: 'How many of the caller\'s messages are unread', response: { 200: UnreadCountSchema, ...Problems } },
    ...signedIn,
  }, async (req) => messages.unreadCount(db(), actorOf(req)));

  app.post('/api/messages/:id/read', {
    schema: { tags, security, summary: 'Mark one message as read', params: MessageParams, response: { 204: NoContent, ...Problems } },
    ...signedIn,
  }, async (req, reply) => {
    await messages.markRead(db(), actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/messages/read-all', {
    schema: { tags, security, summary: 'Mark every message of the caller as read', response: { 204: NoContent, ...Problems } },
    ...signedIn,
  }, async (req, reply) => {
    await messages.markAllRead(db(), actorOf(req));
    return reply.code(204).send(null);
  });
}
