import { type TSchema, Type } from 'typebox';

/** Shared pieces of the Pusat Data's HTTP schemas. */

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A local date, `YYYY-MM-DD`. */
export const DateString = Type.String({ format: 'date' });

export const Uuid = Type.String({ format: 'uuid' });

export const AgencyRef = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
});

/** Optional on create, nullable on update (null clears it). */
export const OptionalNullable = <T extends TSchema>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

export const OptionalDate = OptionalNullable(DateString);

/** A positive whole number of a resource (vCPU, GB, Mbps). */
export const Amount = (maximum: number) => Type.Integer({ minimum: 1, maximum });
