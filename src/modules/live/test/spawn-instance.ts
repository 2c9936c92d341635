/**
 * Start an app instance in a child process (instance-child.ts) on the given configuration: for tests that kill an
 * instance with SIGKILL, and for benchmarks whose connections do not fit in one process's file descriptors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./instance-child.ts', import.meta.url));

export function spawnInstance(config: unknown): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, ZX_INSTANCE_CONFIG: JSON.stringify(config), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`the instance did not start:\n${out}`)); }, 120_000);
    child.stdout!.on('data', (b) => {
      out += b;
      const m = out.match(/port (\d+)\n/);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]) }); }
    });
    child.stderr!.on('data', (b) => { out = (out + b).slice(-20_000); });
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`the instance exited (${code ?? signal}):\n${out}`)); });
  });
}
