import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError, auth, token, type User } from '../api';

const USER_KEY = 'ue.user';
const remember = (u: User | null) => (u ? sessionStorage.setItem(USER_KEY, JSON.stringify(u)) : sessionStorage.removeItem(USER_KEY));

/**
 * Who is signed in, and in which roles; the token lives in the tab's sessionStorage. Without network
 * (a checkpoint phone reloading its page offline) the last answer is kept: only the API refusing
 * the token signs the tab out.
 */
export const useSession = defineStore('session', () => {
  const user = ref<User | null>(null);
  const ready = ref(false);
  const roles = computed(() => new Set(user.value?.roles.map((r) => r.role) ?? []));
  const has = (...names: string[]) => names.some((n) => roles.value.has(n as never));

  async function restore(): Promise<void> {
    if (ready.value) return;
    if (token.get()) {
      const kept = () => JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null') as User | null;
      user.value = navigator.onLine
        ? await auth.me().catch((e) => {
            if (!(e instanceof ApiError)) return kept();
            token.set(null);
            return null;
          })
        : kept();
      remember(user.value);
    }
    ready.value = true;
  }
  async function signIn(username: string, password: string): Promise<void> {
    const t = await auth.login(username, password);
    token.set(t.accessToken);
    user.value = t.user;
    remember(t.user);
    ready.value = true;
  }
  async function signOut(): Promise<void> {
    await auth.logout().catch(() => undefined);
    token.set(null);
    user.value = null;
    remember(null);
  }
  return { user, ready, roles, has, restore, signIn, signOut };
});
