// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './resolver-model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.8466,
  weights: {
    coverage: 2.7692,
    similarity: 2.1503,
    typeFit: 1.3099,
    typeMismatch: -1.6310,
    entityMatch: -0.2951,
    entityMissing: -1.2512,
    entityRival: 0.0305,
    dateMatch: 0.7663,
    dateConflict: -2.0668,
    numberMissing: -1.7462,
    speakerMatch: 0.3150,
    eventMatch: 0.6611,
    followUp: 3.5041,
    unitMissing: -0.0566,
    primaryEntity: 0.0511,
    explainsMatch: 0.1684,
    similarityLead: 0.9384,
    coverageLead: 2.5671,
    unknownShare: -0.6838,
    unknownName: -5.1785,
  },
  thresholds: { answer: 0.96, unsure: 0.3 },
};
