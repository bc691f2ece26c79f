/**
 * The slow-trickle attacker of the slowloris item, in a process of its own so its 500 sockets
 * and timers do not slow down the suite's own measuring client.
 *
 *   tsx bench/reliability/slowloris-attacker.ts <port> <sockets> <ms between bytes>
 *
 * Each socket sends a request's headers one byte at a time, never ending them; a socket the
 * server closes is opened again. Prints a JSON line of counts every 500 ms; exits when its
 * standard input closes (the suite ended, whatever way).
 */
import { connect, type Socket } from 'node:net';

const [port, count, every] = process.argv.slice(2).map(Number);
const HEAD = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Trickle: ';
const counts = { open: 0, opened: 0, closedByServer: 0, errors: 0 };
let stopping = false;

function trickle() {
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  const socket: Socket = connect({ host: '127.0.0.1', port }, () => {
    counts.open++;
    counts.opened++;
    timer = setInterval(() => {
      const byte = sent < HEAD.length ? HEAD[sent] : 'a';
      sent++;
      socket.write(byte);
    }, every);
  });
  socket.on('error', () => counts.errors++);
  socket.on('close', () => {
    if (timer) {
      clearInterval(timer);
      counts.open--;
      counts.closedByServer++;
    }
    if (!stopping) setTimeout(trickle, 50);
  });
  socket.on('data', () => undefined);
}

for (let i = 0; i < count; i++) setTimeout(trickle, (i * every) / count);
setInterval(() => process.stdout.write(`${JSON.stringify(counts)}\n`), 500);
process.stdin.on('end', () => {
  stopping = true;
  process.exit(0);
});
process.stdin.resume();
