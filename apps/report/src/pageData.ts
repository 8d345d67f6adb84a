import type { ResolvedParam } from '@lslab/core/validate';
import { type CatalogueEntry, catalogue, chapters, claimPrefix } from './catalogue.js';
import type { Chart } from './charts/chartConfig.js';
import type { FormulaResult } from './evaluateFormulas.js';
import { formatNumber } from './formatNumber.js';
import type { ClaimReport } from './runClaims.js';

/** A check as the page shows it: numbers already formatted. */
export interface PageCheck {
  name: string;
  /** `'='`, `'≤'` or `'≥'`. */
  comparison: string;
  expected: string;
  measured: string;
  delta: string;
  tolerance: string;
  holds: boolean;
  /** mathjs agreement of the formula behind `expected`: `'agrees'`, `'DISAGREES'` or `''`. */
  formula: string;
}

/** A claim cell of the page. */
export interface PageClaim {
  kind: 'claim';
  id: string;
  title: string;
  package: string;
  /** The statement; TeX between `$` signs. */
  statement: string;
  /** `name = value` of every parameter. */
  params: string[];
  /** The parameters as values (the state a cell's controls reset to). */
  values: Record<string, unknown>;
  /** The controls of the parameters a reader may move, from the claim's schema. */
  controls: ResolvedParam[];
  held: number;
  holds: boolean;
  checks: PageCheck[];
  /** Closed forms: the check they belong to, their TeX (from mathjs `toTex()`) and value. */
  formulas: PageFormula[];
  notes: string[];
  charts: Chart[];
}

/** A closed form as a claim cell shows it. */
export interface PageFormula {
  /** The check it belongs to. */
  name: string;
  /** Its TeX, from mathjs `toTex()`. */
  tex: string;
  /** Its value at the cell's parameters, formatted, and as a number. */
  value: string;
  number: number | null;
  /** Whether mathjs agreed with the claim's own value (true before the claim has run). */
  agrees: boolean;
}

/**
 * The closed forms a cell shows: those that could be typeset.
 *
 * @example
 * pageFormulas(evaluateFormulas({ g: 'alpha / K' }, { alpha: 0.1, K: 5 }, []))[0].value; // '0.02'
 */
export function pageFormulas(formulas: readonly FormulaResult[]): PageFormula[] {
  return formulas
    .filter((f) => f.tex !== null)
    .map((f) => ({
      name: f.name,
      tex: f.tex as string,
      value: formatNumber(f.value),
      number: f.value,
      agrees: f.agrees,
    }));
}

/** A page cell: a claim, a claim not yet available, a link to a claim shown earlier, or free content. */
export type PageCell =
  | PageClaim
  | { kind: 'missing'; prefix: string; name: string; package: string }
  | { kind: 'see'; id: string; title: string; chapterId: string; chapterTitle: string }
  | { kind: 'block'; block: PageBlock };

/** Free content: headed paragraphs, a table, charts (used by "Your model"). */
export interface PageBlock {
  title: string;
  paragraphs: string[];
  /** Shown in a `<pre>`, e.g. a command line. */
  code?: string;
  table?: { header: string[]; rows: string[][] };
  notes: string[];
  charts: Chart[];
}

/** A chapter of the page. */
export interface PageChapter {
  id: string;
  title: string;
  intro: string;
  cells: PageCell[];
}

/** A file of the report directory that the page links (a relative link, works from file://). */
export interface PageDownload {
  /** The file name beside index.html, e.g. `checks.csv`. */
  file: string;
  /** What it holds, one phrase. */
  about: string;
}

/** Everything the page script renders. */
export interface PageData {
  title: string;
  seed: number | null;
  versions: Record<string, string>;
  summary: string;
  /** The data files beside the page (results.json, the CSV exports). */
  downloads: PageDownload[];
  chapters: PageChapter[];
}

const SYMBOL = { equal: '=', atMost: '≤', atLeast: '≥' } as const;

function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  return String(v);
}

/**
 * One claim as a page cell: formatted checks, formulas with their TeX, notes,
 * parameters and charts.
 *
 * @param r - the claim's report
 * @param charts - its charts
 * @param controls - its controls (from the claim's `paramSchema`); none by default
 * @example
 * pageClaim(report, charts).checks[0].comparison; // '='
 */
export function pageClaim(
  r: ClaimReport,
  charts: Chart[],
  controls: ResolvedParam[] = [],
): PageClaim {
  return {
    kind: 'claim',
    id: r.id,
    title: r.title,
    package: r.package,
    statement: r.statement,
    params: Object.entries(r.params).map(([k, v]) => `${k} = ${formatValue(v)}`),
    values: { ...r.params },
    controls,
    held: r.held,
    holds: r.holds,
    checks: r.checks.map((c) => {
      const f = r.formulas.find((x) => x.name === c.name);
      return {
        name: c.name,
        comparison: SYMBOL[c.comparison],
        expected: formatNumber(c.expected),
        measured: formatNumber(c.measured),
        delta: formatNumber(c.measured - c.expected, 3),
        tolerance: formatNumber(c.tolerance, 3),
        holds: c.holds,
        formula: f === undefined ? '' : f.agrees ? 'agrees' : 'DISAGREES',
      };
    }),
    formulas: pageFormulas(r.formulas),
    notes: r.notes,
    charts,
  };
}

/**
 * Lays the claims out in the chapters of the source text: each claim in the
 * first chapter that lists it (a link in later ones), a one-line notice for a
 * catalogue claim no package exports yet, claims outside the catalogue
 * in a chapter "More claims", and the given last chapter ("Your model").
 *
 * @param claims - page cells of the claims that ran
 * @param selected - whether a catalogue prefix was asked for (`--claims`)
 * @param last - the "Your model" chapter
 * @returns the chapters, in order
 * @example
 * layoutChapters([], () => true, yourModel).map((c) => c.id).at(-1); // 'your-model'
 */
export function layoutChapters(
  claims: readonly PageClaim[],
  selected: (prefix: string) => boolean,
  last: PageChapter,
): PageChapter[] {
  const placed = new Map<string, { id: string; title: string }>();
  const out: PageChapter[] = [];
  for (const chapter of chapters) {
    const cells: PageCell[] = [];
    for (const prefix of chapter.claims) {
      const here = claims.filter((c) => claimPrefix(c.id) === prefix);
      if (here.length === 0) {
        const entry = catalogue.find((e) => e.prefix === prefix) as CatalogueEntry;
        if (selected(prefix)) cells.push({ kind: 'missing', ...entry });
        continue;
      }
      for (const c of here) {
        const first = placed.get(c.id);
        if (first) {
          cells.push({
            kind: 'see',
            id: c.id,
            title: c.title,
            chapterId: first.id,
            chapterTitle: first.title,
          });
        } else {
          cells.push(c);
          placed.set(c.id, chapter);
        }
      }
    }
    if (cells.length > 0)
      out.push({ id: chapter.id, title: chapter.title, intro: chapter.intro, cells });
  }
  const rest = claims.filter((c) => !placed.has(c.id));
  if (rest.length > 0) {
    out.push({
      id: 'more',
      title: 'More claims',
      intro: 'Claims exported by the packages that the chapters above do not list yet.',
      cells: rest,
    });
  }
  out.push(last);
  return out;
}
