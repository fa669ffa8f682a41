import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { CoTParser } from '@tak-ps/node-cot';
import { isNarizError } from '@nariz/core';
import { CotStreamSplitter, TakSender, cotEvents, type CotEvent, type TakSenderState } from '../src/index.js';
import { fixturePackage } from './release-fixture.js';
import { makeTestPki } from './test-pki.js';

const pki = makeTestPki();
after(() => pki.cleanup());

const FAST = { initialDelayMs: 20, maxDelayMs: 200, factor: 2 };

/** A TAK server stand-in: records each connection and the events received on it. */
class Receiver {
  readonly connections: Array<{ socket: Socket; events: string[] }> = [];
  constructor(readonly server: Server) {}

  attach(socket: Socket): void {
    const splitter = new CotStreamSplitter();
    const conn = { socket, events: [] as string[] };
    this.connections.push(conn);
    socket.on('data', (b) => conn.events.push(...splitter.push(b)));
    socket.on('error', () => {});
  }

  get events(): string[] {
    return this.connections.flatMap((c) => c.events);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}

function listen(server: Server, port = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function plainReceiver(port = 0): Promise<Receiver> {
  const server = createNetServer();
  const r = new Receiver(server);
  server.on('connection', (s) => r.attach(s));
  await listen(server, port);
  return r;
}

async function until(what: string, ok: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function assertSameEvents(received: readonly string[], sent: readonly CotEvent[]): void {
  assert.equal(received.length, sent.length);
  received.forEach((xml, i) => {
    assert.equal(xml, sent[i]!.xml);
    const cot = CoTParser.from_xml(xml);
    assert.equal(cot.uid(), sent[i]!.uid);
    assert.equal(cot.type(), sent[i]!.type);
  });
}

test('plain TCP: events arrive back to back and parse back to the events sent', async () => {
  const rx = await plainReceiver();
  const events = cotEvents(fixturePackage());
  const sender = new TakSender({ host: '127.0.0.1', port: rx.port, backoff: FAST });
  try {
    assert.equal(sender.send(events), true);
    await sender.flush(5_000);
    await until('3 events', () => rx.events.length === 3);
    assertSameEvents(rx.events, events);
    assert.deepEqual({ ...sender.stats(), connected: true }, { queued: 0, inFlight: 0, written: 3, dropped: 0, connections: 1, connected: true });
  } finally {
    await sender.close();
    await rx.close();
  }
});

test('reconnects with backoff: queued while the server is down, delivered when it comes up, and after it drops the link', async () => {
  const probe = await plainReceiver();
  const port = probe.port;
  await probe.close();
  const states: TakSenderState[] = [];
  const events = cotEvents(fixturePackage());
  const sender = new TakSender({ host: '127.0.0.1', port, backoff: FAST, onStateChange: (s) => states.push(s) });
  let rx: Receiver | undefined;
  try {
    sender.send(events[0]!);
    await until('two refused attempts', () => states.filter((s) => s.state === 'waiting').length >= 2);
    const waits = states.flatMap((s) => (s.state === 'waiting' ? [s.delayMs] : []));
    assert.deepEqual(waits.slice(0, 2), [20, 40]);
    assert.equal(sender.stats().queued, 1);
    rx = await plainReceiver(port);
    await until('first event', () => rx!.events.length === 1);
    // The server drops the connection; the next events go over a new one.
    rx.connections[0]!.socket.destroy();
    await until('sender notices the drop', () => !sender.stats().connected);
    sender.send(events.slice(1));
    await sender.flush(5_000);
    await until('all events', () => rx!.events.length === 3);
    assertSameEvents(rx.events, events);
    assert.equal(sender.stats().connections, 2);
    assert.equal(rx.connections.length, 2);
  } finally {
    await sender.close();
    await rx?.close();
  }
  assert.deepEqual(states[states.length - 1], { state: 'closed' });
});

test('bounded queue: a batch that does not fit is refused whole and counted; send after close is a usage error', async () => {
  const probe = await plainReceiver();
  const port = probe.port;
  await probe.close();
  const events = cotEvents(fixturePackage());
  const sender = new TakSender({ host: '127.0.0.1', port, backoff: FAST, maxQueuedEvents: 4 });
  assert.equal(sender.send(events), true);
  assert.equal(sender.send(events), false);
  assert.equal(sender.send(events[0]!), true);
  const s = sender.stats();
  assert.deepEqual([s.queued, s.dropped, s.written], [4, 3, 0]);
  await assert.rejects(sender.flush(100), (e: unknown) => isNarizError(e, 'NARIZ_IO') && /4 events not written/.test(e.message));
  await sender.close();
  assert.throws(() => sender.send(events[0]!), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

async function tlsReceiver(cert: string, key: string): Promise<{ rx: Receiver; peers: string[] }> {
  const peers: string[] = [];
  const server = createTlsServer({ cert, key, ca: pki.caCert, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' });
  const rx = new Receiver(server);
  server.on('secureConnection', (s: TLSSocket) => {
    peers.push(String(s.getPeerCertificate().subject?.CN));
    rx.attach(s);
  });
  server.on('tlsClientError', () => {});
  await listen(server);
  return { rx, peers };
}

test('TLS with a client certificate: the server verifies the client, the client verifies the server (CA and 127.0.0.1 SAN)', async () => {
  const { rx, peers } = await tlsReceiver(pki.serverCert, pki.serverKey);
  const events = cotEvents(fixturePackage());
  const sender = new TakSender({
    host: '127.0.0.1',
    port: rx.port,
    backoff: FAST,
    tls: { ca: { file: pki.caCertFile }, cert: { file: pki.clientCertFile }, key: { pem: Buffer.from(pki.clientKey) } },
  });
  try {
    sender.send(events);
    await sender.flush(5_000);
    await until('3 events over TLS', () => rx.events.length === 3);
    assertSameEvents(rx.events, events);
    assert.deepEqual(peers, ['nariz-exchange-test']);
  } finally {
    await sender.close();
    await rx.close();
  }
});

test('TLS: a server whose certificate the CA did not sign gets nothing', async () => {
  const { rx } = await tlsReceiver(pki.rogueServerCert, pki.rogueServerKey);
  const states: TakSenderState[] = [];
  const sender = new TakSender({
    host: '127.0.0.1',
    port: rx.port,
    backoff: FAST,
    onStateChange: (s) => states.push(s),
    tls: { ca: { pem: pki.caCert }, cert: { pem: pki.clientCert }, key: { pem: pki.clientKey } },
  });
  try {
    sender.send(cotEvents(fixturePackage()));
    await until('a refused handshake', () => states.some((s) => s.state === 'waiting'));
    const refused = states.find((s) => s.state === 'waiting');
    assert.ok(refused?.state === 'waiting' && /certificate/i.test(refused.error), JSON.stringify(refused));
    await assert.rejects(sender.flush(150), (e: unknown) => isNarizError(e, 'NARIZ_IO'));
    assert.equal(rx.events.length, 0);
    assert.ok(!states.some((s) => s.state === 'connected'));
  } finally {
    await sender.close();
    await rx.close();
  }
});

test('TLS: a missing PEM file is NARIZ_IO at construction', () => {
  assert.throws(
    () => new TakSender({ host: '127.0.0.1', tls: { ca: { file: '/nonexistent/ca.pem' }, cert: { pem: pki.clientCert }, key: { pem: pki.clientKey } } }),
    (e: unknown) => isNarizError(e, 'NARIZ_IO') && e.location?.file === '/nonexistent/ca.pem',
  );
});
