import { IdParams } from '../http/schemas.js';
import type { App } from '../http/server.js';
import {
  CreateHolidayBody,
  Holiday,
  HolidayList,
  HolidayListQuery,
  UpdateHolidayBody,
} from './calendar.schemas.js';
import { createHoliday } from './use-cases/create-holiday.js';
import { deleteHoliday } from './use-cases/delete-holiday.js';
import { findHolidays } from './use-cases/find-holidays.js';
import { updateHoliday } from './use-cases/update-holiday.js';

const tags = ['calendar'];

/** The holidays of the working calendar, as editable data. */
export function calendarRoutes(app: App) {
  app.get(
    '/api/v1/holidays',
    { schema: { tags, querystring: HolidayListQuery, response: { 200: HolidayList } } },
    (request) => findHolidays(request.ctx, request.query),
  );
  app.post(
    '/api/v1/holidays',
    { schema: { tags, body: CreateHolidayBody, response: { 201: Holiday } } },
    async (request, reply) => reply.code(201).send(await createHoliday(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/holidays/:id',
    { schema: { tags, params: IdParams, body: UpdateHolidayBody, response: { 200: Holiday } } },
    (request) => updateHoliday(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/holidays/:id',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await deleteHoliday(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
