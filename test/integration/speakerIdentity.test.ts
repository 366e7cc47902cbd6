// Who becomes a participant when a folder is imported into a real study (SQLite file, the core's
// import job): a generic label is a person of its file, a name or a code is one person across
// files, two labels of one interviewer are one speaker, and the researcher's choices override.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, importAll, transcriptsDir } from '../helpers/core';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();
const dir = join(transcriptsDir, 'speakers');
const file = (name: string) => join(dir, name);

async function participants(core: Core): Promise<string[]> {
  return (await core.handlers()['participants:list']({})).map((p) => p.name).sort();
}

async function detailOf(core: Core, fileName: string) {
  const h = core.handlers();
  const t = (await h['transcripts:list']({})).find((x) => x.fileName === fileName)!;
  return h['transcripts:get']({ id: t.id });
}

describe('speaker identity across the files of a study (real SQLite)', () => {
  it('imports the speakers folder: one participant per file for each generic label, one per name or code', async () => {
    const core = await coreWithStudy(tmp());
    const results = await importAll(core, [dir]);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(await participants(core)).toEqual(
      [
        'assistant-ai (User)',
        'BSR02',
        'Dana',
        'diarised (SPEAKER_01)',
        'guest (Guest)',
        'heading-in-answer (User)',
        'interviewee (Interviewee)',
        'Mel Chua',
        'Naomi',
        'participant (Participant)',
        'respondent (Respondent)',
        'Sam',
        'speaker-lettered (Speaker B)',
        'speaker-numbered (Speaker 2)',
        'user-a (User)',
        'user-b (User)',
      ].sort(),
    );
    const naomi = (await core.handlers()['participants:list']({})).find((p) => p.name === 'Naomi')!;
    expect(naomi.transcriptCount).toBe(2);
  });

  it('"Assistant" then "AI" is one interviewer whose opening is kept; "Initial Steps:" is part of the answer', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, [file('assistant-ai.txt'), file('heading-in-answer.txt')]);
    const ai = await detailOf(core, 'assistant-ai.txt');
    expect(ai.speakers.map((s) => [s.name, s.role])).toEqual([
      ['AI', 'interviewer'],
      ['User', 'participant'],
    ]);
    expect(ai.turns[0]).toMatchObject({ speaker: 'AI', text: expect.stringMatching(/^Hi! Thank you so much/) });
    const headed = await detailOf(core, 'heading-in-answer.txt');
    expect(headed.speakers.map((s) => s.name).sort()).toEqual(['AI', 'User']);
  });

  it('the researcher can say a generic label is the same person in every file, keep an alias apart, and read a heading as a speaker', async () => {
    const core = await coreWithStudy(tmp());
    const finished = await core.startJob({
      kind: 'import',
      paths: [file('user-a.txt'), file('user-b.txt'), file('assistant-ai.txt'), file('heading-in-answer.txt')],
      speakers: {
        [file('user-a.txt')]: { sameAcrossFiles: ['User'] },
        [file('user-b.txt')]: { sameAcrossFiles: ['User'] },
        // Kept apart, the opening label is another voice: the preview sends every role after such a change.
        [file('assistant-ai.txt')]: { renames: { Assistant: 'Assistant' }, roles: { Assistant: 'other', AI: 'interviewer', User: 'participant' } },
        [file('heading-in-answer.txt')]: { readAsSpeakers: ['Key Findings'] },
      },
    }).done;
    expect(finished.result?.imports?.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await participants(core)).toEqual(['Key Findings', 'User', 'assistant-ai (User)', 'heading-in-answer (User)'].sort());
    expect((await detailOf(core, 'assistant-ai.txt')).speakers.map((s) => [s.name, s.role])).toEqual([
      ['Assistant', 'other'],
      ['User', 'participant'],
      ['AI', 'interviewer'],
    ]);
  });

  it('a role changed away and back, or a rename, keeps the file\'s person; renaming to a name joins that person', async () => {
    const core = await coreWithStudy(tmp());
    await importAll(core, [file('user-a.txt'), file('round-1.txt')]);
    const h = core.handlers();
    const userA = await detailOf(core, 'user-a.txt');
    await h['transcripts:setSpeakerRole']({ id: userA.id, speaker: 'User', role: 'other' });
    expect(await participants(core)).toEqual(['Naomi']);
    await h['transcripts:setSpeakerRole']({ id: userA.id, speaker: 'User', role: 'participant' });
    expect(await participants(core)).toEqual(['Naomi', 'user-a (User)']);
    await h['transcripts:renameSpeaker']({ id: userA.id, from: 'User', to: 'Naomi' });
    expect(await participants(core)).toEqual(['Naomi']);
    const naomi = (await h['participants:list']({})).find((p) => p.name === 'Naomi')!;
    expect(naomi.transcriptCount).toBe(2);
  });

  it('the preview (IPC handler) says which labels are generic, which are read as another, and which lines are text', async () => {
    const core = await coreWithStudy(tmp());
    const { files } = await core.handlers()['transcripts:preview']({ paths: [file('assistant-ai.txt'), file('heading-in-answer.txt'), file('code-1.txt')] });
    const byName = new Map(files.map((f) => [f.path.split('/').pop(), f]));
    const ai = byName.get('assistant-ai.txt')!;
    const headed = byName.get('heading-in-answer.txt')!;
    const coded = byName.get('code-1.txt')!;
    if (!ai.ok || !headed.ok || !coded.ok) throw new Error('expected three readable files');
    expect(ai.speakers.map((s) => [s.name, s.generic, s.alias?.into ?? null])).toEqual([
      ['Assistant', true, 'AI'],
      ['User', true, null],
      ['AI', true, null],
    ]);
    expect(headed.textLabels).toEqual(['Initial Steps', 'Next Steps', 'Key Findings']);
    expect(coded.speakers.find((s) => s.name === 'BSR02')).toMatchObject({ generic: false, alias: null, proposedRole: 'participant' });
    expect(coded.textLabels).toEqual([]);
  });
});
