/**
 * The connection cap: at most `max` connections reach Node's HTTP server at once, so that a flood of
 * slow connections cannot take every file descriptor of the process. A connection over the cap gets a
 * fixed answer (a 503) as soon as it is accepted, without its request being read or parsed, and is
 * closed: the client learns why and when to retry instead of seeing a reset.
 *
 * Node's own `server.maxConnections` closes such a connection without a word (its `drop` event has no
 * socket to write to), so the cap sits in front of Node's HTTP connection listener instead.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long a refused connection may stay open after its answer, discarding what the client sends, so that
 * its close is not a reset that could destroy the answer before the client reads it. It ends sooner when
 * the client closes (most do on `connection: close`).
 */
export const REFUSED_LINGER_MS = 1_000;

/**
 * At most this many refused connections linger at once (fewer when the cap is lower); past that, in a
 * flood, a refused connection is closed as soon as its answer is written, so that the process holds at
 * most `max` + 64 sockets.
 */
export const REFUSED_LINGER_MAX = 64;

export interface ConnectionCap {
  /** Connections refused so far. */
  readonly refused: () => number;
  /** Closes the refused connections still lingering (on shutdown). */
  readonly dispose: () => void;
}

/**
 * Puts the cap in front of `server`'s connection listeners: connections up to `max` open at once are
 * handed to them (and to `onAdmit`), the others are written `answer` and closed.
 */
export function capConnections(server: Server, max: number, answer: string, onAdmit: (socket: Socket) => void = () => undefined): ConnectionCap {
  const handlers = server.listeners('connection') as ((this: Server, socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const open = new Set<Socket>();
  const lingering = new Set<Socket>();
  const lingerMax = Math.min(max, REFUSED_LINGER_MAX);
  let refused = 0;

  const refuse = (socket: Socket): void => {
    refused += 1;
    socket.on('error', () => undefined); // a client that resets first has nothing left to learn
    if (lingering.size >= lingerMax) {
      socket.end(answer, () => socket.destroy());
      return;
    }
    lingering.add(socket);
    const timer = setTimeout(() => socket.destroy(), REFUSED_LINGER_MS);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      lingering.delete(socket);
    });
    socket.once('end', () => socket.destroy());
    socket.resume(); // discarded unread: the request is neither buffered nor parsed
    socket.end(answer);
  };

  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      refuse(socket);
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    onAdmit(socket);
    for (const handler of handlers) handler.call(server, socket);
  });

  return {
    refused: () => refused,
    dispose: () => {
      for (const socket of lingering) socket.destroy();
    },
  };
}
