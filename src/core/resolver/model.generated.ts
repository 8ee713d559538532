// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './resolver-model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.8808,
  weights: {
    coverage: 2.7844,
    similarity: 2.1218,
    typeFit: 1.3129,
    typeMismatch: -1.6310,
    entityMatch: -0.2427,
    entityMissing: -1.1304,
    entityRival: -0.0179,
    dateMatch: 0.7763,
    dateConflict: -2.0707,
    numberMissing: -1.7487,
    speakerMatch: 0.3186,
    eventMatch: 0.6846,
    followUp: 3.5351,
    unitMissing: -0.0556,
    primaryEntity: 0.0443,
    explainsMatch: 0.1598,
    similarityLead: 0.9654,
    coverageLead: 2.5607,
    unknownShare: -0.6732,
    unknownName: -5.1608,
  },
  thresholds: { answer: 0.96, unsure: 0.28 },
};
