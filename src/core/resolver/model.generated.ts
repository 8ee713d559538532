// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.8153,
  weights: {
    coverage: 3.1237,
    similarity: 1.9834,
    typeFit: 1.2119,
    typeMismatch: -1.5449,
    entityMatch: -0.4808,
    entityMissing: -1.2517,
    entityRival: 0.0901,
    dateMatch: 0.6837,
    dateConflict: -2.0730,
    numberMissing: -1.7090,
    speakerMatch: 0.2938,
    eventMatch: 0.7227,
    followUp: 0.0000,
    unitMissing: -0.0867,
    primaryEntity: 0.0334,
    explainsMatch: 0.1434,
    similarityLead: 0.9237,
    coverageLead: 2.4792,
    unknownShare: -0.5460,
    unknownName: -5.1896,
  },
  thresholds: { answer: 0.96, unsure: 0.28 },
};
