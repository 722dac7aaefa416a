/**
 * A camera reads the same code many times a second while it stays in view. The guard lets a code
 * through once, then holds it back for as long as it keeps being seen, and lets it through again
 * only after it has been out of view for `quietMs` (a person showing their code a second time).
 */
export function repeatGuard(quietMs: number, now: () => number = Date.now): (text: string) => boolean {
  let last = '';
  let lastSeen = -Infinity;
  return (text) => {
    const t = now();
    const repeat = text === last && t - lastSeen < quietMs;
    last = text;
    lastSeen = t;
    return !repeat;
  };
}
