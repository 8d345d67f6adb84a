import { LslabError } from '@lslab/core';
import { datasetFromCsv } from '@lslab/datasets';
import { loadSeattleWeather } from '@lslab/datasets/node';
import { newton, softmaxRegression } from '@lslab/models';

// Read records from CSV text: the label column and the feature columns by name.
const csv = 'temp,wind,weather\n12.8,4.7,rain\n10.6,4.5,sun\n,3.1,rain\n11.7,2.3,sun\n';
const small = datasetFromCsv(csv, { features: ['temp', 'wind'], label: 'weather' });
console.log(small.x.rows, small.classNames, small.meta.dropped);
// 3 [ 'rain', 'sun' ] { 'missing temp': 1 }

// A misspelt column is named, with the columns there are.
try {
  datasetFromCsv(csv, { features: ['tmp'], label: 'weather' });
} catch (e) {
  if (e instanceof LslabError) console.log(e.code, e.message);
  // E_OPTION datasetFromCsv: spec.features[0] = "tmp": is not a column of the data; the columns are "temp", "wind", "weather"
}

// A bundled data set, split 60/20/20 (stratified, standardised on the training rows).
const { train, test, all } = loadSeattleWeather({ seed: 0 });
console.log(all.x.rows, all.featureNames.join(' '), Array.from(all.meta.classCounts));
// 1461 precipitation temp_max temp_min wind doy_sin doy_cos [ 53, 101, 641, 26, 640 ]
const model = softmaxRegression({
  inputDim: train.x.cols,
  numClasses: train.numClasses,
  l2: 1e-3,
  loss: { labelSmoothing: 0.1 },
});
newton(model, train.x, train.y);
const p = model.predictProba(test.x).data;
let hits = 0;
for (let i = 0; i < test.x.rows; i++) {
  let best = 0;
  for (let c = 1; c < 5; c++) if (p[i * 5 + c] > p[i * 5 + best]) best = c;
  if (best === test.y[i]) hits++;
}
console.log(test.x.rows, (hits / test.x.rows).toFixed(4));
// 291 0.7595
