// Participants' records, speaker corrections, highlights and full-text search on a real study.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/service';
import { coreWithStudy, goodTranscripts, importAll } from '../helpers/core';
import { fixtures, useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

async function study(): Promise<Core> {
  const core = await coreWithStudy(tmp());
  await importAll(core, goodTranscripts);
  return core;
}
const byName = async (core: Core, name: string) => (await core.handlers()['participants:details']({})).find((p) => p.name === name)!;

describe('full-text search over all transcripts', () => {
  it('finds turns with the matching words marked, and where they are', async () => {
    const core = await study();
    const { hits, total } = await core.handlers()['search:query']({ q: 'spreadsheet' });
    expect(total).toBeGreaterThan(0);
    expect(hits.length).toBe(Math.min(total, 50));
    const hit = hits[0]!;
    expect(hit.segments.some((s) => s.hit && /spreadsheet/i.test(s.text))).toBe(true);
    const turn = (await core.handlers()['transcripts:get']({ id: hit.transcriptId })).turns[hit.turnIndex]!;
    expect(turn.id).toBe(hit.turnId);
    expect(turn.text.toLowerCase()).toContain('spreadsheet');
  });

  it('matches word prefixes and phrases, and never fails on stray syntax', async () => {
    const core = await study();
    const search = core.handlers()['search:query'];
    expect((await search({ q: 'spreadsh' })).total).toBe((await search({ q: 'spreadsheet' })).total + (await search({ q: 'spreadsheets' })).total - (await search({ q: 'spreadsheet spreadsheets' })).total);
    for (const q of ['"', 'NEAR(', 'a OR', ')(*', '***', '-', '"unclosed phrase', "it's"]) {
      await expect(Promise.resolve(search({ q }))).resolves.toMatchObject({ hits: expect.any(Array) });
    }
    expect(await search({ q: '   ' })).toEqual({ hits: [], total: 0 });
  });

  it('leaves the interviewer out by default, and narrows to one participant or one transcript', async () => {
    const core = await study();
    const h = core.handlers();
    const roleOf = new Map<string, string>();
    for (const t of await h['transcripts:list']({})) {
      for (const sp of (await h['transcripts:get']({ id: t.id })).speakers) roleOf.set(`${t.id}/${sp.name}`, sp.role);
    }
    const role = (hit: { transcriptId: number; speaker: string }) => roleOf.get(`${hit.transcriptId}/${hit.speaker}`);
    const everyone = await h['search:query']({ q: 'money', who: 'everyone', limit: 500 });
    const participants = await h['search:query']({ q: 'money', limit: 500 });
    const interviewerHits = everyone.hits.filter((x) => role(x) === 'interviewer').length;
    expect(interviewerHits).toBeGreaterThan(0);
    expect(participants.total).toBe(everyone.hits.filter((x) => role(x) === 'participant').length);
    expect(participants.hits.every((x) => role(x) === 'participant')).toBe(true);

    const alex = await byName(core, 'Alex');
    const alexOnly = await h['search:query']({ q: 'money', participantId: alex.id, limit: 500 });
    expect(alexOnly.total).toBeGreaterThan(0);
    expect(alexOnly.total).toBeLessThan(participants.total);
    expect(alexOnly.hits.every((x) => x.speaker === 'Alex')).toBe(true);

    const transcriptId = participants.hits[0]!.transcriptId;
    const one = await h['search:query']({ q: 'money', transcriptId, who: 'everyone', limit: 500 });
    expect(one.total).toBe(everyone.hits.filter((x) => x.transcriptId === transcriptId).length);
    expect(one.hits.every((x) => x.transcriptId === transcriptId)).toBe(true);
  });
});

describe('speakers and participants', () => {
  it('lets the researcher mark a speaker as other: their quotes leave the study', async () => {
    const core = await study();
    const h = core.handlers();
    const vtt = (await h['transcripts:list']({})).find((t) => t.fileName === 'focus-call.vtt')!;
    const ben = await byName(core, 'Ben Carter');
    expect(ben.quoteCount).toBeGreaterThan(0);
    const after = await h['transcripts:setSpeakerRole']({ id: vtt.id, speaker: 'Ben Carter', role: 'other' });
    expect(after.speakers.find((s) => s.name === 'Ben Carter')?.role).toBe('other');
    expect((await h['quotes:list']({})).some((q) => q.participantName === 'Ben Carter')).toBe(false);
  });

  it('renames a speaker onto another to merge them within a transcript', async () => {
    const core = await study();
    const h = core.handlers();
    const vtt = (await h['transcripts:list']({})).find((t) => t.fileName === 'focus-call.vtt')!;
    const merged = await h['transcripts:renameSpeaker']({ id: vtt.id, from: 'Ben Carter', to: 'Nadia Haddad' });
    expect(merged.speakers.map((s) => s.name)).not.toContain('Ben Carter');
    expect(merged.turns.every((t) => t.speaker !== 'Ben Carter')).toBe(true);
  });

  it('merges two participants across transcripts, and later imports follow the merge', async () => {
    const dir = tmp();
    const core = await coreWithStudy(dir);
    await importAll(core, goodTranscripts);
    const h = core.handlers();
    const alex = await byName(core, 'Alex');
    const sam = await byName(core, 'Sam');
    const details = await h['participants:merge']({ fromId: sam.id, intoId: alex.id });
    expect(details.find((p) => p.name === 'Sam')).toBeUndefined();
    const survivor = details.find((p) => p.id === alex.id)!;
    expect(survivor.quoteCount).toBe(alex.quoteCount + sam.quoteCount);
    expect(survivor.aliases).toContain('sam');
    const again = join(dir, 'sam-round-2.txt');
    writeFileSync(again, 'Priya: How was the month?\nSam: Honestly I forgot about the car tax again and it hurt.\nPriya: What happened?\nSam: The bill arrived on a Friday and I had nothing left until payday.\n');
    await importAll(core, [again]);
    expect((await h['participants:details']({})).find((p) => p.name === 'Sam')).toBeUndefined();
  });

  it("fills Interviewed from the dates of the participant's transcripts: earliest and latest", async () => {
    const dir = tmp();
    const core = await coreWithStudy(dir);
    await importAll(core, goodTranscripts);
    const h = core.handlers();
    expect((await byName(core, 'Sam')).transcriptDates).toEqual({ first: '2024-03-19', last: '2024-03-19' });
    expect((await byName(core, 'Dev')).transcriptDates).toBeNull(); // interview-dev.txt carries no date
    const later = join(dir, 'sam-follow-up.txt');
    const turns = 'Priya: How was the month?\nSam: Honestly I forgot about the car tax again and it hurt.\nPriya: What happened?\nSam: The bill arrived on a Friday and I had nothing left until payday.\n';
    writeFileSync(later, `Follow-up interview recorded on 2 May 2024 over video call.\n\n${turns}`);
    const earlier = join(dir, 'sam-screener.txt');
    writeFileSync(earlier, `Screener session held on 27 February 2024.\n\n${turns.replaceAll('car tax', 'phone bill')}`);
    expect((await importAll(core, [later, earlier])).map((r) => r.status)).toEqual(['ok', 'ok']);
    expect((await byName(core, 'Sam')).transcriptDates).toEqual({ first: '2024-02-27', last: '2024-05-02' });
    // The record's own date is kept as it is; the transcripts' dates stay beside it.
    const sam = await byName(core, 'Sam');
    const edited = await h['participants:update']({ id: sam.id, patch: { interviewDate: '2024-03-20' } });
    expect(edited.profile.interviewDate).toBe('2024-03-20');
    expect(edited.transcriptDates).toEqual({ first: '2024-02-27', last: '2024-05-02' });
  });

  it('edits a participant record and imports a sheet keyed by participant id', async () => {
    const core = await study();
    const h = core.handlers();
    const kai = await byName(core, 'Kai');
    const edited = await h['participants:update']({ id: kai.id, patch: { segment: 'Improviser', experience: 'regular', attributes: { city: 'Leeds' } } });
    expect(edited.profile).toMatchObject({ segment: 'Improviser', experience: 'regular', attributes: { city: 'Leeds' } });
    const result = await h['participants:importSheet']({ path: join(fixtures, 'sheets', 'participants.csv') });
    expect(result.updated).toBe(4);
    expect(result.unmatched).toEqual([{ row: 4, key: 'Zed Unknown' }]);
    expect(result.errors).toEqual(['row 5, column Experience: "sometimes" is not one of new, regular, power, churned']);
    // Sam's row has one bad cell: its valid cells are applied, the bad one leaves experience as it was.
    expect((await byName(core, 'Sam')).profile).toMatchObject({ segment: 'Improviser', experience: null });
    const alex = await byName(core, 'Alex Morgan');
    expect(alex.profile).toMatchObject({
      code: 'Alex',
      segment: 'Planner',
      experience: 'power',
      industry: 'Education',
      consentStatus: 'given',
      consentDate: '2024-03-01',
      notes: 'Keeps a spreadsheet, "religiously"',
      attributes: { Household: 'Single' },
    });
    await expect(Promise.resolve().then(() => h['participants:importSheet']({ path: '/nope.csv' }))).rejects.toThrow(/nope\.csv: cannot read/);
  });

  it('applies the valid cells of a row with bad cells and reports each bad cell by row and column', async () => {
    const core = await study();
    const h = core.handlers();
    const dir = tmp();
    const sheet = join(dir, 'sheet.csv');
    writeFileSync(
      sheet,
      'Participant ID,Segment,Experience,Consent,Industry\n' +
        'Kai,Improviser,regular,given,Retail\n' +
        'Alex,Planner,Expert,maybe,Education\n' +
        'Dev,Saver,,,Finance\n',
    );
    const result = await h['participants:importSheet']({ path: sheet });
    expect(result.updated).toBe(3);
    expect(result.errors).toEqual([
      'row 2, column Experience: "Expert" is not one of new, regular, power, churned',
      'row 2, column Consent: "maybe" is not one of given, pending, withdrawn, unknown',
    ]);
    expect((await byName(core, 'Alex')).profile).toMatchObject({ segment: 'Planner', industry: 'Education', experience: null, consentStatus: null });
    expect((await byName(core, 'Kai')).profile).toMatchObject({ segment: 'Improviser', experience: 'regular', consentStatus: 'given', industry: 'Retail' });
    expect((await byName(core, 'Dev')).profile).toMatchObject({ segment: 'Saver', industry: 'Finance' });
    // Re-importing with the bad cells fixed fills in what was left, and keeps the rest.
    writeFileSync(sheet, 'Participant ID,Experience,Consent\nAlex,power,yes\n');
    expect((await h['participants:importSheet']({ path: sheet })).errors).toEqual([]);
    expect((await byName(core, 'Alex')).profile).toMatchObject({ segment: 'Planner', experience: 'power', consentStatus: 'given' });
  });
});

describe('highlights', () => {
  it('turns a selection into a quote that wins over overlapping automatic ones, and keeps it across re-derivation', async () => {
    const core = await study();
    const h = core.handlers();
    const alexT = (await h['transcripts:list']({})).find((t) => t.fileName === 'interview-alex.txt')!;
    const detail = await h['transcripts:get']({ id: alexT.id });
    const turn = detail.turns.find((t) => t.role === 'participant' && t.text.length > 80)!;
    const hl = await h['highlights:create']({ turnId: turn.id, start: 0, end: 60, tags: ['habit'] });
    expect(hl).toMatchObject({ turnId: turn.id, start: 0, end: 60, tags: ['habit'], text: turn.text.slice(0, 60) });
    expect(hl.quoteId).not.toBeNull();
    const quotes = (await h['quotes:list']({ participantId: (await byName(core, 'Alex')).id })).filter((q) => q.turnId === turn.id);
    expect(quotes.find((q) => q.id === hl.quoteId)).toBeDefined();
    // No automatic quote of that turn overlaps the highlight any more.
    const rows = core.requireStudy().sqlite.prepare('select start_offset s, end_offset e, highlight_id h from quotes where turn_id = ?').all(turn.id) as { s: number; e: number; h: number | null }[];
    expect(rows.filter((r) => r.h === null && r.s < 60)).toEqual([]);
    // Changing the interviewer back and forth re-derives quotes; the highlight stays where it was.
    await h['transcripts:setInterviewer']({ id: alexT.id, speaker: 'Alex' });
    await h['transcripts:setInterviewer']({ id: alexT.id, speaker: 'Interviewer' });
    const [kept] = await h['highlights:list']({ transcriptId: alexT.id });
    expect(kept).toMatchObject({ id: hl.id, start: 0, end: 60, text: hl.text });
    expect(kept!.quoteId).not.toBeNull();
    await h['highlights:delete']({ id: hl.id });
    expect(await h['highlights:list']({ transcriptId: alexT.id })).toEqual([]);
    await expect(h['highlights:create']({ turnId: turn.id, start: 10, end: 100000, tags: [] })).rejects.toThrow(/inside the turn/);
  });
});
