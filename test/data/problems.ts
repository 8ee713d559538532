import { DataError, loadFactBaseData } from '../../src/infra/data-files.js';

/** The problems loading a data folder reports, as the DataError's message ('' when it loads). */
export function problemsOf(dir: string): string {
  try {
    loadFactBaseData(dir);
  } catch (e) {
    if (e instanceof DataError) return e.message;
    throw e;
  }
  return '';
}
