/**
 * The local stack, as `npm start` and the integration and end-to-end tests run it: the Firestore
 * stand-in on loopback, the Auth, Functions and Hosting emulators of firebase-tools (with a
 * `demo-` project: no real project, no key), a seeded demo organisation, and the built PWA.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startFirestoreStandIn, type FirestoreStandIn } from './firestore-standin';
import type { DemoAccount } from './demo-org';
import { seedDemo } from './seed';

export const PROJECT_ID = 'demo-shokuin';
export const REGION = 'asia-northeast1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Ports of firebase.json; the stand-in's is ours. */
export const PORTS = { firestore: 8085, auth: 9099, functions: 5001, hosting: 5050 } as const;

/**
 * A second stack (the benchmark beside a test run) needs every port of its own, including the
 * emulator hub and the helpers firebase-tools starts on its own (logging, eventarc, tasks).
 */
interface StackLayout {
  ports: { firestore: number; auth: number; functions: number; hosting: number };
  /** firebase.json, or a generated copy with other ports. */
  configFile: string | null;
  outDir: string;
}

async function layoutFor(portBase: number | undefined): Promise<StackLayout> {
  if (portBase === undefined) return { ports: { ...PORTS }, configFile: null, outDir: 'dist' };
  const ports = { hosting: portBase, functions: portBase + 1, auth: portBase + 2, firestore: portBase + 3 };
  const outDir = `.stack/dist-${portBase}`;
  const config = JSON.parse(await readFile(`${ROOT}/firebase.json`, 'utf8')) as {
    hosting: { public: string };
    emulators: Record<string, unknown>;
  };
  config.hosting.public = outDir;
  config.emulators = {
    ...config.emulators,
    auth: { host: '127.0.0.1', port: ports.auth },
    functions: { host: '127.0.0.1', port: ports.functions },
    hosting: { host: '127.0.0.1', port: ports.hosting },
    hub: { host: '127.0.0.1', port: portBase + 4 },
    logging: { host: '127.0.0.1', port: portBase + 5 },
    eventarc: { host: '127.0.0.1', port: portBase + 6 },
    tasks: { host: '127.0.0.1', port: portBase + 7 },
  };
  // Beside firebase.json, because firebase-tools resolves the config's paths from its folder.
  const configFile = `firebase.stack-${portBase}.json`;
  await writeFile(`${ROOT}/${configFile}`, JSON.stringify(config, null, 2));
  return { ports, configFile, outDir };
}

export interface StackOptions {
  staff: number;
  /** Build the PWA and the functions first (skip when the caller just built them). */
  build: boolean;
  log: (line: string) => void;
  /** Run on ports portBase … portBase+7 instead of firebase.json's, beside another stack. */
  portBase?: number;
}

export interface Stack {
  appUrl: string;
  /** Where the served build is (dist unless the stack has its own ports). */
  outDir: string;
  functionsUrl: string;
  authUrl: string;
  firestoreHost: string;
  accounts: DemoAccount[];
  standIn: FirestoreStandIn;
  stop(): Promise<void>;
}

export function run(
  cmd: string,
  args: string[],
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (b: Buffer) => (output += b.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else {
        log(output);
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
      }
    });
  });
}

export async function buildAll(
  log: (line: string) => void,
  appEnv: Record<string, string> = {},
  outDir = 'dist',
): Promise<void> {
  log('アプリと Functions をビルドしています…');
  await Promise.all([
    // NODE_ENV is forced: under Vitest it is 'test', which would build React and Workbox for development.
    run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], log, {
      ...appEnv,
      NODE_ENV: 'production',
    }),
    run('npm', ['--prefix', 'functions', 'run', 'build'], log),
  ]);
}

function startEmulators(
  firestoreHost: string,
  configFile: string | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/firebase-tools/lib/bin/firebase.js',
      'emulators:start',
      '--only',
      'auth,functions,hosting',
      '--project',
      PROJECT_ID,
      ...(configFile ? ['--config', configFile] : []),
    ],
    {
      cwd: ROOT,
      // Its own process group, so stopping the stack also stops the function runtimes it forks.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // The functions runtime inherits this and its firebase-admin talks to the stand-in.
        FIRESTORE_EMULATOR_HOST: firestoreHost,
        NO_UPDATE_NOTIFIER: '1',
        // No cloud metadata server here; without this, firebase-admin probes it and warns.
        METADATA_SERVER_DETECTION: 'none',
        // Otherwise the emulator forks one Node runtime per concurrent request: 200 エール at once
        // started up to 50 of them on 2 cores and timed out. A bounded pool queues the rest.
        FUNCTIONS_EMULATOR_PARALLEL: process.env.FUNCTIONS_EMULATOR_PARALLEL ?? '8',
      },
    },
  );
  let output = '';
  let ready = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      log(output);
      reject(new Error('firebase emulators did not become ready within 180 s'));
    }, 180_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      if (!ready && output.includes('All emulators ready')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      if (ready) return;
      clearTimeout(timer);
      log(output);
      reject(new Error(`firebase emulators exited early with ${code}`));
    });
  });
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    const exited = once(child, 'exit');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((r) => (timer = setTimeout(r, 15_000, 'timeout')));
    try {
      process.kill(-child.pid, 'SIGINT');
      if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    } finally {
      clearTimeout(timer);
    }
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { log } = options;
  const { ports, configFile, outDir } = await layoutFor(options.portBase);
  const appEnv = { VITE_AUTH_EMULATOR_URL: `http://127.0.0.1:${ports.auth}` };
  if (options.build) await buildAll(log, appEnv, outDir);
  const standIn = await startFirestoreStandIn({ host: '127.0.0.1', port: ports.firestore });
  const firestoreHost = standIn.address;
  let emulators: ChildProcess | null = null;
  try {
    log('エミュレーターを起動し、デモ組織を登録しています…');
    const authHost = `127.0.0.1:${ports.auth}`;
    const [child, accounts] = await Promise.all([
      startEmulators(firestoreHost, configFile, log),
      // Firestore can be seeded while the emulators boot; Auth users wait for the Auth emulator inside.
      seedDemo({ staff: options.staff, firestoreHost, authHost, projectId: PROJECT_ID }),
    ]);
    emulators = child;
    const stopEmulators = child;
    return {
      appUrl: `http://127.0.0.1:${ports.hosting}`,
      functionsUrl: `http://127.0.0.1:${ports.functions}/${PROJECT_ID}/${REGION}/api`,
      outDir,
      authUrl: `http://${authHost}`,
      firestoreHost,
      accounts,
      standIn,
      async stop() {
        await stopProcessGroup(stopEmulators);
        await standIn.stop();
      },
    };
  } catch (e) {
    if (emulators) await stopProcessGroup(emulators);
    await standIn.stop();
    throw e;
  }
}
