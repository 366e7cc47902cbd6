// `npm test`: typecheck, lint, build, then unit + integration + e2e tests in Vitest.
// Ends with one plain line, `N passed, N failed[, N skipped]`, where each of the first three
// checks counts as one test, so CI can read the outcome of the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`}\n`);
  return ok;
}

const bin = (name) => join('node_modules', '.bin', name);
const onlyTests = extra.length > 0;
if (!onlyTests) {
  for (const [name, cmd, args] of [
    ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
    ['lint', bin('eslint'), ['.', '--max-warnings=0']],
    ['build', bin('electron-vite'), ['build']],
  ]) {
    if (step(name, cmd, args)) passed++;
    else failed++;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'grounded-test-'));
const countsFile = join(dir, 'counts.json');
const vitestOk = step('tests', bin('vitest'), ['run', '--reporter=default', '--reporter=./test/reporter/countsReporter.ts', ...extra], {
  GROUNDED_TEST_COUNTS: countsFile,
});
if (existsSync(countsFile)) {
  const c = JSON.parse(readFileSync(countsFile, 'utf8'));
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  if (!vitestOk && c.failed === 0) failed++; // vitest failed for a reason no test shows
} else {
  failed++;
}
rmSync(dir, { recursive: true, force: true });

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
