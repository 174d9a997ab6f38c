import type { CliStream } from './io.js';

/**
 * A progress indicator for long work. It draws on stderr only when stderr is a terminal, so piped
 * and captured output stay clean.
 */
export interface Progress {
  /** Advance by `n` (default 1). */
  tick(n?: number): void;
  /** Set the absolute position. */
  update(done: number): void;
  /** Clear the bar. */
  done(): void;
}

const silent: Progress = { tick() {}, update() {}, done() {} };

/**
 * Create a progress bar on `stream` (a no-op unless `stream.isTTY`). With `total` 0 the length of the
 * work is unknown and a running count is shown instead.
 */
export function createProgress(stream: CliStream, label: string, total: number): Progress {
  if (!stream.isTTY) return silent;
  if (total <= 0) return counter(stream, label);
  let position = 0;
  let lastDrawn = -1;
  let lastTime = 0;
  const draw = (force: boolean): void => {
    const percent = Math.min(100, Math.floor((position / total) * 100));
    const now = Date.now();
    if (!force && (percent === lastDrawn || now - lastTime < 50)) return;
    lastDrawn = percent;
    lastTime = now;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
    const filled = Math.round((percent / 100) * width);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${position}/${total}`,
    );
  };
  draw(true);
  return {
    tick(n = 1) {
      position += n;
      draw(false);
    },
    update(done) {
      position = done;
      draw(false);
    },
    done() {
      position = total;
      draw(true);
      stream.write('\r\x1b[2K');
    },
  };
}

function counter(stream: CliStream, label: string): Progress {
  let position = 0;
  let lastTime = 0;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - lastTime < 100) return;
    lastTime = now;
    stream.write(`\r${label} ${position}`);
  };
  return {
    tick(n = 1) {
      position += n;
      draw(false);
    },
    update(done) {
      position = done;
      draw(false);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
