import type { Sandbox, SandboxOptions } from '@jianguan/sandbox';
import { startSandbox } from '@jianguan/sandbox';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApiBusinessError,
  BatchResult,
  JointTaskItem,
  PageIterator,
  ProvincialClient,
  Signer,
  UploadItem,
  UploadResult,
} from '../src/index.js';
import { createHmacSha256Signer, createProvincialClient } from '../src/index.js';

describe('public types', () => {
  it('client factory and methods', () => {
    const client = createProvincialClient({ baseUrl: 'http://x', source: 's' });
    expectTypeOf(client).toEqualTypeOf<ProvincialClient>();
    expectTypeOf(client.uploadBehaviours).returns.resolves.toEqualTypeOf<UploadResult>();
    expectTypeOf(client.sendBatch).returns.resolves.toEqualTypeOf<BatchResult>();
    expectTypeOf(client.jointTasks()).toEqualTypeOf<PageIterator<JointTaskItem>>();
    expectTypeOf(createHmacSha256Signer({ appKey: 'a', secret: 'b' })).toEqualTypeOf<Signer>();
    expectTypeOf<ApiBusinessError['businessCode']>().toEqualTypeOf<string>();
  });

  it('upload items: a delete needs no record, an insert needs one', () => {
    expectTypeOf<{ operation: 'D'; recordId: string }>().toMatchTypeOf<UploadItem>();
    expectTypeOf<{ operation: 'I'; recordId: string }>().not.toMatchTypeOf<UploadItem>();
  });

  it('sandbox', () => {
    expectTypeOf(startSandbox).parameter(0).toEqualTypeOf<SandboxOptions | undefined>();
    expectTypeOf(startSandbox).returns.resolves.toEqualTypeOf<Sandbox>();
  });
});
