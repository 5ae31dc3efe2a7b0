import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DX_SURVEY, STAFF_SURVEY, SURVEY_TEMPLATES } from './templates';

/**
 * The seeds sit in shared/ beside the repository (CI and the main checkout) or two levels up (a
 * worktree under wt/). Where neither is there the fidelity checks are skipped, and say so.
 */
const seedsDir = ['../shared/seeds', '../../shared/seeds'].map((p) => resolve(process.cwd(), p)).find(existsSync);

function seed(prefix: string): string {
  const file = readdirSync(seedsDir!).find((f) => f.startsWith(prefix));
  // PDF extraction breaks lines inside words with a space; the templates take them out.
  return readFileSync(resolve(seedsDir!, file!), 'utf8').replace(/[ \t]+/g, '');
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('the templates', () => {
  it('are 4-point and 5-point Likert questions with unique ids, each with an indicator', () => {
    for (const t of SURVEY_TEMPLATES) {
      const ids = t.questions.map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(t.indicators.map((i) => i.questionId)).toEqual(ids);
      for (const q of t.questions) {
        expect(q.kind).toBe('likert');
        if (q.kind === 'likert') expect(q.points).toBe(t.points);
      }
    }
    expect([STAFF_SURVEY.points, DX_SURVEY.points]).toEqual([4, 5]);
    expect([STAFF_SURVEY.questions.length, DX_SURVEY.questions.length]).toEqual([15, 8]);
  });

  it.skipIf(!seedsDir)('say each question, outcome and indicator as the seed prints it, with its figures', () => {
    for (const [t, prefix] of [
      [STAFF_SURVEY, '001_'],
      [DX_SURVEY, '004_'],
    ] as const) {
      const text = seed(prefix);
      for (const [i, q] of t.questions.entries()) {
        const ind = t.indicators[i]!;
        // The question's text (its note included) as it stands in the seed's KPI table: 「Q:…」.
        const lines = text.split('\n').filter((l) => l.includes(`Q:${noSpace(q.text)}`));
        expect(lines.length, `${q.id}: ${q.text}`).toBeGreaterThan(0);
        const line = lines[0]!;
        expect(line, q.id).toContain(noSpace(ind.indicator));
        if (q.kind === 'likert') expect(line, q.id).toContain(q.kpi!.baseline.toFixed(3).replace(/0+$/, ''));
        expect(text, q.id).toContain(noSpace(ind.outcome));
      }
    }
  });
});
