import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { fair, type Employer } from '../api/fair';

/** The employer a staff member acts for on a page: the one in the address, else their first. */
export function useEmployer() {
  const route = useRoute();
  const employers = ref<Employer[]>([]);
  const chosen = ref(Number(route.query.employer) || 0);
  const employer = computed(() => employers.value.find((e) => e.id === chosen.value) ?? employers.value[0] ?? null);
  const load = async () => {
    employers.value = await fair.myEmployers();
    return employer.value;
  };
  return { employers, chosen, employer, load };
}
