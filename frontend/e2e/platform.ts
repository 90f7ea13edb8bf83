import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The one place that knows how the platform under test is started and stopped. */
export interface RunningPlatform {
  gatewayUrl: string;
  stop: () => Promise<void>;
}

const FRONTEND = resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 240_000;

/**
 * The platform command: prints `READY gateway=<url> ...` (DESIGN §6) when ready, stops everything
 * on SIGTERM. Until `./booking dev` lands this is a stand-in with the same contract.
 */
function platformCommand(dataDir: string): [string, string[]] {
  return [join(FRONTEND, 'e2e', 'platform.sh'), ['--data-dir', dataDir]];
}

export async function startPlatform(): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'booking-e2e-'));
  const [command, args] = platformCommand(dataDir);
  const child = spawn(command, args, { cwd: resolve(FRONTEND, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const gatewayUrl = await readyLine(child);
  return { gatewayUrl, stop: () => stop(child) };
}

function readyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop(child);
      reject(new Error(`the platform printed no READY line within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      process.stdout.write(`[platform] ${line}\n`);
      const match = /^READY gateway=(\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited with ${code} before it was ready`));
    });
  });
}

/** SIGTERM, then wait for the platform to stop everything it started. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}
