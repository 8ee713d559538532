/** Discord's 3-second rule for interactions, met without guessing the core's answer. */

/**
 * How long the core may take before the interaction is acknowledged without its answer. Discord drops an
 * interaction not acknowledged within 3 seconds; this leaves a second for the acknowledgement's own trip.
 */
export const ACKNOWLEDGE_AFTER_MS = 2_000;

/**
 * Waits for `work` (the core's answer). When it takes longer than `ms`, runs `acknowledge` (a deferral that
 * shows nothing to others) and then goes on waiting. So a fast answer is the interaction's first reply, sent
 * the way the core said (personal or not, in place or not), and only a slow one needs a deferral.
 */
export async function withinAcknowledgement<T>(work: Promise<T>, ms: number, acknowledge: () => Promise<void>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    if (first !== 'late') return first.value;
  } finally {
    clearTimeout(timer);
  }
  await acknowledge();
  return work;
}
