export type { ExchangeHarvester, ExchangeHarvesterOptions, HarvestResult } from './harvester.js';
export { createExchangeHarvester } from './harvester.js';
export { openExchangeDatabase, startExchangeHarvest } from './open.js';
