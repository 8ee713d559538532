// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.7905,
  weights: {
    coverage: 3.0774,
    similarity: 2.0165,
    typeFit: 1.2042,
    typeMismatch: -1.5617,
    entityMatch: -0.4839,
    entityMissing: -1.2620,
    entityRival: 0.0848,
    dateMatch: 0.7094,
    dateConflict: -2.0549,
    numberMissing: -1.7312,
    speakerMatch: 0.3074,
    eventMatch: 0.7045,
    followUp: 0.0000,
    unitMissing: -0.0882,
    primaryEntity: 0.0388,
    explainsMatch: 0.1368,
    similarityLead: 0.9002,
    coverageLead: 2.5294,
    unknownShare: -0.6251,
    unknownName: -5.1796,
  },
  thresholds: { answer: 0.99, unsure: 0.33 },
};
