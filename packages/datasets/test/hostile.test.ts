import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const CSV = 't,w\n1.5,rain\n2,sun\n0.5,rain\n';
const penguin = (species: string, beak: number, sex: string) => ({
  Species: species,
  Island: 'Biscoe',
  'Beak Length (mm)': beak,
  'Beak Depth (mm)': 18,
  'Flipper Length (mm)': 190,
  'Body Mass (g)': 3800,
  Sex: sex,
});
const PENGUINS = JSON.stringify([
  penguin('Adelie', 39, 'MALE'),
  penguin('Gentoo', 47, 'FEMALE'),
  penguin('Chinstrap', 49, 'MALE'),
]);
const WEATHER =
  'date,precipitation,temp_max,temp_min,wind,weather\n' +
  '2012-01-01,0.0,12.8,5.0,4.7,drizzle\n' +
  '2012-01-02,10.9,10.6,2.8,4.5,rain\n' +
  '2012-01-03,0.8,11.7,7.2,2.3,sun\n';

// Valid arguments for every function that datasets' index exports.
const table: HostileTable = {
  datasetFromCsv: {
    args: () => [CSV, { features: ['t'], label: 'w', missing: 'drop', missingTokens: ['NA'] }],
  },
  datasetFromRecords: {
    args: () => [
      [
        { a: 1, c: 'x' },
        { a: 2, c: 'y' },
        { a: '3', c: 'y' },
      ],
      { features: ['a'], label: 'c', classNames: ['x', 'y'] },
    ],
  },
  fnv1a32: { args: () => ['win'] },
  hashFeatures: {
    args: () => [
      [['win', 'win', 'cash'], ['now']],
      { dimension: 16, scaling: 'count', signed: false },
    ],
  },
  parseCsv: { args: () => [CSV, ','] },
  parseJsonRecords: { args: () => ['[{"a": 1}, {"a": null}]'] },
  penguinsFromJson: { args: () => [PENGUINS, { sex: true, island: true }] },
  seattleWeatherFromCsv: { args: () => [WEATHER] },
  spamAssassinFromRecords: {
    args: () => [
      [
        { group: 'spam-1', text: 'Subject: win\n\ncash now' },
        { group: 'easy_ham-1', text: 'Subject: lunch\n\nat noon' },
      ],
      { dimension: 64, scaling: 'log1p' },
    ],
  },
  tokenizeEmail: { args: () => ['From: a@b.c\nSubject: Win $1000 NOW\n\nClick <b>here</b>!'] },
};

it('every export of @lslab/datasets keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/datasets', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
