import { readFileSync } from 'node:fs';
import type { PageBlock, PageChapter } from '../pageData.js';
import { readSweepRows } from './readSweepRows.js';
import { sweepCharts } from './sweepCharts.js';

/**
 * The report chapter of a sweep (`lslab report --from-sweep FILE`): what was
 * swept, how many cells hold each check, and the charts of every check
 * against the swept parameter with intervals over seeds.
 *
 * @param file - merged sweep rows (`lslab merge --out FILE`)
 * @returns the chapter; its charts are rendered to `figures/sweep-*.svg`
 * @throws LslabError `E_PARSE`/`E_EMPTY` from {@link readSweepRows}
 * @example
 * sweepChapter('rows.jsonl').title; // 'Sweep: C9.training-rhythm'
 */
export function sweepChapter(file: string): PageChapter {
  const rows = readSweepRows(readFileSync(file, 'utf8'), file);
  const claim = rows[0].claim;
  const cells = new Set(rows.map((r) => r.cell)).size;
  const axes = Object.keys(rows[0].params).map((a) => {
    const n = new Set(rows.map((r) => JSON.stringify(r.params[a]))).size;
    return `${a} (${n} values)`;
  });
  const seeds = new Set(rows.map((r) => r.replicate)).size;
  const checks = rows.filter((r) => r.kind === 'check');
  const names = [...new Set(checks.map((r) => r.name as string))];
  const block: PageBlock = {
    title: `${claim} over ${axes.join(' × ')}`,
    paragraphs: [
      `${cells} cells from ${file}: ${axes.join(' × ')}, ${seeds} seed${seeds > 1 ? 's' : ''} per point, each seed derived from the grid's seed by the cell's key.`,
    ],
    table: {
      header: ['check', 'cells where it holds'],
      rows: names.map((n) => {
        const of = checks.filter((r) => r.name === n);
        return [n, `${of.filter((r) => r.holds).length}/${of.length}`];
      }),
    },
    notes: [],
    charts: sweepCharts(rows),
  };
  return {
    id: 'sweep',
    title: `Sweep: ${claim}`,
    intro: 'The claim run over a grid of parameters: each check against the swept parameter.',
    cells: [{ kind: 'block', block }],
  };
}
