// Who a speaker label is, per file: generic labels, two labels of one speaker, and "Title Case:"
// lines that are text. Fixtures in test/fixtures/transcripts/speakers, one per label style.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeAliases, withAliases } from '../../electron/core/importers/aliases';
import { detectInterviewer, parseTranscript } from '../../electron/core/importers/parse';
import { previewTranscript } from '../../electron/core/importers/preview';
import { genericSide, isGenericLabel, looksLikeHeading } from '../../electron/core/importers/speakerKinds';

const dir = join(__dirname, '..', 'fixtures', 'transcripts', 'speakers');
const parse = (name: string) => parseTranscript(name, readFileSync(join(dir, name)));
const text = (s: string) => parseTranscript('x.txt', new TextEncoder().encode(s));
const speakersOf = (name: string) => previewTranscript(parse(name)).speakers;

describe('generic labels name a role in one file, names and codes name a person', () => {
  it.each([
    ['User', 'participant'],
    ['USER', 'participant'],
    ['Speaker 1', 'participant'],
    ['Speaker A', 'participant'],
    ['SPEAKER_00', 'participant'],
    ['Interviewee', 'participant'],
    ['Participant', 'participant'],
    ['Respondent', 'participant'],
    ['Guest', 'participant'],
    ['Unknown', 'participant'],
    ['Unknown Speaker', 'participant'],
    ['A', 'participant'],
    ['Interviewer', 'interviewer'],
    ['Interviewer 2', 'interviewer'],
    ['Moderator', 'interviewer'],
    ['AI', 'interviewer'],
    ['Assistant', 'interviewer'],
    ['Q', 'interviewer'],
  ])('%s is generic (%s side)', (label, side) => {
    expect(genericSide(label)).toBe(side);
  });

  it.each(['Naomi', 'MEL', 'Mel Chua', 'BSR02', 'P3', 'P12', 'Amanda'])('%s names a person', (label) => {
    expect(isGenericLabel(label)).toBe(false);
  });

  it('every generic-label fixture marks its answering label generic, the named and coded ones do not', () => {
    for (const file of ['user-a.txt', 'speaker-numbered.txt', 'speaker-lettered.txt', 'diarised.txt', 'interviewee.txt', 'respondent.txt', 'guest.txt', 'participant.txt']) {
      const participant = speakersOf(file).find((s) => s.proposedRole === 'participant')!;
      expect(participant.generic, file).toBe(true);
    }
    for (const file of ['code-1.txt', 'round-1.txt', 'one-line-speaker.txt']) {
      expect(speakersOf(file).filter((s) => s.proposedRole === 'participant').every((s) => !s.generic), file).toBe(true);
    }
    expect(speakersOf('unknown.txt').find((s) => s.name === 'Unknown')).toMatchObject({ generic: true, proposedRole: 'other' });
  });
});

describe('the interviewer side by its label', () => {
  it('"Interviewer:" stays the interviewer when the participant asks more questions', () => {
    const p = text(
      'Interviewer: Tell me about your week.\nParticipant: Why do you ask? Is this recorded?\nInterviewer: It is, for the study only.\n' +
        'Participant: What happens to it?\nInterviewer: It stays on my laptop.\nParticipant: And who reads it?\n',
    );
    expect(detectInterviewer(p.turns)).toBe('Interviewer');
    expect(detectInterviewer(p.turns.map((t) => ({ ...t, speaker: t.speaker === 'Interviewer' ? 'Mel' : 'Sam' })))).toBe('Sam');
  });
});

describe('one speaker under two labels in one file', () => {
  it('"Assistant:" opening, then "AI:" for every question: one interviewer, the opening kept as a turn', () => {
    const parsed = parse('assistant-ai.txt');
    expect(parsed.turns[0]).toMatchObject({ speaker: 'Assistant' }); // said once above the conversation, but a real turn
    expect(proposeAliases(parsed.turns)).toEqual([{ label: 'Assistant', into: 'AI', reason: expect.stringMatching(/Assistant and AI/) }]);
    const preview = previewTranscript(parsed);
    expect(preview.speakers.map((s) => [s.name, s.proposedRole, s.alias?.into ?? null])).toEqual([
      ['Assistant', 'interviewer', 'AI'],
      ['User', 'participant', null],
      ['AI', 'interviewer', null],
    ]);
    expect(new Set(withAliases(parsed.turns, proposeAliases(parsed.turns)).map((t) => t.speaker))).toEqual(new Set(['AI', 'User']));
    expect(withAliases(parsed.turns, proposeAliases(parsed.turns), new Set(['Assistant']))[0]?.speaker).toBe('Assistant');
  });

  it('a brief named opener who asks, then the interviewer who asks: one speaker', () => {
    const p = text('Mel Chua: Welcome! Thanks for joining us today, shall we begin?\nSam: Sure.\nMel: What do you do?\nSam: I teach.\nMel: Why?\nSam: I like it.\nMel: And then?\nSam: That is all.\n');
    expect(proposeAliases(p.turns).map((a) => [a.label, a.into])).toEqual([['Mel Chua', 'Mel']]);
  });

  it('never merges numbered labels, two people who both speak at length, or labels that answer each other', () => {
    const numbered = text('Speaker 1: Hi, can you hear me?\nSpeaker 3: Yes.\nSpeaker 2: What do you do?\nSpeaker 3: I teach.\nSpeaker 2: Why?\nSpeaker 3: I like it.\nSpeaker 2: Since when?\nSpeaker 3: Years.\n');
    expect(proposeAliases(numbered.turns)).toEqual([]);
    const twoInterviewees = [
      ...['One?', 'Two?', 'Three?'].flatMap((q) => [{ speaker: 'Mel', text: q }, { speaker: 'Donald', text: 'An answer.' }]),
      ...['Four?', 'Five?', 'Six?'].flatMap((q) => [{ speaker: 'Mel', text: q }, { speaker: 'Ernest', text: 'An answer.' }]),
    ];
    expect(proposeAliases(twoInterviewees)).toEqual([]);
    const adjacent = [{ speaker: 'Host', text: 'Welcome, ready?' }, { speaker: 'Moderator', text: 'Hi! Shall we start?' }, { speaker: 'Guest', text: 'Yes.' }, { speaker: 'Moderator', text: 'Why?' }];
    expect(proposeAliases(adjacent)).toEqual([]);
  });

  it('keeps two-label files as they are: two labels are the two sides', () => {
    expect(proposeAliases(parse('user-a.txt').turns)).toEqual([]);
  });
});

describe('"Title Case:" inside a turn is text, a real one-line speaker is not', () => {
  it('headings alone on their line and a heading-like phrase said once stay inside the answer', () => {
    const parsed = parse('heading-in-answer.txt');
    expect([...new Set(parsed.turns.map((t) => t.speaker))]).toEqual(['AI', 'User']);
    expect(parsed.textLabels).toEqual(['Initial Steps', 'Next Steps', 'Key Findings']);
    expect(parsed.turns[1]?.text).toContain('Initial Steps:\nFirst we read the documentation');
    expect(parsed.turns[1]?.text).toContain('Key Findings: the sensors near the pumps');
  });

  it('the researcher can read such a label as a speaker after all', () => {
    const parsed = parseTranscript('h.txt', readFileSync(join(dir, 'heading-in-answer.txt')), { speakers: ['Key Findings'] });
    expect(parsed.turns.map((t) => t.speaker)).toContain('Key Findings');
    expect(parsed.textLabels).toEqual(['Initial Steps', 'Next Steps']);
  });

  it('a one-line speaker with a name is kept: "Mel Chua:", "MIRABAI:" among capitals', () => {
    expect(speakersOf('one-line-speaker.txt').map((s) => [s.name, s.turns])).toEqual([
      ['Priya', 3],
      ['Sam', 3],
      ['Mel Chua', 1],
    ]);
    expect(parse('one-line-speaker.txt').textLabels).toEqual([]);
    expect(text('MEL: Ready?\nDONALD: Yes.\nMEL: Bye?\nDONALD: Bye.\nMIRABAI: My pleasure, as always!\n').turns.map((t) => t.speaker)).toContain('MIRABAI');
  });

  it('a heading is ordinary words; a name, a role or one word is not', () => {
    for (const h of ['Initial Steps', 'Addressing Anomalies', 'Next Steps', 'Key Findings', 'Main Takeaways']) expect(looksLikeHeading(h), h).toBe(true);
    for (const n of ['Mel Chua', 'Dr. Smith', 'Grace Hopper', 'Note Taker', 'Camera Operator', 'Mirabai', 'NEXT STEPS']) expect(looksLikeHeading(n), n).toBe(false);
  });

  it('a label said once above the conversation is still metadata unless it is a real opening turn', () => {
    expect(text('Participant: Sam Lee, 34, nurse who works nights in Leeds\n\nMEL: Hi?\nSAM: Hi.\nMEL: Bye?\nSAM: Bye.\n').turns.map((t) => t.speaker)).toEqual(['MEL', 'SAM', 'MEL', 'SAM']);
    expect(text('Interviewer: Mel Chua\n\nMel: Hi?\nSam: Hi.\nMel: Bye?\nSam: Bye.\n').turns[0]?.speaker).toBe('Mel');
    const abstract = 'Abstract: This interview with a nurse explores how she plans her shifts and pays her bills.\n\n';
    expect(text(`${abstract}Mel: Hi?\nSam: Hi.\nMel: Bye?\nSam: Bye.\n`).turns[0]?.speaker).toBe('Mel');
    const welcome = 'Moderator: Welcome, everyone, and thank you for joining this session about planning your week.\n\n';
    expect(text(`${welcome}Mel: Hi?\nSam: Hi.\nMel: Bye?\nSam: Bye.\n`).turns[0]?.speaker).toBe('Moderator');
  });
});

describe('every fixture in the speakers folder', () => {
  it('parses into at least two speakers, with the label decisions written down', () => {
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(17);
    for (const f of files) expect(new Set(parse(f).turns.map((t) => t.speaker)).size, f).toBeGreaterThanOrEqual(2);
  });
});
