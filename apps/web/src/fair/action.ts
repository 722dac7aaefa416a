import { ref } from 'vue';

/**
 * A page's actions: each clears the last answer, runs, reloads what the page shows, and says what
 * was done (a role="status" line) or why not (the error note).
 */
export function useAction(reload: () => Promise<unknown> = async () => undefined) {
  const error = ref<unknown>(null);
  const done = ref('');
  async function act(work: () => Promise<unknown>, message = ''): Promise<void> {
    error.value = null;
    done.value = '';
    try {
      await work();
      await reload();
      done.value = message;
    } catch (e) {
      error.value = e;
    }
  }
  return { error, done, act };
}
