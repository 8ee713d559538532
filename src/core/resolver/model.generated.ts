// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 2.6963,
  weights: {
    coverage: 2.2558,
    similarity: 4.3713,
    typeFit: 1.1469,
    typeMismatch: -1.5566,
    entityMatch: -0.7729,
    entityMissing: -1.3133,
    entityRival: 0.0150,
    dateMatch: 1.3984,
    dateConflict: -0.1289,
    numberMissing: -0.5706,
    speakerMatch: 0.2332,
    eventMatch: 1.4944,
    followUp: 0.0746,
    unitMissing: 0.3236,
    primaryEntity: -0.1940,
    explainsMatch: 0.3752,
    similarityLead: 0.2174,
    coverageLead: 3.2736,
    unknownShare: -0.0218,
  },
  thresholds: { answer: 0.99, unsure: 0.23 },
};
