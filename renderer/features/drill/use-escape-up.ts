/**
 * Escape climbs one level of the drill-down, unless it was meant for
 * something else: typing in a field, or a dialog that handled it first.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { useSelectionStore } from './selection-store';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function useEscapeUp(): void {
  const selection = useSelectionStore();
  function onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
    selection.up();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
