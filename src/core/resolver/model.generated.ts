// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  bias: -6,
  weights: {
    coverage: 5,
    similarity: 5,
    typeFit: 0.4,
    typeMismatch: -2,
    entityMatch: 0.5,
    entityMissing: -1,
    entityRival: -1,
    dateMatch: 1,
    dateConflict: -1,
    numberMissing: -1,
    speakerMatch: 0.3,
    eventMatch: 0.3,
    followUp: 1.5,
    unitMissing: -1,
    primaryEntity: 0.5,
    explainsMatch: 1,
    similarityLead: 1,
    coverageLead: 1,
    unknownShare: -2,
  },
  thresholds: { answer: 0.8, margin: 0.2, unsure: 0.2 },
};
