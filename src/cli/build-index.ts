/**
 * `npm run build` (after tsc): writes the search index artefact (with the checks of the questions the bot offers) beside the compiled code (see
 * src/infra/search-index-artefact.ts). Silent, like tsc, unless something fails.
 */
import { loadFactBase } from '../infra/data-files.js';
import { createResolver } from '../infra/search-index-artefact.js';

createResolver(loadFactBase());
