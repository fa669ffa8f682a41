/**
 * The start-up banner, printed whatever the log level, and its reader: a
 * supervisor, a test or a benchmark that starts the server with NARIZ_PORT=0
 * learns its address from it.
 */
import type { ChildProcess } from 'node:child_process';

const PATTERN = /Nariz listening on (http:\/\/[^\s]+)/;

export function bannerLine(address: string, store: string): string {
  return `Nariz listening on ${address} (${store})\n`;
}

/** The address in a server process's banner; rejects if the process exits first. */
export function waitForBanner(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buf = '';
    if (child.stdout === null) {
      reject(new Error('waitForBanner: the child needs a piped stdout'));
      return;
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      const m = PATTERN.exec(buf);
      if (m !== null) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${buf}`)));
  });
}
