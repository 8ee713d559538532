// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.9070,
  weights: {
    coverage: 3.3467,
    similarity: 1.2004,
    typeFit: 1.0717,
    typeMismatch: -1.4872,
    entityMatch: -0.4685,
    entityMissing: -1.2043,
    entityRival: 0.0372,
    dateMatch: 0.4398,
    dateConflict: -1.7418,
    numberMissing: -1.5629,
    speakerMatch: 0.4062,
    eventMatch: 0.7111,
    followUp: 0.0037,
    unitMissing: 0.0172,
    primaryEntity: 0.1512,
    explainsMatch: -0.0333,
    similarityLead: 1.0103,
    coverageLead: 2.4942,
    unknownShare: -2.2084,
    unknownName: -4.3580,
  },
  thresholds: { answer: 0.985, unsure: 0.18 },
};
