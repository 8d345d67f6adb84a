export type { LoadedDataset, LoadOptions } from './loadOptions.js';
export { loadPenguins } from './loadPenguins.js';
export { loadSeattleWeather } from './loadSeattleWeather.js';
export { loadSpamAssassin } from './loadSpamAssassin.js';
