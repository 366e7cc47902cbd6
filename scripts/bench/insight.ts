// Do the drafts find what a researcher would sign? One JSON object per shared interview set, today's
// method beside the baseline (commit 9851bac, before issue 8), each run through its own CLI as a
// user would: import the folder, `synthesize --json` with --personas auto (timed, with the
// embedding) and 2, `info --json`. Figures per method:
//   participants          how many people the import found (ai-at-work: must be 250)
//   ari2, autoK, ariAuto  personas against the known groups (adjusted Rand index) with 2 asked,
//                         and the k that 'auto' picks with its ARI
//   fragmentShare         bullets that fragmentReasons rejects (goal <= 5%)
//   badLabelShare         theme labels that labelReasons rejects: filler or a name (goal 0)
//   wallSeconds, cpuSeconds, peakRssMB   import + synthesis (auto), as /usr/bin/time sees them;
//                         the 2-core target is shared, so CPU seconds are the steadier figure
// then the label quality on banking77 and CLINC150 (labelQuality.ts).
//
//   npm run bench:insight [-- --only ai-at-work|open-source-sustainability|labels] [--no-baseline]
//
// GROUNDED_SHARED_DATA (default ../shared/data) and GROUNDED_BASELINE_DIR (default
// /tmp/grounded-baseline: the baseline's tree is exported there with `git archive` when missing,
// with this checkout's node_modules and model linked in). The baseline reads `User` in every
// ai-at-work file as one person, so it imports a copy with the label made unique per file.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { BULLET_SECTIONS } from '../../shared/domain';
import { fragmentReasons } from '../../electron/core/synthesis/checks/fragment';
import { labelReasons, nameWords } from '../../electron/core/synthesis/checks/label';
import { adjustedRandIndex } from '../../electron/core/synthesis/metrics';
import { labelQualityAll } from './labelQuality';

const ROOT = resolve(__dirname, '..', '..');
const BASELINE_COMMIT = '9851bac';
const GOALS = { participants: 250, ari2: 0.9, fragmentShare: 0.05, badLabelShare: 0, wallSeconds: 60, peakRssMB: 1024 };

interface DataSet {
  name: string;
  /** Transcript files and the known group of each (by file name). */
  files: { path: string; group: string }[];
  /** The baseline's input: the same files, or a copy it can read (see relabelUsers). */
  baselineFiles: (dir: string) => { paths: string[]; groupOfName: Map<string, string> };
}

interface CliPersona {
  participants: { name: string; transcripts?: string[] }[];
  [section: string]: unknown;
}
interface SynthesisJson {
  themes: { label: string }[];
  personas: CliPersona[];
}

interface MethodFigures {
  participants: number;
  quotes: number;
  themes: number;
  ari2: number;
  autoK: number;
  ariAuto: number;
  fragmentShare: number;
  bullets: number;
  badLabelShare: number;
  labels: string[];
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  importSeconds: number;
  synthesisSeconds: number;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** One CLI call of a checkout through tsx, timed by /usr/bin/time. */
function cli(root: string, args: string[], settingsDir: string): { stdout: string; stderr: string; wall: number; cpu: number; rssMB: number } {
  const timing = join(settingsDir, `time-${process.hrtime.bigint()}.txt`);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timing, tsx, join(root, 'electron', 'core', 'cli', 'main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GROUNDED_SETTINGS_DIR: settingsDir },
  });
  if (r.status !== 0) throw new Error(`${root}: grounded ${args[0]} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [wall, user, sys, rssKB] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-4).map(Number) as [number, number, number, number];
  return { stdout: r.stdout, stderr: r.stderr, wall, cpu: user + sys, rssMB: rssKB / 1024 };
}

function ensureBaseline(dir: string): string {
  if (existsSync(join(dir, 'electron', 'core', 'cli', 'main.ts'))) return dir;
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive ${BASELINE_COMMIT} | tar -x -C "${dir}"`], { encoding: 'utf8' });
  if (archive.status !== 0) throw new Error(`could not export the baseline ${BASELINE_COMMIT}: ${archive.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'resources', 'models'))) {
    const target = join(dir, 'resources', 'models', entry);
    if (!existsSync(target)) symlinkSync(join(ROOT, 'resources', 'models', entry), target);
  }
  return dir;
}

function ariOf(personas: CliPersona[], groupOf: (p: { name: string; transcripts?: string[] }) => string | undefined): number {
  const truth: string[] = [];
  const found: number[] = [];
  personas.forEach((persona, index) =>
    persona.participants.forEach((participant) => {
      const group = groupOf(participant);
      if (group === undefined) return;
      truth.push(group);
      found.push(index);
    }),
  );
  const codes = [...new Set(truth)].sort();
  return adjustedRandIndex(truth.map((g) => codes.indexOf(g)), found);
}

/** Speaker and participant names in a study file, for the name rule of theme labels. */
function studyNames(study: string): string[] {
  const db = new Database(study, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select name from speakers union select name from participants').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

function runMethod(root: string, paths: string[], groupOf: (p: { name: string; transcripts?: string[] }) => string | undefined): MethodFigures {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-insight-'));
  try {
    const study = join(dir, 'study.grounded');
    const imported = cli(root, ['import', study, ...paths], dir);
    const auto = cli(root, ['synthesize', study, '--json', '--personas', 'auto', '--seed', '42'], dir);
    const two = cli(root, ['synthesize', study, '--json', '--personas', '2', '--seed', '42'], dir);
    const info = JSON.parse(cli(root, ['info', study, '--json'], dir).stdout) as { counts: { participants: number; quotes: number } };
    const autoOut = JSON.parse(auto.stdout) as SynthesisJson;
    const twoOut = JSON.parse(two.stdout) as SynthesisJson;
    const bullets = autoOut.personas.flatMap((p) =>
      BULLET_SECTIONS.flatMap((section) => ((p[section] as { text: string }[] | undefined) ?? []).map((b) => b.text)),
    );
    const names = nameWords(studyNames(study));
    const labels = autoOut.themes.map((t) => t.label);
    const share = (xs: string[], bad: (x: string) => boolean) => (xs.length ? xs.filter(bad).length / xs.length : 0);
    return {
      participants: info.counts.participants,
      quotes: info.counts.quotes,
      themes: labels.length,
      ari2: round(ariOf(twoOut.personas, groupOf)),
      autoK: autoOut.personas.length,
      ariAuto: round(ariOf(autoOut.personas, groupOf)),
      fragmentShare: round(share(bullets, (b) => fragmentReasons(b).length > 0)),
      bullets: bullets.length,
      badLabelShare: round(share(labels, (l) => labelReasons(l, names).length > 0)),
      labels,
      wallSeconds: round(imported.wall + auto.wall, 1),
      cpuSeconds: round(imported.cpu + auto.cpu, 1),
      peakRssMB: Math.round(Math.max(imported.rssMB, auto.rssMB)),
      importSeconds: round(imported.wall, 1),
      synthesisSeconds: round(auto.wall, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of the files with each file's `User:` label renamed P0001, P0002... (one person per file). */
function relabelUsers(files: DataSet['files'], dir: string): { paths: string[]; groupOfName: Map<string, string> } {
  const groupOfName = new Map<string, string>();
  const paths = files.map((file, i) => {
    const name = `P${String(i + 1).padStart(4, '0')}`;
    groupOfName.set(name.toLowerCase(), file.group);
    const out = join(dir, basename(file.path));
    writeFileSync(out, readFileSync(file.path, 'utf8').replace(/^User:/gm, `${name}:`));
    return out;
  });
  return { paths, groupOfName };
}

function dataSets(shared: string): (DataSet | { name: string; skipped: string })[] {
  const aiAtWork = join(shared, 'transcripts', 'ai-at-work');
  const oss = join(shared, 'transcripts', 'open-source-sustainability');
  const OSS_GROUPS: Record<string, string> = {
    donald: 'maintainers', ernest: 'maintainers', nick: 'maintainers', jackie: 'users', naomi: 'users', terri: 'users',
  };
  const sets: (DataSet | { name: string; skipped: string })[] = [];
  if (existsSync(aiAtWork)) {
    const files = ['creatives', 'scientists'].flatMap((group) =>
      readdirSync(join(aiAtWork, group)).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: join(aiAtWork, group, f), group })),
    );
    sets.push({ name: 'ai-at-work', files, baselineFiles: (dir) => relabelUsers(files, dir) });
  } else sets.push({ name: 'ai-at-work', skipped: `no transcripts at ${aiAtWork}` });
  if (existsSync(oss)) {
    // The interview guide (_interview-protocol.md) is not a transcript.
    const files = readdirSync(oss)
      .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
      .sort()
      .map((f) => ({ path: join(oss, f), group: OSS_GROUPS[f.split('-')[0]!] ?? 'unknown' }));
    const groupOfName = new Map(Object.entries(OSS_GROUPS));
    sets.push({ name: 'open-source-sustainability', files, baselineFiles: () => ({ paths: files.map((f) => f.path), groupOfName }) });
  } else sets.push({ name: 'open-source-sustainability', skipped: `no transcripts at ${oss}` });
  return sets;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-baseline': { type: 'boolean' } } });
  const shared = resolve(process.env.GROUNDED_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data'));
  if (!existsSync(shared)) {
    console.log(JSON.stringify({ skipped: `no shared data at ${shared} (set GROUNDED_SHARED_DATA)` }));
    return;
  }
  if (!existsSync('/usr/bin/time')) throw new Error('bench:insight measures with /usr/bin/time, which this machine lacks');
  const baselineRoot = values['no-baseline'] ? null : ensureBaseline(process.env.GROUNDED_BASELINE_DIR ?? '/tmp/grounded-baseline');

  for (const set of dataSets(shared)) {
    if (values.only && values.only !== set.name) continue;
    if ('skipped' in set) {
      console.log(JSON.stringify({ dataset: set.name, skipped: set.skipped }));
      continue;
    }
    const groupOfFile = new Map(set.files.map((f) => [basename(f.path), f.group]));
    const row: Record<string, unknown> = { dataset: set.name, files: set.files.length, groups: [...new Set(groupOfFile.values())].sort() };
    if (baselineRoot) {
      const copyDir = mkdtempSync(join(tmpdir(), 'grounded-insight-input-'));
      try {
        const { paths, groupOfName } = set.baselineFiles(copyDir);
        row.baseline = { commit: BASELINE_COMMIT, ...runMethod(baselineRoot, paths, (p) => groupOfName.get(p.name.toLowerCase())) };
      } finally {
        rmSync(copyDir, { recursive: true, force: true });
      }
    }
    row.current = runMethod(
      ROOT,
      set.files.map((f) => f.path),
      (p) => (p.transcripts?.[0] === undefined ? undefined : groupOfFile.get(p.transcripts[0])),
    );
    row.goals = GOALS;
    console.log(JSON.stringify(row));
  }

  if (!values.only || values.only === 'labels') {
    for (const quality of await labelQualityAll(shared)) console.log(JSON.stringify({ ...quality, dataset: `${quality.dataset} labels` }));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
