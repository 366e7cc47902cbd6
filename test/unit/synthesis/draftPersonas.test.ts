import { describe, expect, it } from 'vitest';
import { CORE_SECTIONS } from '../../../shared/domain';
import { countWords } from '../../../electron/core/synthesis/bulletText';
import { fragmentReasons } from '../../../electron/core/synthesis/checks/fragment';
import { draftPersonas, DRAFT_RULES } from '../../../electron/core/synthesis/draftPersonas';
import { DRAFT_MIN_CONFIDENCE } from '../../../electron/core/synthesis/facets';
import { synthesize } from '../../../electron/core/synthesis/synthesize';
import { dot, meanDirection, normalizeRow } from '../../../electron/core/synthesis/vectors';
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
const normalize = (v: Float32Array) => (normalizeRow(v, 0, v.length), v);

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

  it('writes at most 5 bullets per section, each a sentence backed by two or more quotes or a clear one, the best backed first', () => {
    let bullets = 0;
    for (const draft of drafts) {
      for (const section of CORE_SECTIONS) {
        const list = draft[section];
        expect(list.length).toBeLessThanOrEqual(DRAFT_RULES.maxBullets);
        const people = list.map((b) => new Set(b.evidence.map((id) => quoteById.get(id)!.participantId)).size);
        expect(people).toEqual([...people].sort((a, b) => b - a));
        for (const bullet of list) {
          expect(fragmentReasons(bullet.text), bullet.text).toEqual([]);
          // Said once, a claim needs a clear facet.
          if (bullet.evidence.length < DRAFT_RULES.minEvidence) {
            expect(output.facets.get(bullet.evidence[0]!)!.confidence).toBeGreaterThanOrEqual(DRAFT_RULES.singleQuoteConfidence);
          }
        }
        bullets += list.length;
      }
    }
    expect(bullets).toBeGreaterThan(4);
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

  it("names personas in 2-4 words from their own themes, no participant's name, and lists the group's own themes", () => {
    const names = drafts.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const draft of drafts) {
      expect(countWords(draft.name)).toBeGreaterThanOrEqual(2);
      expect(countWords(draft.name)).toBeLessThanOrEqual(4);
      const group = study.groupOf.get(draft.participantIds[0]!)!;
      // The planted theme words of the group's own themes (2g, 2g+1) name it.
      expect(draft.name.toLowerCase()).toMatch(new RegExp(`themeword(${2 * group}|${2 * group + 1})`));
      for (const p of study.participants) expect(draft.name.split(/\s+/)).not.toContain(p.name);
      const planted = draft.themeIndexes.slice(0, 2).map((t) => {
        const ids = output.themes.themes[t]!.quoteIds;
        return quoteById.get(ids[0]!)!.theme;
      });
      expect(planted.sort()).toEqual([2 * group, 2 * group + 1]);
      expect(draft.summary).toContain(`${draft.participantIds.length} participants`);
    }
  });

  it('never names a persona after a participant, even when a theme keyword is one', () => {
    const themes = output.themes.themes.map((t) => ({ ...t, label: `p1 · ${t.label}`, keywords: ['p1', ...t.keywords] }));
    const named = draftPersonas({ groups: output.personas.groups, quotes: study.quotes, themes, facets: output.facets, participants: study.participants });
    for (const draft of named) expect(draft.name.toLowerCase().split(/\s+/)).not.toContain('p1');
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
    expect(thin + CORE_SECTIONS.reduce((n, s) => n + output.personas.drafts[0]![s].length, 0)).toBeGreaterThan(0);
  });

  describe('on hand-written quotes', () => {
    const unit = (...parts: [number, number][]) => {
      const v = new Float32Array(DIM);
      for (const [axis, weight] of parts) v[axis] = weight;
      return normalize(v);
    };
    const quotes = [
      { id: 1, participantId: 1, text: 'I always check the release notes before every upgrade.', vector: unit([0, 1]) },
      { id: 2, participantId: 1, text: 'Before I upgrade anything I check what changed in the notes.', vector: unit([0, 1], [1, 0.3]) },
      { id: 3, participantId: 2, text: 'The build server is far too slow for a team of our size.', vector: unit([5, 1]) },
      { id: 4, participantId: 2, text: 'If you have a project that you just', vector: unit([9, 1]) },
      { id: 5, participantId: 2, text: "It's been that thing of -- for a lot of the time it was a case of", vector: unit([9, 1], [10, 0.2]) },
      // Nearest the persona's centre: its defining quote, used nowhere else on the card.
      { id: 6, participantId: 2, text: 'The release notes and the build server take up most of my week.', vector: unit([0, 1], [5, 1], [9, 1]) },
    ];
    // Quote 3 is a clear enough behaviour to draft, not clear enough to stand alone.
    const confidence = (id: number) => (id === 3 ? (DRAFT_MIN_CONFIDENCE + DRAFT_RULES.singleQuoteConfidence) / 2 : 1);
    const facets = new Map(quotes.map((q) => [q.id, { facet: 'behavior' as const, confidence: confidence(q.id) }]));
    const [draft] = draftPersonas({ groups: [[1, 2]], quotes, themes: [], facets, participants: [{ id: 1, name: 'Ana' }, { id: 2, name: 'Ben' }] });

    it('words a claim as the persona’s, thin when one participant backs it', () => {
      expect(draft!.definingQuoteId).toBe(6);
      expect(draft!.behaviors[0]).toEqual({ text: 'Always checks the release notes before every upgrade.', evidence: [1, 2], thin: true });
    });

    it('shows fewer bullets rather than weak ones: no claim of a single quote, none without a sentence that stands alone', () => {
      // Quote 3 says its thing once, without a clear facet; quotes 4 and 5 agree but are fragments.
      expect(draft!.behaviors).toHaveLength(1);
    });

    it('drafts a claim said once when its facet is clear, after the claims said twice', () => {
      const clear = new Map(quotes.map((q) => [q.id, { facet: 'behavior' as const, confidence: 1 }]));
      const [sure] = draftPersonas({ groups: [[1, 2]], quotes, themes: [], facets: clear, participants: [] });
      expect(sure!.behaviors.map((b) => [b.text, b.evidence, b.thin])).toEqual([
        ['Always checks the release notes before every upgrade.', [1, 2], true],
        ['“The build server is far too slow for a team of our size.”', [3], true],
      ]);
    });

    it('leaves low-confidence quotes out of the drafts', () => {
      const unsure = new Map(quotes.map((q) => [q.id, { facet: 'behavior' as const, confidence: DRAFT_MIN_CONFIDENCE / 2 }]));
      const [vague] = draftPersonas({ groups: [[1, 2]], quotes, themes: [], facets: unsure, participants: [] });
      expect(vague!.behaviors).toEqual([]);
    });
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
