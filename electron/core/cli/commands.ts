import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JobFinished, JobProgress, ParticipantRemoval } from '../../../shared/domain';
import { IpcFailure, exportFormatSchema, parseInput, personaCountSchema } from '../../../shared/ipc/contract';
import { backupStudy, restoreStudy } from '../backup';
import { createCoreHost } from '../host/inProcess';
import { withExtension, type Core } from '../service';
import { damagedStudy, isCorruption } from '../db/open';
import { latestBackupAdvice } from '../studyBackups';
import { ENCRYPTION_HELP, encryptionCommand, isEncryptionCommand } from './encryptionCommands';
import { CURATION_HELP, curationCommand, isCurationCommand } from './curationCommands';
import { Passphrases } from './passphrase';
import { escapeControls, formatInfo, formatPreview, formatSynthesis, synthesisJson } from './format';

const HELP: Record<string, string> = {
  main: `Usage: grounded <command> [options]

Commands:
  import <study.grounded> <file-or-folder>...   import transcripts (creates the study if missing)
  synthesize <study.grounded> [options]         embed, cluster themes, draft personas
  export <study.grounded> --format pdf|md|json --out <dir> [--pseudonymise] [--preview]
  info <study.grounded> [--json]                counts of what the study holds
  questions <study.grounded> [question]...      what the research needs to learn: set, or list
  participants remove <study.grounded> <name-or-code>   withdraw consent: erase a participant's words
  backup <study.grounded> <file>                a consistent copy, even while another process writes
  restore <backup> <study.grounded> [--force]   put a backup in place (atomically)
  encrypt | decrypt | rekey <study.grounded>    add, remove or change a study's passphrase
  themes [rename|merge|hide|unhide] <study.grounded> ...   list themes, or curate them
  undo | redo <study.grounded>                  take back (or redo) the latest curation edit

Run 'grounded <command> --help' for a command's options. Everything runs on this machine.
An encrypted study: every command asks for its passphrase at a terminal, or takes
--passphrase-env NAME, the name of an environment variable that holds it.`,
  import: `Usage: grounded import <study.grounded> <file-or-folder>...

Imports .txt/.md transcripts ("Name: text" turns) and WebVTT captions. Folders are read
recursively. Prints one line per file: ok, skipped (already imported) or error with the reason.
Exits 1 if any file failed; the other files are still imported.`,
  synthesize: `Usage: grounded synthesize <study.grounded> [--personas auto|2|3|4] [--themes auto|N] [--seed N] [--json]

Embeds quotes not embedded yet (on-device model), clusters them into themes (--themes sets
their number; auto lets the data choose) and groups participants into personas. --json prints one object:
{ themes, personas }; each persona participant comes with the file names of their transcripts.`,
  export: `Usage: grounded export <study.grounded> --format pdf|md|json --out <dir> [--pseudonymise] [--preview]

Writes one file per persona (PDF: one page each) plus a deck with all of them.
--pseudonymise: participants appear as their pseudonym (the "Pseudonym" attribute), else their
code, else P01, P02...; names of participants and other people, e-mail addresses, phone numbers
and links in every text are replaced. --preview prints each replacement (kind, original,
replacement, count) and writes nothing (--format and --out are then not needed).`,
  info: `Usage: grounded info <study.grounded> [--json]

Prints counts: transcripts, participants, quotes, embedded, themes, personas, and the research questions.`,
  questions: `Usage: grounded questions <study.grounded> [question]... [--clear]

With questions, makes them the study's research questions (what the research needs to learn; the
persona deck's cover lists them), in that order. Without, prints them, one per line. --clear
removes them all.`,
  participants: `Usage: grounded participants remove <study.grounded> <name-or-code>

Withdraws a participant's consent: removes their turns, quotes, vectors, search index entries,
highlights and records, overwrites the freed space (secure_delete, VACUUM) and redacts drafted
text that quoted or named them. Their transcripts keep the interviewer's turns. Prints what was
removed and every persona claim that lost evidence.`,
  backup: `Usage: grounded backup <study.grounded> <file>

Copies the study through SQLite's online backup API: consistent while the app or another
command writes to it. The copy passes an integrity check before it takes the file's name.`,
  restore: `Usage: grounded restore <backup> <study.grounded> [--force]

Puts a backup in place of the study. Refuses to replace an existing study without --force. The
backup is checked, copied beside the study and renamed in: a crash leaves one or the other.`,
  ...ENCRYPTION_HELP,
  ...CURATION_HELP,
};

class UsageError extends Error {}

export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.write(`${HELP.main}\n`);
    return command ? 0 : 2;
  }
  if (!(command in HELP) || command === 'main') {
    err.write(`grounded: unknown command '${command}'\n\n${HELP.main}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        personas: { type: 'string' },
        themes: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        clear: { type: 'boolean' },
        force: { type: 'boolean' },
        'passphrase-env': { type: 'string' },
        'new-passphrase-env': { type: 'string' },
        pseudonymise: { type: 'boolean' },
        preview: { type: 'boolean' },
      },
    }));
  } catch (e) {
    err.write(`grounded ${command}: ${(e as Error).message}\n\n${HELP[command]}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${HELP[command]}\n`);
    return 0;
  }
  const passphrases = new Passphrases({
    'passphrase-env': values['passphrase-env'] as string | undefined,
    'new-passphrase-env': values['new-passphrase-env'] as string | undefined,
  });
  const host = await createCoreHost();
  const core = host.core;
  unlockers.set(core, passphrases);
  try {
    if (isEncryptionCommand(command)) return await encryptionCommand(command, positionals, passphrases, out, err);
    if (isCurationCommand(command)) return await curationCommand(command, core, positionals, values, (study) => openExisting(core, study), out);
    switch (command) {
      case 'import':
        return await importCommand(core, positionals, out, err);
      case 'synthesize':
        return await synthesizeCommand(core, positionals, values, out, err);
      case 'export':
        return await exportCommand(core, positionals, values, out, err);
      case 'questions':
        return await questionsCommand(core, positionals, values, out);
      case 'participants':
        return await participantsCommand(core, positionals, out);
      case 'backup':
        return await backupCommand(positionals, passphrases, out);
      case 'restore':
        return await restoreCommand(positionals, values, passphrases, out);
      default:
        return await infoCommand(core, positionals, values, out);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`grounded ${command}: ${e.message}\n\n${HELP[command]}\n`);
      return 2;
    }
    if (e instanceof IpcFailure) {
      err.write(`grounded ${command}: ${escapeControls(e.message)}\n`);
      return 1;
    }
    if (isCorruption(e) && positionals[0]) {
      // Damage found past the open (a page in the middle): still the file's name and what to do.
      const study = resolve(withExtension(positionals[0]));
      const advice = latestBackupAdvice(core.backupSettings, study);
      err.write(`grounded ${command}: ${escapeControls(damagedStudy(study, (e as Error).message).message + advice)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await host.close();
  }
}

type Stream = Pick<NodeJS.WriteStream, 'write'>;

function studyArg(positionals: string[]): string {
  const study = positionals[0];
  if (!study) throw new UsageError('missing <study.grounded>');
  return study;
}

/** Each run's passphrase source, by its core: every command opens through openExisting. */
const unlockers = new WeakMap<Core, Passphrases>();

async function openExisting(core: Core, path: string): Promise<void> {
  const full = withExtension(path);
  if (!existsSync(full) && !existsSync(path)) throw new IpcFailure('not_found', `${path}: no such study file`);
  const file = existsSync(path) ? path : full;
  await unlockers.get(core)!.unlock(file, (passphrase) => core.openStudy(file, false, passphrase));
}

function progressPrinter(err: Stream): (p: JobProgress) => void {
  return (p) => err.write(`[${p.kind}] ${p.total ? `${p.done}/${p.total} ` : ''}${escapeControls(p.message)}\n`);
}

async function runJob(core: Core, spec: Parameters<Core['startJob']>[0], err: Stream): Promise<JobFinished> {
  const off = core.on('jobs:progress', progressPrinter(err));
  const onSigint = () => {
    err.write('Cancelling… (what was committed stays)\n');
    core.jobs.cancelAll();
  };
  process.once('SIGINT', onSigint);
  try {
    return await core.startJob(spec).done;
  } finally {
    off();
    process.off('SIGINT', onSigint);
  }
}

/** Says on stderr why a job did not complete; true when it did not. */
function reportUnfinished(what: string, finished: JobFinished, err: Stream): boolean {
  if (finished.status === 'completed') return false;
  err.write(`${what} ${finished.status}${finished.error ? `: ${escapeControls(finished.error.message)}` : ''}\n`);
  return true;
}

async function importCommand(core: Core, positionals: string[], out: Stream, err: Stream): Promise<number> {
  const study = studyArg(positionals);
  const paths = positionals.slice(1);
  if (paths.length === 0) throw new UsageError('give at least one file or folder to import');
  const exists = existsSync(study) || existsSync(withExtension(study));
  if (exists) await openExisting(core, study);
  else {
    // With --passphrase-env, the new study is encrypted from its first byte.
    const passphrase = unlockers.get(core)!.fromEnv('passphrase-env');
    await core.openStudy(withExtension(study), true, passphrase);
    err.write(`Created ${passphrase === undefined ? 'study' : 'encrypted study'} ${withExtension(study)}\n`);
  }
  const finished = await runJob(core, { kind: 'import', paths }, err);
  const results = finished.result?.imports ?? [];
  for (const r of results) out.write(`${r.status === 'ok' ? 'ok' : r.status === 'skipped' ? 'skipped' : 'error'}\t${escapeControls(r.message)}\n`);
  const failed = results.filter((r) => r.status === 'error').length;
  const ok = results.filter((r) => r.status === 'ok').length;
  err.write(`${ok} imported, ${results.length - ok - failed} skipped, ${failed} failed\n`);
  if (reportUnfinished('Import', finished, err)) return 1;
  return failed > 0 ? 1 : 0;
}

async function synthesizeCommand(
  core: Core,
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  out: Stream,
  err: Stream,
): Promise<number> {
  await openExisting(core, studyArg(positionals));
  const raw = (values.personas as string | undefined) ?? 'auto';
  const personas = personaCountSchema.safeParse(raw === 'auto' ? raw : Number(raw));
  if (!personas.success) throw new UsageError(`--personas must be auto, 2, 3 or 4 (got '${raw}')`);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer (got '${String(values.seed)}')`);
  const rawThemes = (values.themes as string | undefined) ?? 'auto';
  const themeCount = rawThemes === 'auto' ? 'auto' : Number(rawThemes);
  if (themeCount !== 'auto' && !(Number.isInteger(themeCount) && themeCount >= 2 && themeCount <= 60)) {
    throw new UsageError(`--themes must be auto or a whole number from 2 to 60 (got '${rawThemes}')`);
  }
  // Said before it runs: what the new synthesis replaces and what it keeps (the researcher's curation).
  const plan = await core.handlers()['synthesis:plan']({});
  if (plan.hasSynthesis) err.write(`${plan.message}\n`);
  const finished = await runJob(core, { kind: 'synthesize', personas: personas.data, themes: themeCount, seed }, err);
  if (reportUnfinished('Synthesis', finished, err)) return 1;
  const lost = finished.result?.synthesis?.lost;
  if (lost?.personas.length) err.write(`Edits not carried over (no participant in common with a new persona): ${lost.personas.map(escapeControls).join(', ')}\n`);
  if (lost?.themes.length) err.write(`Theme names/hidden flags not carried over (their quotes scattered): ${lost.themes.map(escapeControls).join(', ')}\n`);
  const handlers = core.handlers();
  const themes = await handlers['themes:list']({});
  const list = await handlers['personas:list']({});
  if (values.json) {
    const transcripts = await handlers['transcripts:list']({});
    out.write(`${JSON.stringify(synthesisJson(themes, list, transcripts), null, 2)}\n`);
  } else out.write(formatSynthesis(themes, list, finished.result?.synthesis));
  return 0;
}

async function exportCommand(
  core: Core,
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  out: Stream,
  err: Stream,
): Promise<number> {
  await openExisting(core, studyArg(positionals));
  if (values.preview) {
    out.write(formatPreview(await core.handlers()['export:preview']({})));
    return 0;
  }
  const format = exportFormatSchema.safeParse(values.format);
  if (!format.success) throw new UsageError('--format must be pdf, md or json');
  if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out <dir> is required');
  const finished = await runJob(core, { kind: 'export', format: format.data, outDir: values.out, pseudonymise: values.pseudonymise === true }, err);
  if (reportUnfinished('Export', finished, err)) return 1;
  for (const f of finished.result?.export?.files ?? []) out.write(`${escapeControls(f)}\n`);
  return 0;
}

async function questionsCommand(
  core: Core,
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  out: Stream,
): Promise<number> {
  await openExisting(core, studyArg(positionals));
  const asked = positionals.slice(1);
  if (values.clear && asked.length) throw new UsageError('give questions or --clear, not both');
  const info =
    asked.length || values.clear
      ? await core.handlers()['study:setQuestions'](parseInput('study:setQuestions', { questions: asked }))
      : core.info()!;
  out.write(info.questions.map((q) => `${q}\n`).join(''));
  return 0;
}

async function infoCommand(
  core: Core,
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  out: Stream,
): Promise<number> {
  await openExisting(core, studyArg(positionals));
  const info = core.info()!;
  out.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
  return 0;
}

async function participantsCommand(core: Core, positionals: string[], out: Stream): Promise<number> {
  const [verb, ...rest] = positionals;
  if (verb !== 'remove') throw new UsageError(`unknown participants command '${verb ?? ''}' (remove)`);
  const study = studyArg(rest);
  const who = rest[1];
  if (!who || rest.length > 2) throw new UsageError('give one participant: their name or code');
  await openExisting(core, study);
  const handlers = core.handlers();
  const key = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const all = await handlers['participants:details']({});
  const match = all.filter((p) => key(p.name) === key(who) || (p.profile.code && key(p.profile.code) === key(who)) || p.aliases.includes(key(who)));
  if (match.length === 0) throw new IpcFailure('not_found', `no participant named or coded '${who}'`);
  if (match.length > 1) throw new IpcFailure('ambiguous', `'${who}' matches ${match.map((p) => p.name).join(', ')}: give their code`);
  const r = await handlers['participants:remove']({ id: match[0]!.id });
  out.write(formatRemoval(r));
  return 0;
}

function formatRemoval(r: ParticipantRemoval): string {
  const lines = [
    `Removed ${r.participant.name}${r.participant.code ? ` (${r.participant.code})` : ''}: ${r.turnsRemoved} turns, ${r.quotesRemoved} quotes, ${r.highlightsRemoved} highlights, ${r.embeddingsRemoved} vectors, their records; the freed space was overwritten.`,
  ];
  if (r.undoEntriesCleared > 0) lines.push(`Cleared the undo history (${r.undoEntriesCleared} entries): it could hold their words.`);
  for (const t of r.transcripts) {
    lines.push(
      t.outcome === 'kept'
        ? `Kept ${t.fileName}: ${t.turnsLeft} turns of the interviewer (and others) remain.`
        : `Deleted ${t.fileName}: no other turns remained.`,
    );
  }
  for (const x of r.redacted) lines.push(`Redacted the ${x.what} of ${x.of}: it quoted or named them.`);
  if (r.loss.claims.length === 0) lines.push('No persona claim cited them.');
  else {
    lines.push(`${r.loss.claims.length} persona claims lost evidence:`);
    for (const c of r.loss.claims) {
      lines.push(`  ${c.personaName}, ${c.section} ${c.index + 1}: lost ${c.lost}${c.unsupported ? ', now unsupported' : ''}: ${c.text}`);
    }
  }
  if (r.loss.definingQuotesCleared) lines.push(`${r.loss.definingQuotesCleared} personas lost their defining quote.`);
  return lines.map((l) => `${escapeControls(l)}\n`).join('');
}

async function backupCommand(positionals: string[], passphrases: Passphrases, out: Stream): Promise<number> {
  const [study, file] = positionals;
  if (!study || !file) throw new UsageError('give the study and the backup file');
  const full = existsSync(study) ? study : withExtension(study);
  const r = await passphrases.unlock(full, (passphrase) => backupStudy(full, file, { passphrase }));
  out.write(`${escapeControls(r.path)}\n`);
  return 0;
}

async function restoreCommand(positionals: string[], values: Record<string, string | boolean | undefined>, passphrases: Passphrases, out: Stream): Promise<number> {
  const [backup, study] = positionals;
  if (!backup || !study) throw new UsageError('give the backup file and the study');
  const r = await passphrases.unlock(backup, (passphrase) => restoreStudy(backup, withExtension(study), { force: values.force === true, passphrase }));
  out.write(`${escapeControls(r.path)}\n`);
  return 0;
}
