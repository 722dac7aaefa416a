import { onBeforeUnmount, ref } from 'vue';

/**
 * Follows one item on its event's live stream (the results board's Server-Sent Events): `changed`
 * runs once the worker has tallied a result of the item, or a court or time was assigned, and when
 * the stream (re)connects, so a page that missed messages while offline reads again.
 */
export function useItemLive(eventId: () => number | null, itemId: number, changed: () => void) {
  const connected = ref(false);
  let source: EventSource | null = null;
  function open() {
    const id = eventId();
    if (id == null || source) return;
    source = new EventSource(`/api/v1/events/${id}/live`);
    source.onopen = () => (connected.value = true);
    source.onerror = () => (connected.value = false);
    source.addEventListener('board', () => changed());
    source.addEventListener('results', (m) => {
      if ((JSON.parse((m as MessageEvent).data) as { itemId: number }).itemId === itemId) changed();
    });
  }
  onBeforeUnmount(() => source?.close());
  return { connected, open };
}
