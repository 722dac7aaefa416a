import { ref } from 'vue';
import { events, type EventDto } from '../api';

/** The job fairs a person may pick from: published ones, newest first. */
export function useFairs() {
  const fairs = ref<EventDto[]>([]);
  const load = async (organisationId?: number) => {
    fairs.value = (await events.list(organisationId)).filter((e) => e.kind === 'job_fair' && (organisationId || e.status !== 'draft')).sort((a, b) => b.id - a.id);
    return fairs.value;
  };
  return { fairs, load };
}

/** A salary as a posting states it, per month or year, or negotiable. */
export function salaryText(p: { salaryPeriod: string; salaryMin: number | null; salaryMax: number | null }, t: (k: string, v?: Record<string, unknown>) => string): string {
  if (p.salaryPeriod === 'negotiable' || p.salaryMin == null) return t('fair.negotiable');
  return t(p.salaryPeriod === 'year' ? 'fair.perYear' : 'fair.perMonth', { min: p.salaryMin, max: p.salaryMax });
}
