import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The version of `@jianguan/cli`, read from its package.json (found walking up from this module). */
export function cliVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 4; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === '@jianguan/cli' && typeof pkg.version === 'string') {
          cached = pkg.version;
          break;
        }
      } catch {
        // not here; keep walking up
      }
      dir = dirname(dir);
    }
  } catch {
    // keep the fallback
  }
  return cached;
}
