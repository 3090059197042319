import type { StreamName } from '../features/freshness/freshness';

/** What a KpiTile shows: one headline figure with its unit and the time it holds for. */
export interface KpiTileProps {
  label: string;
  /** The figure, formatted for the UI language; null while unknown (shows a dash, never a made-up number). */
  value: string | null;
  /** Unit after the figure, e.g. "km/h" or "条". */
  unit: string;
  /** Where the figure comes from and when, e.g. "as of 08:00:05". */
  note: string | null;
  /** The stream(s) the figure comes from, for its age. @default 'link' (the bridge link) */
  stream?: StreamName | StreamName[];
}
