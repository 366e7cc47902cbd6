// grounded themes | undo | redo: the curation workspace's edits from the command line, recorded
// in the same history as the app's (an edit made here is undone there, and the other way round).
import { IpcFailure, runHandler, type CoreChannel, type InputOf, type OutputOf } from '../../../shared/ipc/contract';
import type { Core } from '../service';
import { escapeControls } from './format';

type Stream = Pick<NodeJS.WriteStream, 'write'>;
type Command = 'themes' | 'undo' | 'redo';

export const CURATION_HELP: Record<Command, string> = {
  themes: `Usage: grounded themes <study.grounded> [--json]
       grounded themes rename <study.grounded> <id> <label>
       grounded themes merge <study.grounded> <id> <id>...
       grounded themes hide|unhide <study.grounded> <id>

Without an action, lists the latest run's themes: id, size, label and whether the researcher
hid or curated it (--json: the full list). rename gives a theme a new label; merge folds the
themes into the first (its label stays; personas pointing at the others point at it); hide keeps
a theme but leaves it out of personas' themes on cards and exports. Each edit can be undone.`,
  undo: `Usage: grounded undo <study.grounded>

Takes back the latest curation edit (theme, persona, facet or highlight), made here or in the app.`,
  redo: `Usage: grounded redo <study.grounded>

Does again the edit undone last. A new edit clears what could be redone.`,
};

export function isCurationCommand(command: string): command is Command {
  return command === 'themes' || command === 'undo' || command === 'redo';
}

const ACTIONS = ['rename', 'merge', 'hide', 'unhide'] as const;

function themeId(arg: string | undefined): number {
  const id = Number(arg);
  if (!arg || !Number.isInteger(id) || id <= 0) throw new IpcFailure('invalid_input', `'${arg ?? ''}' is not a theme id (see: grounded themes <study>)`);
  return id;
}

/** Runs one command on an open study (`open` opens it, asking for a passphrase where needed). */
export async function curationCommand(
  command: Command,
  core: Core,
  positionals: string[],
  values: { json?: unknown },
  open: (study: string) => Promise<void>,
  out: Stream,
): Promise<number> {
  // Through the contract, so input is checked as the app's is (a label of 1 to 80 characters).
  const call = async <C extends CoreChannel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await runHandler(core.handlers(), channel, input);
    if (!r.ok) throw new IpcFailure(r.error.code, r.error.message);
    return r.value;
  };
  const action = (ACTIONS as readonly string[]).includes(positionals[0] ?? '') ? (positionals[0] as (typeof ACTIONS)[number]) : null;
  const [study, ...args] = action ? positionals.slice(1) : positionals;
  if (!study) throw new IpcFailure('invalid_input', `give a study: grounded ${command} <study.grounded>`);
  await open(study);
  if (command === 'undo' || command === 'redo') {
    const before = await call('history:state', {});
    const label = command === 'undo' ? before.undoLabel : before.redoLabel;
    if (label === null) {
      out.write(`Nothing to ${command}\n`);
      return 0;
    }
    await call(command === 'undo' ? 'history:undo' : 'history:redo', {});
    out.write(`${command === 'undo' ? 'Undone' : 'Redone'}: ${escapeControls(label)}\n`);
    return 0;
  }
  switch (action) {
    case null: {
      const themes = await call('themes:list', {});
      if (values.json) out.write(`${JSON.stringify(themes, null, 2)}\n`);
      else {
        for (const t of themes) {
          const flags = [t.outlier && 'outlier', t.hidden && 'hidden', t.curated && 'curated'].filter(Boolean).join(',');
          out.write(`${t.id}\t${t.size}\t${escapeControls(t.label)}${flags ? `\t[${flags}]` : ''}\n`);
        }
      }
      return 0;
    }
    case 'rename': {
      const [id, ...words] = args;
      const label = words.join(' ').trim();
      if (!label) throw new IpcFailure('invalid_input', 'give the new label: grounded themes rename <study> <id> <label>');
      const t = await call('themes:rename', { id: themeId(id), label });
      out.write(`${t.id}\t${escapeControls(t.label)}\n`);
      return 0;
    }
    case 'merge': {
      if (args.length < 2) throw new IpcFailure('invalid_input', 'give at least two theme ids: grounded themes merge <study> <id> <id>...');
      const t = await call('themes:merge', { ids: args.map(themeId) });
      out.write(`${t.id}\t${t.size}\t${escapeControls(t.label)}\n`);
      return 0;
    }
    case 'hide':
    case 'unhide': {
      if (args.length !== 1) throw new IpcFailure('invalid_input', `give one theme id: grounded themes ${action} <study> <id>`);
      const t = await call('themes:setHidden', { id: themeId(args[0]), hidden: action === 'hide' });
      out.write(`${t.id}\t${escapeControls(t.label)}\t${t.hidden ? 'hidden' : 'shown'}\n`);
      return 0;
    }
  }
}
