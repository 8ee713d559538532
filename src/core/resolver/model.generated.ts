// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  bias: -3.3778,
  weights: {
    coverage: 2.0378,
    similarity: 1.3516,
    typeFit: 1.4727,
    typeMismatch: -0.8041,
    entityMatch: 0.0358,
    entityMissing: -0.2212,
    entityRival: -0.4749,
    dateMatch: 0.4027,
    dateConflict: -0.2135,
    numberMissing: -0.2309,
    speakerMatch: 0.0103,
    eventMatch: 0.6561,
    followUp: 0.0000,
    unitMissing: -0.3064,
    primaryEntity: 0.1901,
    explainsMatch: 0.3157,
    similarityLead: 1.3520,
    coverageLead: 2.7328,
    unknownShare: -0.1688,
  },
  thresholds: { answer: 0.99, margin: 0.5, unsure: 0.46 },
};
