// HTTP face of the catalogue: public reading and search, and the operators' editing endpoints.
// Each route is schema → guard → one service call.
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AdminItemListSchema, DepartmentSchema, ItemCreateSchema, ItemDraftSaveSchema, ItemDraftSchema, ItemDraftViewSchema,
  ItemListSchema, ItemPublishSchema, ItemQuerySchema, ItemSummarySchema, ItemValidationSchema, ItemViewSchema,
  NoticeSchema, RegionSchema, ThemeSchema,
} from '../../../contract/catalog.js';
import { ProblemSchema } from '../../../contract/common.js';
import { requireRole } from '../../platform/auth.js';
import { AdminItemQuery, CodeParams, HotQuery, ItemViewQuery, NoticeQuery, RegionQuery, ThemeQuery } from './schemas.js';
import * as catalog from './service.js';

const tags = ['catalog'];
const problems = { 400: ProblemSchema, 404: ProblemSchema };
const guarded = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const operator = { preValidation: requireRole('operator') };
const security = [{ session: [] }];

export async function catalogRouteTable(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.orm;

  app.get('/api/regions', {
    schema: { tags, summary: '行政区划 regions', querystring: RegionQuery, response: { 200: Type.Array(RegionSchema), ...problems } },
  }, async (req) => catalog.listRegions(db(), req.query));

  app.get('/api/catalog/departments', {
    schema: { tags, summary: '实施部门及窗口 departments with service windows', response: { 200: Type.Array(DepartmentSchema) } },
  }, async () => catalog.listDepartments(db()));

  app.get('/api/catalog/departments/:code', {
    schema: { tags, summary: 'one department', params: CodeParams, response: { 200: DepartmentSchema, ...problems } },
  }, async (req) => catalog.getDepartment(db(), req.params.code));

  app.get('/api/catalog/themes', {
    schema: { tags, summary: '主题 life-event themes', querystring: ThemeQuery, response: { 200: Type.Array(ThemeSchema), ...problems } },
  }, async (req) => catalog.listThemes(db(), req.query.audience));

  app.get('/api/catalog/items', {
    schema: { tags, summary: '事项检索 search and browse published items', querystring: ItemQuerySchema, response: { 200: ItemListSchema, ...problems } },
  }, async (req) => catalog.findItems(db(), req.query, req.lang));

  app.get('/api/catalog/items/:code', {
    schema: { tags, summary: '办事指南 a published item (current or a named version)', params: CodeParams, querystring: ItemViewQuery, response: { 200: ItemViewSchema, ...problems } },
  }, async (req) => catalog.getItem(db(), req.params.code, req.query.version, req.lang));

  app.get('/api/catalog/hot', {
    schema: { tags, summary: '热门事项 most used items', querystring: HotQuery, response: { 200: Type.Array(ItemSummarySchema), ...problems } },
  }, async (req) => catalog.hot(db(), req.query.audience, req.query.limit ?? 10, req.lang));

  app.get('/api/portal/notices', {
    schema: { tags, summary: '通知公告 notices', querystring: NoticeQuery, response: { 200: Type.Array(NoticeSchema), ...problems } },
  }, async (req) => catalog.notices(db(), req.query.limit ?? 5));

  // ---- operators ----

  app.post('/api/admin/catalog/items', {
    schema: { tags, security, summary: 'create an item (starts as an unpublished draft)', body: ItemCreateSchema, response: { 201: ItemDraftViewSchema, ...guarded } },
    ...operator,
  }, async (req, reply) => reply.status(201).send(await catalog.createItem(db(), req.actor, req.body, req.lang)));

  app.get('/api/admin/catalog/items', {
    schema: { tags, security, summary: 'every item, published or not', querystring: AdminItemQuery, response: { 200: AdminItemListSchema, ...guarded } },
    ...operator,
  }, async (req) => catalog.listAdminItems(db(), req.actor, req.query.q, req.query.page ?? 1, req.query.pageSize ?? 20));

  app.get('/api/admin/catalog/items/:code/draft', {
    schema: { tags, security, summary: "an item's working copy", params: CodeParams, response: { 200: ItemDraftViewSchema, ...guarded } },
    ...operator,
  }, async (req) => catalog.getDraft(db(), req.actor, req.params.code));

  app.put('/api/admin/catalog/items/:code/draft', {
    schema: { tags, security, summary: 'save the working copy (baseVersion must be the current version)', params: CodeParams, body: ItemDraftSaveSchema, response: { 200: ItemDraftViewSchema, ...guarded } },
    ...operator,
  }, async (req) => catalog.saveDraft(db(), req.actor, req.params.code, req.body, req.lang));

  app.post('/api/admin/catalog/items/:code/publish', {
    schema: { tags, security, summary: 'publish the working copy as the next version', params: CodeParams, body: ItemPublishSchema, response: { 200: ItemViewSchema, ...guarded } },
    ...operator,
  }, async (req) => catalog.publish(db(), req.actor, req.params.code, req.body.note, req.lang));

  app.post('/api/admin/catalog/validate', {
    schema: { tags, security, summary: 'check every element rule of a draft', body: ItemDraftSchema, response: { 200: ItemValidationSchema, ...guarded } },
    ...operator,
  }, async (req) => catalog.validateDraft(db(), req.actor, req.body, req.lang));
}
