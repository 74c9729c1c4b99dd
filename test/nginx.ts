// nginx serving a folder, as a province's or a CDN's web server would: Debian's nginx with its own
// media types and nothing else (no rewrite, no fallback), run as this user on a free port of 127.0.0.1,
// its configuration, pid and temporary files in a folder removed with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './browser/harness.js';

/** Debian's nginx (in /usr/sbin, which a user's PATH may lack), or NGINX_PATH. */
const NGINX = process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

/** A running nginx: its address, its process and how to stop it. */
export interface Nginx {
  base: string;
  child: ChildProcess;
  stop(): void;
}

/** What a caller may change: the media types (Debian's by default) and directives added to `http` (the API benchmark's sendfile, etag, keep-alive). */
export interface NginxOptions {
  types?: string;
  http?: string[];
  connections?: number;
}

/** The configuration: Debian's mime.types, a root folder and a port; everything it writes stays in `prefix`. */
function configuration(prefix: string, root: string, port: number, options: NginxOptions): string {
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  // Run as root, nginx's workers would become "nobody", who cannot enter the tests' private temporary folders.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections ${options.connections ?? 256}; }
http {
  ${options.types ?? 'include /etc/nginx/mime.types;'}
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  ${(options.http ?? []).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`;
}

/** Starts nginx over `root`; resolves once it answers. */
export async function startNginx(root: string, options: NginxOptions = {}): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'rubric-nginx-'));
  const port = await freePort();
  mkdirSync(join(prefix, 'logs'));
  writeFileSync(join(prefix, 'nginx.conf'), configuration(prefix, root, port, options));
  const server: ChildProcess = spawn(NGINX, ['-p', prefix, '-e', 'stderr', '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  server.stderr?.on('data', (d) => (output += d));
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(prefix, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && server.exitCode === null; i++) {
    try {
      await fetch(`${base}/`);
      return { base, child: server, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  stop();
  throw new Error(`nginx did not start:\n${output}`);
}
