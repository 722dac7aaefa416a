/** The code a domain rule refuses with, or undefined when it does not throw: for specs of pure rules. */
export function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}
