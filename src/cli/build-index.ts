/** `npm run build` (after tsc): writes the search index artefact beside the compiled code (see src/infra/search-index-artefact.ts). */
import { loadFactBase } from '../infra/data-files.js';
import { INDEX_ARTEFACT, loadSearchIndex } from '../infra/search-index-artefact.js';

const started = performance.now();
loadSearchIndex(loadFactBase());
console.log(`search index: ${INDEX_ARTEFACT} (${Math.round(performance.now() - started)} ms)`);
