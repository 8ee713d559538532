/**
 * `npm run build` (after tsc): writes the search index artefact beside the compiled code (see
 * src/infra/search-index-artefact.ts). Silent, like tsc, unless something fails.
 */
import { loadFactBase } from '../infra/data-files.js';
import { loadSearchIndex } from '../infra/search-index-artefact.js';

loadSearchIndex(loadFactBase());
