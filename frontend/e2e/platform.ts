import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The one place that knows how the platform under test is started and stopped. */
export interface RunningPlatform {
  gatewayUrl: string;
  stop: () => Promise<void>;
}

const REPO = resolve(import.meta.dirname, '..', '..');
// ./booking dev gives up (and stops what it started) after its --start-timeout, 300 s; this is a last resort.
const START_TIMEOUT_SECONDS = 330;

/**
 * `./booking dev` (DESIGN §6) on free ports with empty data: Kafka, PostgreSQL, Redis, Connect and
 * one node with the fake payment provider serving the built web app (frontend/dist). It prints
 * `READY gateway=<url> ...` once everything is up and stops everything it started on SIGTERM.
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'booking-e2e-'));
  chmodSync(dataDir, 0o755); // run as root, PostgreSQL runs as the postgres user, who must reach its data
  const [httpPort, kafkaPort, connectPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const args = ['dev', '--fresh', '--data-dir', join(dataDir, 'dev'), '--http-port', `${httpPort}`,
    '--kafka-port', `${kafkaPort}`, '--connect-port', `${connectPort}`, '--partitions', '2'];
  const child = spawn(join(REPO, 'booking'), args, {
    cwd: REPO,
    env: platformEnvironment(),
    detached: true, // a process group of its own: stop() signals the launcher, never the test runner
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Should the test run end without its teardown (Ctrl-C, a killed build), the platform goes with it.
  const stopOnExit = () => signal(child);
  process.once('exit', stopOnExit);
  try {
    const gatewayUrl = await readyLine(child, dataDir);
    return {
      gatewayUrl,
      stop: async () => {
        process.off('exit', stopOnExit);
        await stop(child);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(child);
    throw error; // the data dir stays: the message names the log of the part that failed
  }
}

function platformEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The e2e tests run inside the Maven build, which built ops and everything it starts before this module.
    BOOKING_SKIP_BUILD: 'true',
    // Cheap password hashes: every test signs up users; the cost is a production concern, not the UI's.
    BOOKING_BCRYPT_COST: '4',
    BOOKING_NODE_HEAP: '-Xmx512m',
  };
  delete env.BOOKING_POSTGRES_URL; // always the platform's own servers, never a developer's
  delete env.BOOKING_REDIS_URL;
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function readyLine(child: ChildProcess, dataDir: string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`./booking dev printed no READY line within ${START_TIMEOUT_SECONDS} s; logs in ${dataDir}`)),
      START_TIMEOUT_SECONDS * 1000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      process.stdout.write(`[platform] ${line}\n`);
      const match = /^READY gateway=(\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`./booking dev exited with ${code} before it was ready; logs in ${dataDir}`));
    });
  });
}

/** SIGTERM to the launcher's process group, then wait until it has stopped everything it started. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveStopped) => {
    child.once('exit', () => resolveStopped());
    signal(child);
  });
}

function signal(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid!, 'SIGTERM');
  }
}
