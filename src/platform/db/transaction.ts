import type { Ctx } from '../auth/actor.js';
import type { Tx } from './client.js';

/** Opens the use case's one transaction. */
export function inTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work(tx as unknown as Tx));
}
