/**
 * `@jianguan/sampling/synthetic` — reproducible synthetic directories of entities and officers (seedrandom),
 * for demos, tests and load tests. Never for an audited draw, so it is not part of the main entry.
 *
 * @example
 * import { syntheticEntities } from '@jianguan/sampling/synthetic';
 * const entities = [...syntheticEntities({ count: 1000, seed: 'demo' })];
 *
 * @packageDocumentation
 */
export type { SyntheticDirectoryOptions } from './directory.js';
export { syntheticEntities, syntheticOfficers } from './directory.js';
