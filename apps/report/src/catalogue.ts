/** A claim of the catalogue (docs/theory), whether or not its package has landed. */
export interface CatalogueEntry {
  /** The claim number, e.g. `'C6'`: the prefix of its id (`'C6.optimal-gap'`). */
  prefix: string;
  /** A short name used when the claim is not available. */
  name: string;
  /** The package that exports it. */
  package: string;
}

/** A chapter of the report, following the source text. */
export interface Chapter {
  /** Stable id, used as `data-chapter` and in links. */
  id: string;
  /** The chapter's title. */
  title: string;
  /** One or two sentences that open the chapter. */
  intro: string;
  /** Claim prefixes shown in this chapter, in order. */
  claims: readonly string[];
}

/**
 * The claims catalogue C1–C11 and the package each comes from. A claim whose
 * package is not among the claim sources is shown as one line saying so.
 *
 * @example
 * catalogue.find((c) => c.prefix === 'C6')?.package; // '@lslab/margins'
 */
export const catalogue: readonly CatalogueEntry[] = [
  { prefix: 'C1', name: 'smoothed targets', package: '@lslab/core' },
  { prefix: 'C2', name: 'gradient = prediction − target', package: '@lslab/core' },
  { prefix: 'C3', name: 'finite optimum', package: '@lslab/core' },
  { prefix: 'C4', name: 'saturation', package: '@lslab/margins' },
  { prefix: 'C5', name: 'weight growth on separable data', package: '@lslab/margins' },
  { prefix: 'C6', name: 'optimal margin and geometry', package: '@lslab/margins' },
  { prefix: 'C7', name: 'regulariser in disguise', package: '@lslab/core' },
  { prefix: 'C8', name: 'calibration', package: '@lslab/calibration' },
  { prefix: 'C9', name: 'training rhythm', package: '@lslab/core' },
  { prefix: 'C10', name: 'stability', package: '@lslab/stability' },
  { prefix: 'C11', name: 'Lipschitz constant', package: '@lslab/stability' },
];

/**
 * The chapters of the report. A claim listed in two chapters is shown in the
 * first and linked from the second. Claims outside the catalogue go to a last
 * chapter, "More claims", so that a new claim appears without an edit here.
 *
 * @example
 * chapters.map((c) => c.id); // ['know-it-all', 'humility', 'optimisation', 'geometry', 'regulariser', 'rhythm']
 */
export const chapters: readonly Chapter[] = [
  {
    id: 'know-it-all',
    title: 'The know-it-all problem',
    intro:
      'Trained on one-hot targets, a model is rewarded for pushing its logits apart without end: the loss has no finite minimiser.',
    claims: ['C3', 'C4', 'C5'],
  },
  {
    id: 'humility',
    title: 'A dose of humility',
    intro: 'Label smoothing moves a little probability mass from the true class to the others.',
    claims: ['C1'],
  },
  {
    id: 'optimisation',
    title: 'The optimisation view',
    intro:
      'The gradient of the smoothed loss is prediction minus target, and with every target entry positive the optimum is finite.',
    claims: ['C2', 'C3'],
  },
  {
    id: 'geometry',
    title: 'The geometric view',
    intro: 'A finite optimum fixes the logit gaps, and with them the geometry of the features.',
    claims: ['C5', 'C6'],
  },
  {
    id: 'regulariser',
    title: 'The regulariser in disguise, and calibration',
    intro:
      'Smoothing adds a KL term that pulls predictions towards the uniform distribution; whether that calibrates a model depends on how over-confident it was.',
    claims: ['C7', 'C8'],
  },
  {
    id: 'rhythm',
    title: 'Training rhythm and stability',
    intro:
      'Smoothing changes the size of the gradient along training and the sensitivity of the solution to one label.',
    claims: ['C9', 'C10', 'C11'],
  },
];

/**
 * The prefix of a claim id: `'C8.smoothing-calibration'` → `'C8'`.
 *
 * @param id - a claim id
 * @returns the part before the first dot (the whole id when there is none)
 * @example
 * claimPrefix('C8.smoothing-calibration'); // 'C8'
 */
export function claimPrefix(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}
