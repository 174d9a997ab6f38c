import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Reads the request body up to `maxBodyBytes` from Node's request; `undefined` when it is larger. Reading stops at
 * the limit and the request stays paused: the caller answers 413 and calls {@link lingerAndClose}.
 *
 * The body is read from the Node request, not from the Fetch `Request` stream hono wraps around it: that
 * stream has no cancel hook, so cancelling it leaves a Web-stream reader attached to the request and the unread
 * rest of the body could no longer be discarded.
 *
 * @example
 * const text = await readBounded(c.env.incoming, 16 * 1024 * 1024);
 */
export function readBounded(incoming: IncomingMessage, maxBodyBytes: number): Promise<string | undefined> {
  if (incoming.readableEnded) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBodyBytes) {
        stop();
        incoming.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error('the client closed the connection before the request body ended'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** How long a refused request's unread body is discarded before its connection is closed (ms). */
export const LINGER_MS = 2_000;
/** How many bytes of a refused request's unread body are discarded before its connection is closed. */
export const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * Closes the connection of a request answered (401, 413) without reading its body, gracefully — what nginx
 * calls a lingering close.
 *
 * Node's HTTP server destroys a `Connection: close` socket as soon as the answer is flushed. The client is
 * usually still sending the body then, so unread bytes sit in the server's receive buffer, and closing a socket
 * with unread data makes the kernel send a TCP RST instead of a FIN: the client's next write fails with EPIPE or
 * ECONNRESET, and whether it parsed the answer first is a race it often loses (fetch then rejects with
 * "fetch failed" and never sees the 413). Here the socket is only half-closed after the answer (FIN), and what the
 * client still sends is read and thrown away — at most {@link LINGER_BYTES} bytes or {@link LINGER_MS} ms —
 * until the client, having read the answer, closes its side. Nothing of the body is kept or parsed.
 *
 * @example
 * lingerAndClose(c.env.incoming, c.env.outgoing); // before returning the 413
 */
export function lingerAndClose(
  incoming: IncomingMessage,
  outgoing: { once(event: 'finish', listener: () => void): unknown },
): void {
  const socket = incoming.socket as Socket | null;
  if (!socket || socket.destroyed) return;
  // Node calls socket.destroySoon() when a `Connection: close` answer is finished; on this socket it half-closes.
  socket.destroySoon = function halfClose(this: Socket) {
    if (this.writable) this.end();
  };
  let discarded = 0;
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  socket.once('close', () => clearTimeout(timer));
  incoming.on('error', () => undefined); // the client resetting its side is the expected end
  outgoing.once('finish', () => {
    if (socket.destroyed) return;
    timer = setTimeout(close, LINGER_MS);
    timer.unref();
    incoming.on('data', (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > LINGER_BYTES) close();
    });
    incoming.resume();
  });
}
