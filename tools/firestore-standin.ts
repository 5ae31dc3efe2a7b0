/**
 * Starts the Firestore stand-in (`@firestore-emulator/server`, an in-memory gRPC server) for the
 * contract tests and the local stack, because the real Cloud Firestore emulator cannot run on
 * these machines (docs/ARCHITECTURE.md, "Testing").
 *
 *   tsx tools/firestore-standin.ts --port 8080 [--host 127.0.0.1]
 *
 * then point firebase-admin at it with FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.
 *
 * The package's own `FirestoreServer.start(port)` always binds 0.0.0.0 and does not report the
 * port it got, so this binds the same gRPC server itself: on loopback only, and able to take
 * port 0 and say which free port the system chose.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as StandInModule from '@firestore-emulator/server';
import type { FirestoreState } from '@firestore-emulator/server';

/**
 * Loaded through require: the package's ESM build imports its own files without extensions, which
 * Node's ESM loader refuses when Vitest externalises it (in a global setup). The CJS build works
 * everywhere. The cast only restores the types that require() cannot know.
 */
const { FirestoreServer, FirestoreStateCollection, FirestoreStateDocument } = createRequire(import.meta.url)(
  '@firestore-emulator/server',
) as typeof StandInModule;
type FirestoreServer = InstanceType<typeof FirestoreServer>;

/**
 * The stand-in keeps each collection's documents in an immer-frozen object and copies the whole
 * object for every document it creates, so seeding is quadratic: 6,000 staff took 40 s and 40,000
 * would take about half an hour. This replaces that one method with an in-place insert, the same
 * semantics (a placeholder document created on first reference) without the copy. Queries and
 * writes inside a document are untouched.
 */
let patched = false;
function makeDocumentInsertLinear(): void {
  if (patched) return;
  patched = true;
  type Document = InstanceType<typeof FirestoreStateDocument>;
  type DocumentArgs = ConstructorParameters<typeof FirestoreStateDocument>;
  // The fields are private in the package's types; this patch is the one place that reaches them.
  interface CollectionInternals {
    documents: Record<string, Document>;
    emitter: DocumentArgs[0];
    database: DocumentArgs[1];
  }
  FirestoreStateCollection.prototype.getDocument = function getDocument(name: string): Document {
    const self = this as unknown as CollectionInternals;
    const existing = Object.hasOwn(self.documents, name) ? self.documents[name] : undefined;
    if (existing) return existing;
    // Thawed once per collection: immer froze the object it last produced.
    if (Object.isFrozen(self.documents)) self.documents = { ...self.documents };
    const created = new FirestoreStateDocument(self.emitter, self.database, this, name, {}, {});
    self.documents[name] = created;
    return created;
  };
}

export interface FirestoreStandIn {
  host: string;
  port: number;
  /** `host:port`, the value FIRESTORE_EMULATOR_HOST takes. */
  address: string;
  /** The stand-in's whole database, e.g. to clear it between tests or look at it in a failing one. */
  state: FirestoreState;
  stop(): Promise<void>;
}

/** The members of @grpc/grpc-js's Server that this file uses. */
interface GrpcServer {
  bindAsync(address: string, credentials: unknown, callback: (error: Error | null, port: number) => void): void;
  tryShutdown(callback: (error?: Error) => void): void;
  forceShutdown(): void;
}

/**
 * The gRPC server inside a FirestoreServer, with the Firestore service already added. It is a
 * private field; it is used rather than building a server from the package's parts because the
 * package bundles each entry point separately, and a service taken from its deep entry point
 * then fails `instanceof` on errors thrown by the main entry's state: a refused `create()` would
 * reach the client as UNKNOWN instead of ALREADY_EXISTS.
 */
function innerGrpcServer(server: FirestoreServer): GrpcServer {
  const inner: unknown = Reflect.get(server, 'server');
  if (!isGrpcServer(inner))
    throw new Error('@firestore-emulator/server changed: FirestoreServer has no gRPC server field');
  return inner;
}

function isGrpcServer(x: unknown): x is GrpcServer {
  if (typeof x !== 'object' || x === null) return false;
  return ['bindAsync', 'tryShutdown', 'forceShutdown'].every((m) => typeof Reflect.get(x, m) === 'function');
}

/**
 * grpc-js's `ServerCredentials.createInsecure()`, from the copy of grpc-js that the stand-in pins
 * (credentials from another copy fail its `instanceof` check). Reached through the server's own
 * module graph so the project need not depend on grpc-js.
 */
function insecureCredentials(): unknown {
  const fromHere = createRequire(import.meta.url);
  const fromStandIn = createRequire(fromHere.resolve('@firestore-emulator/server'));
  const grpc: unknown = fromStandIn('@grpc/grpc-js');
  const credentials: unknown =
    typeof grpc === 'object' && grpc !== null ? Reflect.get(grpc, 'ServerCredentials') : null;
  const create: unknown = typeof credentials === 'function' ? Reflect.get(credentials, 'createInsecure') : null;
  if (typeof create !== 'function')
    throw new Error('@grpc/grpc-js beside @firestore-emulator/server has no ServerCredentials');
  return Reflect.apply(create, credentials, []);
}

export async function startFirestoreStandIn(options: { host?: string; port?: number } = {}): Promise<FirestoreStandIn> {
  const host = options.host ?? '127.0.0.1';
  makeDocumentInsertLinear();
  const standIn = new FirestoreServer();
  const server = innerGrpcServer(standIn);
  const credentials = insecureCredentials();
  const bindHost = host.includes(':') ? `[${host}]` : host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${bindHost}:${options.port ?? 0}`, credentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    address: `${bindHost}:${port}`,
    state: standIn.state,
    stop() {
      // Clients (firebase-admin) keep channels open; a graceful shutdown would wait for them, so
      // after a short grace period the server is closed hard.
      stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return stopped;
    },
  };
}

function parseArgs(argv: readonly string[]): { host?: string; port?: number } {
  const out: { host?: string; port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--port' || arg === '--host') && value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
      out.port = port;
      i++;
    } else if (arg === '--host' && value !== undefined) {
      out.host = value;
      i++;
    } else {
      throw new Error(
        `unknown argument: ${arg}\nusage: tsx tools/firestore-standin.ts [--port 8080] [--host 127.0.0.1]`,
      );
    }
  }
  return out;
}

async function main(): Promise<void> {
  const standIn = await startFirestoreStandIn({ port: 8080, ...parseArgs(process.argv.slice(2)) });
  console.log(`Firestore stand-in listening on ${standIn.address} (FIRESTORE_EMULATOR_HOST=${standIn.address})`);
  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping the Firestore stand-in`);
    void standIn.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
