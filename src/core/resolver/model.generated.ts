// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.7543,
  weights: {
    coverage: 3.0320,
    similarity: 2.0145,
    typeFit: 1.1568,
    typeMismatch: -1.4668,
    entityMatch: -0.4858,
    entityMissing: -1.2795,
    entityRival: 0.0715,
    dateMatch: 0.7042,
    dateConflict: -1.9901,
    numberMissing: -1.6768,
    speakerMatch: 0.3004,
    eventMatch: 0.7098,
    followUp: 0.0000,
    unitMissing: -0.0543,
    primaryEntity: 0.0386,
    explainsMatch: 0.1475,
    similarityLead: 0.8822,
    coverageLead: 2.5849,
    unknownShare: -0.5601,
    unknownName: -5.1738,
  },
  thresholds: { answer: 0.99, unsure: 0.33 },
};
