/**
 * Masking of what could identify a person in a logged question: e-mail addresses, phone numbers, long runs of
 * digits (ID, card and account numbers), links and @handles. Dates, years, percentages and ordinary numbers
 * ("more than 70%", "in 2022", "05.06.2022") stay: they are what people ask about.
 */

/** What a masked part is replaced by. */
export const MASKS = { email: '[email]', phone: '[phone]', number: '[number]', link: '[link]', handle: '@[user]' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\bt\.me\/[^\s<>"]+/giu;
const HANDLE = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]{2,}/gu;
/** A date written with separators: kept, however many digits it has. */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
/**
 * Digits with the separators phone numbers are written with (spaces, dashes, dots, brackets), possibly after
 * a plus: a candidate phone number or long number, judged by {@link maskDigits}.
 */
const DIGIT_RUN = /\+?\(?\d[\d\s().-]*\d|\+?\d/g;
/** Digits written together that are masked whatever they are (an ID, a card, an account, a local phone). */
const LONG_DIGITS = 7;
/** Digits with separators that make a phone number (a full number with its area code has ten or more). */
const PHONE_DIGITS = 9;

/** The question with personal data replaced by {@link MASKS}; idempotent. */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, MASKS.email).replace(LINK, MASKS.link).replace(HANDLE, MASKS.handle).replace(DIGIT_RUN, maskDigits);
}

function maskDigits(run: string): string {
  const trimmed = run.replace(/[\s.-]+$/u, '');
  const tail = run.slice(trimmed.length);
  if (DATE.test(trimmed)) return run;
  const digits = trimmed.replace(/\D/g, '').length;
  const plus = trimmed.startsWith('+');
  if ((plus && digits >= 7) || (/[\s().-]/.test(trimmed) && digits >= PHONE_DIGITS)) return MASKS.phone + tail;
  // Long unbroken runs, also inside a number written with separators ("1 000 000" stays, "12345678" goes).
  const masked = trimmed.replace(new RegExp(`\\d{${LONG_DIGITS},}`, 'g'), MASKS.number);
  return masked + tail;
}
