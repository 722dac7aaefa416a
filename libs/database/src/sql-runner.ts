import type { EntityManager } from 'typeorm';

/**
 * What a read port runs its statements on: the data source, or the caller's transaction when the
 * answer must belong to the same snapshot as the caller's own reads.
 */
export type SqlRunner = Pick<EntityManager, 'query'>;

/** Ids for an `IN (?)` list: numbers, each once. */
export function uniqueIds(ids: Iterable<number>): number[] {
  return [...new Set([...ids].map(Number))];
}
