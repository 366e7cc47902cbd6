import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectInterviewer,
  ImportError,
  MAX_TRANSCRIPT_BYTES,
  parseTranscript,
  type ParsedTranscript,
} from '../../electron/core/importers/parse';

const dir = join(__dirname, '..', 'fixtures', 'transcripts');
const read = (name: string): Uint8Array => readFileSync(join(dir, name));
const parseFixture = (name: string): ParsedTranscript => parseTranscript(name, read(name));
const parseText = (text: string, name = 'inline.txt'): ParsedTranscript =>
  parseTranscript(name, new TextEncoder().encode(text));

function turnCounts(p: ParsedTranscript): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of p.turns) counts[t.speaker] = (counts[t.speaker] ?? 0) + 1;
  return counts;
}

function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError, but parsing succeeded');
}

describe('parseTranscript: interview fixtures', () => {
  it.each([
    // file, format, turns per speaker (in order of first appearance), interviewer, date, first startMs
    ['interview-alex.txt', 'text', { Interviewer: 16, Alex: 16 }, 'Interviewer', '2024-03-14', null],
    ['interview-sam.md', 'markdown', { Priya: 16, Sam: 16 }, 'Priya', '2024-03-19', null],
    ['focus-call.vtt', 'webvtt', { 'Priya Raman': 7, 'Nadia Haddad': 5, 'Ben Carter': 7 }, 'Priya Raman', '2024-03-21', 2140],
    ['interview-jordan.txt', 'text', { Priya: 16, Jordan: 16 }, 'Priya', '2024-03-26', 4000],
    ['interview-maria.md', 'markdown', { 'Chris Wu': 14, 'Maria Lopez': 14 }, 'Chris Wu', '2024-04-02', null],
    ['interview-dev.txt', 'text', { KIM: 16, DEV: 16 }, 'KIM', null, null],
    ['interview-kai.txt', 'text', { Interviewer: 14, Kai: 14 }, 'Interviewer', '2024-04-09', 3000],
  ] as const)('%s: %s, speakers %j, interviewer %s', (file, format, counts, interviewer, date, firstMs) => {
    const p = parseFixture(file);
    expect(p.format).toBe(format);
    expect(turnCounts(p)).toEqual(counts);
    expect(Object.keys(turnCounts(p))).toEqual(Object.keys(counts));
    expect(detectInterviewer(p.turns)).toBe(interviewer);
    expect(p.interviewDate).toBe(date);
    expect(p.turns[0]?.startMs).toBe(firstMs);
    expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
    for (const t of p.turns) {
      expect(t.text.trim()).toBe(t.text);
      expect(t.text.length).toBeGreaterThan(0);
      expect(t.text).not.toContain('\r');
    }
  });

  it('hashes the original bytes, so the same words in another encoding are another file', () => {
    const utf8 = new TextEncoder().encode('A: one?\nB: two\nA: three?');
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    const a = parseTranscript('x.txt', utf8);
    const b = parseTranscript('x.txt', withBom);
    expect(a.contentHash).toBe(createHash('sha256').update(utf8).digest('hex'));
    expect(b.contentHash).toBe(createHash('sha256').update(withBom).digest('hex'));
    expect(a.turns).toEqual(b.turns);
  });

  it('Alex: metadata, "Note:" and a bare link above or inside turns are not speakers', () => {
    const p = parseFixture('interview-alex.txt');
    const alex = p.turns.filter((t) => t.speaker === 'Alex');
    expect(p.turns[0]?.text).toMatch(/^Thanks for making time, Alex\./);
    expect(alex.some((t) => t.text.includes("\nNote: I'm not against automation"))).toBe(true);
    expect(alex.some((t) => t.text.includes('\nhttps://www.moneysavingexpert.com/banking/budget-planning/\n'))).toBe(true);
  });

  it('Sam: front matter and headings are not turns; "> ALEX:" stays inside the quoting turn', () => {
    const p = parseFixture('interview-sam.md');
    expect(p.turns.map((t) => t.speaker)).not.toContain('ALEX');
    expect(p.turns.every((t) => !t.text.includes('## ') && !t.text.includes('title:'))).toBe(true);
    const showing = p.turns.find((t) => t.text.includes('> ALEX: Every payday'));
    expect(showing?.speaker).toBe('Priya');
    expect(showing?.text).toMatch(/What do you make of that\?$/);
    const quotingBack = p.turns.find((t) => t.text.startsWith('That bit I actually agree with.'));
    expect(quotingBack?.speaker).toBe('Sam');
    expect(quotingBack?.text).toContain("\n\n> ALEX: If I can't see the formula, I can't trust the number.\n\nYeah.");
  });

  it('focus call: Zoom "Name:" cues and <v> voices, one </v> missing, consecutive cues merged', () => {
    const p = parseFixture('focus-call.vtt');
    expect(p.turns.map((t) => t.startMs)).toEqual([
      2140, 14310, 37050, 57000, 63100, 78900, 83500, 94200, 98500, 104300,
      725000, 731000, 749000, 764800, 771400, 780300, 790200, 795400, 799100,
    ]);
    const [, nadia, ben] = p.turns;
    expect(nadia?.text).toBe(
      "Sure. I'm Nadia, I teach secondary maths, and I'm, um, probably the most organised person you'll talk to. " +
        "I plan the whole year in January. Every bill, every birthday, our holiday, it all goes into a calendar with amounts next to it. " +
        "Then each month I just check we're on track. If we're not, I know exactly which line to cut.",
    );
    // Cue 8 has no name: it continues Ben's turn.
    expect(ben?.text).toMatch(/about to buy beans\. and I sort of steer by feel\./);
    // <v.loud Ben Carter> never closed: the cue is still Ben's, and the next Ben cue joins it.
    const unclosed = p.turns[12];
    expect(unclosed?.speaker).toBe('Ben Carter');
    expect(unclosed?.text).toBe(
      "I use the bank app and a notebook in the cart for cash takings. The notebook gets coffee on it. That's about it. " +
        "What annoys me is apps that want me to set a budget. I can't set a budget, my income isn't a number, it's a range.",
    );
    expect(p.turns.some((t) => t.text.includes('<') || t.text.includes('</v>'))).toBe(false);
  });

  it('Jordan and Kai: timestamps before or after the name become startMs, not text', () => {
    const jordan = parseFixture('interview-jordan.txt');
    expect(jordan.turns.slice(0, 4).map((t) => t.startMs)).toEqual([4000, 12000, 31000, 35000]);
    expect(jordan.turns[1]?.text).toMatch(/^Deliberately\./);
    const kai = parseFixture('interview-kai.txt');
    expect(kai.turns.slice(0, 3).map((t) => [t.speaker, t.startMs])).toEqual([
      ['Interviewer', 3000],
      ['Kai', 10000],
      ['Interviewer', 29000],
    ]);
    expect(kai.turns[1]?.text).toMatch(/^Yeah, sure\. So I'm an ICU nurse/);
  });

  it('Maria: licence preamble skipped, a turn keeps its second paragraph', () => {
    const p = parseFixture('interview-maria.md');
    expect(p.turns[0]?.text).toMatch(/^Hi Maria/);
    expect(p.turns.find((t) => t.text.startsWith('The big things'))?.text).toContain(
      'I move money into the right place.\n\nWhen the school sends a letter',
    );
  });
});

describe('parseTranscript: files that are not transcripts', () => {
  it.each([
    ['bad/empty.txt', 'empty', /bad\/empty\.txt: file is empty \(0 bytes\)/],
    ['bad/whitespace.txt', 'empty', /bad\/whitespace\.txt: .*only blank space/],
    ['bad/binary.txt', 'binary', /bad\/binary\.txt: looks like a binary file, not a transcript text \(it starts like a PNG image\)/],
    ['bad/no-speakers.txt', 'no_turns', /bad\/no-speakers\.txt: no speaker turns found; expected lines that start with the speaker's name/],
    ['bad/monologue.txt', 'no_turns', /bad\/monologue\.txt: has no participant turns: only one speaker \(Sam\)/],
  ] as const)('%s is refused as %s, naming the file', (file, code, message) => {
    const err = importErrorOf(() => parseFixture(file));
    expect(err.code).toBe(code);
    expect(err.file).toBe(file);
    expect(err.message).toMatch(message);
  });

  it('refuses a file over the size limit, saying the limit', () => {
    const err = importErrorOf(() => parseTranscript('huge.txt', new Uint8Array(MAX_TRANSCRIPT_BYTES + 1)));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/^huge\.txt: file is 50\.0 MB, over the 50 MB limit/);
  });

  it('refuses NUL bytes in the middle of text, and a PDF by its signature', () => {
    const nul = new TextEncoder().encode('A: hi?\nB: hello\nA: ok?\n');
    nul[5] = 0;
    expect(importErrorOf(() => parseTranscript('notes.txt', nul)).message).toBe(
      'notes.txt: looks like a binary file, not a transcript text (found NUL bytes)',
    );
    const pdf = new TextEncoder().encode('%PDF-1.7\nA: hi?\nB: hello\n');
    const err = importErrorOf(() => parseTranscript('notes.pdf', pdf));
    expect([err.code, err.message]).toEqual(['binary', expect.stringMatching(/^notes\.pdf: .*a PDF document/)]);
  });

  it('refuses text that is mostly control characters', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(importErrorOf(() => parseTranscript('junk.txt', bytes)).code).toBe('binary');
  });

  it.each([
    ['doc.rtf', '{\\rtf1\\ansi Alex: hi\\par Priya: hello}', /Rich Text/],
    ['page.html', '<!DOCTYPE html><html><body>Alex: hi</body></html>', /HTML page/],
    ['export.json', '{"turns":[{"speaker":"Alex","text":"hi"}]}', /JSON file/],
  ])('names a known but unsupported format: %s', (file, text, what) => {
    const err = importErrorOf(() => parseText(text, file));
    expect(err.code).toBe('unknown_format');
    expect(err.message).toMatch(what);
    expect(err.message.startsWith(`${file}: `)).toBe(true);
  });

  it('protocol-like text with one labelled voice is refused as no_turns', () => {
    const guide = '# Guide\n\n1. Ask about X.\n\nINTERVIEWER: Tell me about X?\n\n> ABBY: quoted\n\nINTERVIEWER: Any thoughts?\n';
    expect(importErrorOf(() => parseText(guide, 'guide.md')).code).toBe('no_turns');
  });
});

describe('decoding', () => {
  const script = 'Léa: Ça va? “Bien” – merci…\nRené: Oui, très bien. €5.\nLéa: Parfait?\n';
  const turnsOf = (p: ParsedTranscript) => p.turns.map((t) => `${t.speaker}|${t.text}`);
  const expected = ['Léa|Ça va? “Bien” – merci…', 'René|Oui, très bien. €5.', 'Léa|Parfait?'];

  it('Windows-1252 fixture: smart quotes, dashes and é come out right', () => {
    const p = parseFixture('bad/cp1252.txt');
    expect(turnCounts(p)).toEqual({ Léa: 3, René: 3 });
    const text = p.turns.map((t) => t.text).join('\n');
    expect(text).toContain('I keep a “little book” – un petit carnet – with every café');
    expect(text).toContain('It cost me €3,50');
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });

  it('UTF-16 LE fixture with BOM and CRLF, including a character outside the BMP', () => {
    const p = parseFixture('bad/utf16.txt');
    expect(turnCounts(p)).toEqual({ Interviewer: 2, Zoë: 2 });
    expect(p.turns[1]?.text).toBe('I panic a little 💸 and then I move money from savings. Naïve, maybe, but it works.');
    expect(p.turns[0]?.text.startsWith('\ufeff')).toBe(false);
  });

  it.each([
    ['UTF-8', new TextEncoder().encode(script)],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(script)])],
    ['UTF-16 LE with BOM', Buffer.from(`\ufeff${script}`, 'utf16le')],
    ['UTF-16 BE with BOM', Buffer.from(`\ufeff${script}`, 'utf16le').swap16()],
    ['UTF-16 LE without BOM', Buffer.from(script, 'utf16le')],
    ['CRLF', new TextEncoder().encode(script.replace(/\n/g, '\r\n'))],
    ['CR only (old Mac)', new TextEncoder().encode(script.replace(/\n/g, '\r'))],
  ])('%s', (_, bytes) => {
    expect(turnsOf(parseTranscript('x.txt', bytes))).toEqual(expected);
  });

  it('UTF-16 with a BOM but broken content is unreadable, not garbage', () => {
    const broken = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]); // lone surrogate
    const err = importErrorOf(() => parseTranscript('broken.txt', broken));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^broken\.txt: .*UTF-16LE/);
  });
});

describe('speaker labels', () => {
  const speakers = (text: string, name = 'x.md') => Object.keys(turnCounts(parseText(text, name)));

  it('a blockquote "> NAME:" never becomes a turn of NAME, wherever it appears', () => {
    const text = [
      '> TERRI: quoted before anything else.',
      '',
      'MEL: Here is what others said:',
      '',
      '> NAOMI: I just care if it works.',
      '>TERRI: It was magic.',
      '   > MEL: And what signals?',
      '',
      'What do you think?',
      '',
      'NICK: I agree with Naomi.',
      '',
      '> MEL: quoted inside Nick\'s turn',
      '',
      'MEL: Thanks?',
    ].join('\n');
    const p = parseText(text);
    expect(p.turns.map((t) => t.speaker)).toEqual(['MEL', 'NICK', 'MEL']);
    expect(p.turns[0]?.text).toContain('> NAOMI: I just care if it works.\n>TERRI: It was magic.');
    expect(p.turns[1]?.text).toBe("I agree with Naomi.\n\n> MEL: quoted inside Nick's turn");
  });

  it('false speakers: notes, links, sentences ending in a colon, lowercase phrases', () => {
    const text = [
      'Participant: Sam (metadata, said once above the conversation)',
      '',
      'MEL: First question?',
      'SAM: Well. Option number two is: cheaper.',
      'Note: the line dropped here.',
      'https://example.org/x',
      'If somebody comes along and says: hey, fix this.',
      'So the first one is: speed.',
      'And then the next level is: scale.',
      '[Ed: a clarification]',
      '1. Reminder: a list item',
      'MEL: Second question?',
      'SAM: Answer.',
    ].join('\n');
    expect(speakers(text, 'x.txt')).toEqual(['MEL', 'SAM']);
    expect(parseText(text).turns[1]?.text).toContain('Note: the line dropped here.\nhttps://example.org/x');
  });

  it('one person, several spellings: "MEL (typed)", "MEL, TYPING", "Amanda" and "AMANDA (typed)"', () => {
    const text = 'MEL: Hi?\nNICK: Hi.\nMEL (typed): Can you hear me?\nMEL, TYPING: Still there?\nAMANDA (typed): Yes.\nAmanda: Yes!\nNICK: Ok.\n';
    expect(turnCounts(parseText(text))).toEqual({ MEL: 3, NICK: 2, AMANDA: 2 });
  });

  it('a one-off speaker is kept when shaped like the others (a note-taker), dropped when not', () => {
    const caps = 'MEL: Ready?\nDONALD: Yes.\nMEL: Bye?\nDONALD: Bye.\nMIRABAI: My pleasure, as always!\n';
    expect(speakers(caps)).toEqual(['MEL', 'DONALD', 'MIRABAI']);
    const mixed = 'MEL: Ready?\nDONALD: Yes.\nMEL: Bye?\nDONALD: Bye.\nMom: you never listen.\n';
    expect(speakers(mixed)).toEqual(['MEL', 'DONALD']);
  });

  it('accepts full names, numbered speakers, bold Markdown labels and a name alone on its line', () => {
    expect(speakers('Mel Chua: a?\nSpeaker 1: b\nMel Chua: c?\nSpeaker 1: d\n', 'x.txt')).toEqual(['Mel Chua', 'Speaker 1']);
    expect(speakers('**Priya:** a?\n\n**Sam**: b\n\n**Priya:** c?\n\n__Sam:__ d\n')).toEqual(['Priya', 'Sam']);
    const alone = parseText('Priya:\nWhat do you use?\n\nSam:\nA notebook.\nAnd a pen.\n\nPriya:\nWhy?\n');
    expect(alone.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Priya', 'What do you use?'],
      ['Sam', 'A notebook.\nAnd a pen.'],
      ['Priya', 'Why?'],
    ]);
  });

  it('refuses labels over 4 words or 40 characters', () => {
    const text = 'Alex: a?\nThe Very Long Name Here: x\nBob: b\nAlex: c?\nThe Very Long Name Here: y\nBob: d\n';
    expect(speakers(text, 'x.txt')).toEqual(['Alex', 'Bob']);
  });
});

describe('detectInterviewer', () => {
  const turns = (...pairs: [string, string][]) => pairs.map(([speaker, text]) => ({ speaker, text, startMs: null }));

  it('picks the speaker who asks questions most often per turn', () => {
    expect(detectInterviewer(turns(['P', 'I plan.'], ['I', 'Why?'], ['P', 'Because.'], ['I', 'And then?'], ['P', 'Then I stop.']))).toBe('I');
  });

  it('ignores tag questions like "right?" from a participant who explains at length', () => {
    const t = turns(
      ['MEL', 'How did it start?'], ['ERNEST', 'It grew, right? Like, organically, right?'],
      ['MEL', 'Okay.'], ['ERNEST', 'It is fragile, you know?'],
      ['MEL', 'Who pays for it?'], ['ERNEST', 'Sponsors. Right?'],
    );
    expect(detectInterviewer(t)).toBe('MEL');
  });

  it('breaks ties by who spoke first', () => {
    expect(detectInterviewer(turns(['B', 'Hi?'], ['A', 'Hello?']))).toBe('B');
  });

  it('does not pick a helper with one question in one turn', () => {
    const interview = Array.from({ length: 6 }, (_, i): [string, string][] => [
      ['MEL', i % 2 === 0 ? 'What is it?' : 'Okay.'],
      ['NAOMI', 'A service.'],
    ]).flat();
    const t = turns(...interview, ['MIRABAI', 'Should I switch to hotspot?']);
    expect(detectInterviewer(t)).toBe('MEL');
  });

  it('returns null for one speaker, or when nobody asks anything', () => {
    expect(detectInterviewer(turns(['A', 'Why?'], ['A', 'How?']))).toBeNull();
    expect(detectInterviewer(turns(['A', 'Yes.'], ['B', 'No.']))).toBeNull();
    expect(detectInterviewer([])).toBeNull();
  });

  it('does not count questions inside blockquotes', () => {
    const t = turns(['A', 'Read this:\n> X: Why? How? What?'], ['B', 'Interesting. What do you think?'], ['A', 'Hmm.']);
    expect(detectInterviewer(t)).toBe('B');
  });
});

describe('interview date', () => {
  const dateOf = (preamble: string, first = 'A: hi?') =>
    parseText(`${preamble}\n\n${first}\nB: hello\nA: bye?\n`).interviewDate;

  it.each([
    ['recorded between us on AUGUST 23, 2019 in a chat', '2019-08-23'],
    ['Interview date: 2024-03-12', '2024-03-12'],
    ['Held on 7th March 2021.', '2021-03-07'],
    ['Session of Sept. 3 2022', '2022-09-03'],
    ['Recorded on 03/04/2024', null], // day and month order unknown
    ['Recorded on February 30, 2024', null],
    ['No date here.', null],
  ])('%s -> %s', (preamble, iso) => {
    expect(dateOf(preamble)).toBe(iso);
  });

  it('inside the conversation, only a date next to a word like "recorded" counts', () => {
    expect(dateOf('', 'A: I lost my job on March 3, 2020. Was that hard?')).toBeNull();
    expect(dateOf('', 'A: This interview is recorded on 2023-05-06, okay?')).toBe('2023-05-06');
  });
});
