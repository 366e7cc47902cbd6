import { describe, expect, it } from 'vitest';
import { CORE_SECTIONS } from '../../../shared/domain';
import { countWords } from '../../../electron/core/synthesis/bulletText';
import { draftPersonas, DRAFT_RULES } from '../../../electron/core/synthesis/draftPersonas';
import { synthesize } from '../../../electron/core/synthesis/synthesize';
import { dot, meanDirection } from '../../../electron/core/synthesis/vectors';
import { DIM, plantedStudy } from './fixtures';

// One planted study of two groups of four, synthesised once, read by every test below.
const study = plantedStudy([4, 4]);
const output = synthesize({
  quotes: study.quotes,
  participants: study.participants,
  facetPrototypeVectors: study.prototypeVectors,
  seed: 1,
});
const quoteById = new Map(study.quotes.map((q) => [q.id, q]));

describe('draftPersonas', () => {
  const drafts = output.personas.drafts;

  it('drafts one persona per planted group', () => {
    expect(drafts).toHaveLength(2);
    for (const draft of drafts) expect(new Set(draft.participantIds.map((id) => study.groupOf.get(id))).size).toBe(1);
  });

  it('backs every bullet with evidence from its own participants only', () => {
    for (const draft of drafts) {
      for (const section of CORE_SECTIONS) {
        for (const bullet of draft[section]) {
          expect(bullet.evidence.length).toBeGreaterThanOrEqual(1);
          for (const id of bullet.evidence) expect(draft.participantIds).toContain(quoteById.get(id)!.participantId);
        }
      }
    }
  });

  it('uses no quote twice within a persona', () => {
    for (const draft of drafts) {
      const ids = [draft.definingQuoteId, ...CORE_SECTIONS.flatMap((s) => draft[s].flatMap((b) => b.evidence))];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('writes 2-5 short bullets per section, the first backed by two or more participants', () => {
    for (const draft of drafts) {
      for (const section of CORE_SECTIONS) {
        const bullets = draft[section];
        expect(bullets.length).toBeGreaterThanOrEqual(2);
        expect(bullets.length).toBeLessThanOrEqual(5);
        const people = new Set(bullets[0]!.evidence.map((id) => quoteById.get(id)!.participantId));
        expect(people.size).toBeGreaterThanOrEqual(2);
        for (const bullet of bullets) expect(countWords(bullet.text)).toBeLessThanOrEqual(20);
      }
    }
  });

  it('files bullets under the facet of their quotes', () => {
    const section = { goal: 'goals', frustration: 'frustrations', behavior: 'behaviors', context: 'context' } as const;
    for (const draft of drafts) {
      for (const [facet, name] of Object.entries(section)) {
        for (const bullet of draft[name]) {
          for (const id of bullet.evidence) expect(output.facets.get(id)!.facet).toBe(facet);
        }
      }
    }
  });

  it('picks as defining quote the most central quote of 8-30 words', () => {
    for (const draft of drafts) {
      const own = study.quotes.filter((q) => draft.participantIds.includes(q.participantId));
      const centroid = meanDirection(
        own.map((q) => q.vector),
        DIM,
      );
      const quotable = own.filter((q) => countWords(q.text) >= 8 && countWords(q.text) <= 30);
      const best = Math.max(...quotable.map((q) => dot(q.vector, centroid)));
      const defining = quoteById.get(draft.definingQuoteId!)!;
      expect(countWords(defining.text)).toBeGreaterThanOrEqual(8);
      expect(countWords(defining.text)).toBeLessThanOrEqual(30);
      expect(dot(defining.vector, centroid)).toBe(best);
    }
  });

  it("names personas by letter and a distinctive keyword, and lists the group's own themes", () => {
    expect(drafts.map((d) => d.name)).toEqual([
      expect.stringMatching(/^Persona A — \S+$/),
      expect.stringMatching(/^Persona B — \S+$/),
    ]);
    for (const draft of drafts) {
      const group = study.groupOf.get(draft.participantIds[0]!)!;
      const planted = draft.themeIndexes.slice(0, 2).map((t) => {
        const ids = output.themes.themes[t]!.quoteIds;
        return quoteById.get(ids[0]!)!.theme;
      });
      expect(planted.sort()).toEqual([2 * group, 2 * group + 1]);
      expect(draft.summary).toContain(`${draft.participantIds.length} participants`);
    }
  });

  it('handles a group whose participants have no quotes', () => {
    const [draft] = draftPersonas({
      groups: [[42]],
      quotes: study.quotes,
      themes: output.themes.themes,
      facets: output.facets,
      participants: [{ id: 42, name: 'Nobody' }],
    });
    expect(draft).toMatchObject({
      definingQuoteId: null,
      goals: [],
      frustrations: [],
      behaviors: [],
      context: [],
      themeIndexes: [],
    });
    expect(draft!.name).toBe('Persona A');
  });

  it('caps evidence per bullet', () => {
    for (const draft of drafts) {
      for (const section of CORE_SECTIONS) {
        for (const bullet of draft[section]) {
          expect(bullet.evidence.length).toBeLessThanOrEqual(DRAFT_RULES.maxEvidence);
        }
      }
    }
  });
});

describe('draft persona extras', () => {

  it('drafts mental models and decision factors from their facets', () => {
    for (const draft of output.personas.drafts) {
      expect(draft.mentalModels.length).toBeGreaterThan(0);
      expect(draft.decisionFactors.length).toBeGreaterThan(0);
      for (const bullet of draft.mentalModels) for (const id of bullet.evidence) expect(output.facets.get(id)!.facet).toBe('mentalModel');
      for (const bullet of draft.decisionFactors) for (const id of bullet.evidence) expect(output.facets.get(id)!.facet).toBe('decisionFactor');
    }
  });

  it('marks a bullet thin exactly when its evidence comes from one participant', () => {
    let thin = 0;
    for (const draft of output.personas.drafts) {
      for (const section of [...CORE_SECTIONS, 'mentalModels', 'decisionFactors'] as const) {
        for (const bullet of draft[section]) {
          const people = new Set(bullet.evidence.map((id) => quoteById.get(id)!.participantId));
          expect(bullet.thin).toBe(people.size === 1);
          if (bullet.thin) thin++;
        }
      }
    }
    expect(thin).toBeGreaterThan(0); // the fixture has single-voice claims too
  });

  it('gives each participant of a persona a fit in 0..1, the grouping’s', () => {
    for (const draft of output.personas.drafts) {
      expect(Object.keys(draft.fit).map(Number).sort((a, b) => a - b)).toEqual([...draft.participantIds].sort((a, b) => a - b));
      for (const id of draft.participantIds) {
        expect(draft.fit[id]).toBe(output.personas.fit.get(id));
        expect(draft.fit[id]).toBeGreaterThanOrEqual(0);
        expect(draft.fit[id]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('leaves quotes of facet "other" out of every section', () => {
    const facets = new Map(output.facets);
    for (const id of facets.keys()) facets.set(id, { facet: 'other', confidence: 0 });
    const [draft] = draftPersonas({ groups: [[1, 2]], quotes: study.quotes, themes: output.themes.themes, facets, participants: study.participants });
    for (const section of [...CORE_SECTIONS, 'mentalModels', 'decisionFactors'] as const) expect(draft![section]).toEqual([]);
  });
});
