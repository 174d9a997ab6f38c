import { z } from 'zod';
import { finiteArgument, stringArgument } from '../errors/arguments.js';
import { ClientOptionsError, SignerError } from '../errors/errors.js';
import { redactUrl } from '../errors/redact.js';
import { hashHex } from './crypto-util.js';
import type { Signer } from './types.js';

/**
 * Options of the Zhejiang IRS / 公共数据平台 gateway signer.
 *
 * @example
 * const o: ZhejiangIrsOptions = { appKey: 'k', appSecret: 's', gatewayUrl: 'https://interface.zjzwfw.gov.cn/gateway' };
 */
export interface ZhejiangIrsOptions {
  readonly appKey: string;
  readonly appSecret: string;
  /** Base of the token endpoints, e.g. `https://interface.zjzwfw.gov.cn/gateway` (no trailing slash). */
  readonly gatewayUrl: string;
  /** Refresh the request secret this long before it expires. Default 3 min (as a published client does). */
  readonly refreshEarlyMs?: number;
  /** fetch used for token calls; defaults to the client's fetch, then the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * `md5(appKey + secret + requestTime)` lower-case hex, requestTime in epoch ms (reference §2.5 A). The same
 * formula signs the key refresh (secret = appSecret), the secret refresh (refreshSecret) and data calls (requestSecret).
 *
 * @example
 * zhejiangIrsSign('key', 'secret', 1700000000000); // 32 hex chars
 */
export function zhejiangIrsSign(appKey: string, secret: string, requestTimeMs: number): string {
  stringArgument(appKey, ['appKey']);
  stringArgument(secret, ['secret']);
  finiteArgument(requestTimeMs, ['requestTimeMs']);
  return hashHex('md5', `${appKey}${secret}${requestTimeMs}`);
}

const tokenResponseSchema = z.object({
  code: z.string(),
  msg: z.string().optional(),
  datas: z
    .object({
      refreshSecret: z.string().optional(),
      refreshSecretEndTime: z.coerce.number().optional(),
      requestSecret: z.string(),
      requestSecretEndTime: z.coerce.number(),
    })
    .nullish(),
});

interface TokenState {
  requestSecret?: string;
  requestSecretEndTime?: number;
  refreshSecret?: string;
  refreshSecretEndTime?: number;
}

/**
 * Signer for the Zhejiang IRS gateway with token refresh (reference §2.5 A):
 * `refreshTokenByKey.htm` (md5 of appKey+appSecret+time) yields refreshSecret + requestSecret;
 * `refreshTokenBySec.htm` (md5 of appKey+refreshSecret+time) renews the requestSecret; data calls carry query
 * params `appKey`, `requestTime`, `sign = md5(appKey + requestSecret + requestTime)`. Success is `code == "00"`.
 * Concurrent refreshes are collapsed into one.
 *
 * @example
 * const signer = createZhejiangIrsSigner({ appKey: 'k', appSecret: 's', gatewayUrl: 'https://gw/gateway' });
 */
export function createZhejiangIrsSigner(options: ZhejiangIrsOptions): Signer {
  if (!options?.appKey || !options.appSecret || !options.gatewayUrl) {
    throw new ClientOptionsError({
      zh: '缺少 appKey、appSecret 或 gatewayUrl',
      en: 'appKey, appSecret and gatewayUrl are required',
    });
  }
  const early = options.refreshEarlyMs ?? 3 * 60_000;
  const state: TokenState = {};
  let inflight: Promise<void> | undefined;

  async function call(path: string, secret: string, now: number, f: typeof fetch, signal?: AbortSignal) {
    const url = new URL(`${options.gatewayUrl.replace(/\/$/, '')}/app/${path}`);
    url.searchParams.set('appKey', options.appKey);
    url.searchParams.set('requestTime', String(now));
    url.searchParams.set('sign', zhejiangIrsSign(options.appKey, secret, now));
    let body: unknown;
    try {
      const res = await f(url, signal ? { signal } : {});
      body = await res.json();
    } catch (cause) {
      throw new SignerError(
        'token_refresh_failed',
        { zh: '浙江 IRS 令牌刷新请求失败', en: 'Zhejiang IRS token refresh request failed' },
        { url: redactUrl(url.toString()), cause },
      );
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success || parsed.data.code !== '00' || !parsed.data.datas) {
      throw new SignerError(
        'token_refresh_failed',
        { zh: '浙江 IRS 令牌刷新被拒绝', en: 'Zhejiang IRS token refresh was refused' },
        { url: redactUrl(url.toString()), details: { code: parsed.success ? parsed.data.code : 'invalid' } },
      );
    }
    const d = parsed.data.datas;
    state.requestSecret = d.requestSecret;
    state.requestSecretEndTime = d.requestSecretEndTime;
    if (d.refreshSecret !== undefined) state.refreshSecret = d.refreshSecret;
    if (d.refreshSecretEndTime !== undefined) state.refreshSecretEndTime = d.refreshSecretEndTime;
  }

  async function ensure(now: number, f: typeof fetch, signal?: AbortSignal): Promise<string> {
    const fresh = state.requestSecret && (state.requestSecretEndTime ?? 0) - early > now;
    if (!fresh) {
      inflight ??= (async () => {
        const canUseRefresh =
          state.refreshSecret && (state.refreshSecretEndTime ?? Number.POSITIVE_INFINITY) - early > now;
        if (canUseRefresh) {
          try {
            await call('refreshTokenBySec.htm', state.refreshSecret!, now, f, signal);
            return;
          } catch {
            // fall back to a key refresh below
          }
        }
        await call('refreshTokenByKey.htm', options.appSecret, now, f, signal);
      })().finally(() => {
        inflight = undefined;
      });
      await inflight;
    }
    return state.requestSecret!;
  }

  return {
    scheme: 'zhejiang-irs',
    async sign({ now, fetch: clientFetch, signal }) {
      const f = options.fetch ?? clientFetch ?? globalThis.fetch;
      const secret = await ensure(now, f, signal);
      return {
        query: {
          appKey: options.appKey,
          requestTime: String(now),
          sign: zhejiangIrsSign(options.appKey, secret, now),
        },
      };
    },
    invalidate() {
      delete state.requestSecret;
      delete state.requestSecretEndTime;
    },
  };
}
