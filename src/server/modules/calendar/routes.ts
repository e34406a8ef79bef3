// HTTP face of the working-day calendar: public reading and arithmetic, and the operators'
// endpoints that replace or delete a year. Each route is schema → guard → one service call.
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CalendarOverviewSchema, CalendarYearInputSchema, CalendarYearSchema, DueDateSchema, MonthDaysSchema,
  WorkingDayCountSchema, WorkingDaysQuerySchema,
} from '../../../contract/calendar.js';
import { ProblemSchema } from '../../../contract/common.js';
import { requireRole } from '../../platform/auth.js';
import { MonthQuery, YearParams } from './schemas.js';
import * as calendar from './service.js';

const tags = ['calendar'];
const problems = { 400: ProblemSchema };
const guarded = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const operator = { preValidation: requireRole('operator') };
const security = [{ session: [] }];

export async function calendarRouteTable(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.orm;

  app.get('/api/calendar/years', {
    schema: { tags, summary: '工作日历 entered years with holiday periods, make-up working days and warnings', response: { 200: CalendarOverviewSchema } },
  }, async () => calendar.overview(db()));

  app.get('/api/calendar/working-days', {
    schema: {
      tags, summary: '工作日计算 due date after N working days (days), or working days up to a date (to)',
      querystring: WorkingDaysQuerySchema, response: { 200: Type.Union([DueDateSchema, WorkingDayCountSchema]), ...problems },
    },
  }, async (req) => calendar.workingDays(db(), req.query, req.lang));

  app.get('/api/calendar/days', {
    schema: { tags, summary: 'every day of a month: working day or not, and its holiday', querystring: MonthQuery, response: { 200: MonthDaysSchema, ...problems } },
  }, async (req) => calendar.monthDays(db(), req.query.month));

  // ---- operators ----

  app.put('/api/calendar/years/:year', {
    schema: { tags, security, summary: "replace a year's holiday periods and make-up working days", params: YearParams, body: CalendarYearInputSchema, response: { 200: CalendarYearSchema, ...guarded } },
    ...operator,
  }, async (req) => calendar.replaceYear(db(), req.actor, req.params.year, req.body, req.lang));

  app.delete('/api/calendar/years/:year', {
    schema: { tags, security, summary: 'delete a year (its days count Monday to Friday again, provisionally)', params: YearParams, response: { 204: Type.Null({ description: 'No content' }), ...guarded } },
    ...operator,
  }, async (req, reply) => {
    await calendar.deleteYear(db(), req.actor, req.params.year);
    return reply.code(204).send(null);
  });
}
