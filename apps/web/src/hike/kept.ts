/**
 * A read a checkpoint phone needs offline too: from the API when there is network, the answer kept
 * on the phone; offline, or when the read fails, the answer last kept (the read's error when none).
 */
export async function keptRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const kept = localStorage.getItem(key);
  if (!navigator.onLine && kept) return JSON.parse(kept) as T;
  try {
    const value = await read();
    localStorage.setItem(key, JSON.stringify(value));
    return value;
  } catch (e) {
    if (kept) return JSON.parse(kept) as T;
    throw e;
  }
}
