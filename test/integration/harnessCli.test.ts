// `npm run harness -- study.grounded` as a person runs it: the built entry prints a URL with a
// token, serves the renderer on 127.0.0.1 and answers the contract for the study it opened.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../helpers/tmp';

const entry = join(__dirname, '..', '..', 'out', 'main', 'harness.js');
const tmp = useTmpDir();

describe('the harness entry (built)', () => {
  it('prints its URL, serves the app and answers for the study it opened', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, [entry, join(dir, 'trial.grounded')], {
      env: { ...process.env, GROUNDED_SETTINGS_DIR: join(dir, 'settings') },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`harness exited ${code}: ${out}`)));
      });
      const base = url.slice(0, url.indexOf('#'));
      const token = url.slice(url.indexOf('token=') + 6);
      expect((await fetch(base)).status).toBe(200);
      const res = await fetch(`${base}ipc/study:info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(await res.json()).toMatchObject({ ok: true, value: { name: 'trial' } });
      expect((await fetch(`${base}ipc/study:info`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      child.kill('SIGINT');
    }
  });
});
