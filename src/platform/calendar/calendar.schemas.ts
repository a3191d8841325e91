import { Type } from 'typebox';
import { HOLIDAY_KINDS } from './tables.js';

export const HolidayKind = Type.Enum(HOLIDAY_KINDS);

/** A local date (WIB), `YYYY-MM-DD`, that exists in the calendar. */
const LocalDate = Type.String({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const Holiday = Type.Object({
  id: Type.String({ format: 'uuid' }),
  date: Type.String(),
  name: Type.String(),
  kind: HolidayKind,
  source: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const HolidayList = Type.Object({ items: Type.Array(Holiday) });

export const HolidayListQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })) },
  { additionalProperties: false },
);

const holidayFields = {
  date: LocalDate,
  name: Type.String({ minLength: 3, maxLength: 200, pattern: '\\S' }),
  kind: HolidayKind,
  source: Type.String({ maxLength: 300 }),
};

export const CreateHolidayBody = Type.Object(
  {
    date: holidayFields.date,
    name: holidayFields.name,
    kind: holidayFields.kind,
    source: Type.Optional(holidayFields.source),
  },
  { additionalProperties: false },
);

export const UpdateHolidayBody = Type.Partial(Type.Object(holidayFields), {
  additionalProperties: false,
  minProperties: 1,
});
