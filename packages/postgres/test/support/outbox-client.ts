// A provincial client for the sandbox whose batch numbers come from the database's durable per-day sequence.
import {
  createHmacSha256Signer,
  createProvincialClient,
  type ProvincialClient,
} from '@jianguan/provincial-client';
import { SANDBOX_CREDENTIALS } from '@jianguan/sandbox';
import { reserveBatchSequence, type SqlClient } from '../../src/index.js';

export async function sandboxClient(db: SqlClient, url: string, reserve = 400): Promise<ProvincialClient> {
  return createProvincialClient({
    baseUrl: url,
    source: '330100-PG',
    signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
    batchSize: 50,
    concurrency: 1,
    retry: { limit: 8, baseDelayMs: 5, maxDelayMs: 50 },
    batchSequence: await reserveBatchSequence(db, { count: reserve }),
  });
}
