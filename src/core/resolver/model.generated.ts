// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.7916,
  weights: {
    coverage: 3.0798,
    similarity: 2.0144,
    typeFit: 1.2064,
    typeMismatch: -1.5629,
    entityMatch: -0.4841,
    entityMissing: -1.2609,
    entityRival: 0.0870,
    dateMatch: 0.7087,
    dateConflict: -2.0570,
    numberMissing: -1.7301,
    speakerMatch: 0.3078,
    eventMatch: 0.7047,
    followUp: 0.0000,
    unitMissing: -0.0876,
    primaryEntity: 0.0375,
    explainsMatch: 0.1375,
    similarityLead: 0.9023,
    coverageLead: 2.5280,
    unknownShare: -0.6243,
    unknownName: -5.1799,
  },
  thresholds: { answer: 0.955, unsure: 0.33 },
};
