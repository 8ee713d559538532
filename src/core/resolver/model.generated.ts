// Written by `npm run fit` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './resolver-model.js';

export const FITTED_MODEL: ResolverModel = {
  none: 1.9717,
  weights: {
    coverage: 2.9649,
    similarity: 2.0804,
    typeFit: 1.3189,
    typeMismatch: -1.6368,
    entityMatch: -0.2400,
    entityMissing: -1.1510,
    entityRival: 0.0047,
    dateMatch: 0.7660,
    dateConflict: -2.0719,
    numberMissing: -1.7443,
    speakerMatch: 0.3114,
    eventMatch: 0.6607,
    followUp: 3.5768,
    unitMissing: -0.0574,
    primaryEntity: 0.0710,
    explainsMatch: 0.1548,
    similarityLead: 0.9915,
    coverageLead: 2.4360,
    unknownShare: -0.6282,
    unknownName: -5.1564,
  },
  thresholds: { answer: 0.96, unsure: 0.31 },
};
