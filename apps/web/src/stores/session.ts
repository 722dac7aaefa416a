import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { auth, token, type User } from '../api';

/** Who is signed in, and in which roles; the token lives in the tab's sessionStorage. */
export const useSession = defineStore('session', () => {
  const user = ref<User | null>(null);
  const ready = ref(false);
  const roles = computed(() => new Set(user.value?.roles.map((r) => r.role) ?? []));
  const has = (...names: string[]) => names.some((n) => roles.value.has(n as never));

  async function restore(): Promise<void> {
    if (ready.value) return;
    if (token.get()) user.value = await auth.me().catch(() => (token.set(null), null));
    ready.value = true;
  }
  async function signIn(username: string, password: string): Promise<void> {
    const t = await auth.login(username, password);
    token.set(t.accessToken);
    user.value = t.user;
    ready.value = true;
  }
  async function signOut(): Promise<void> {
    await auth.logout().catch(() => undefined);
    token.set(null);
    user.value = null;
  }
  return { user, ready, roles, has, restore, signIn, signOut };
});
