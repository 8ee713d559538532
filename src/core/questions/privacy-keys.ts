/** The port through which the question log gets its only two secrets: the day's salt and random ticket ids. */
export interface PrivacyKeys {
  /**
   * A hash of who asked (`platform:userId`) under the salt of the UTC day of `at`: the same member gives the
   * same hash all day, so distinct askers can be counted, and an unrelated one the next day. Salts are kept
   * in memory only and dropped when the day ends, so no stored hash can be recomputed from a user id.
   */
  asker(userKey: string, at: number): string;
  /** A fresh random id for a feedback ticket: short, URL-safe, unguessable. */
  ticketId(): string;
}
