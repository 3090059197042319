/**
 * Which entity a `detail` describes. The bridge pushes the figures of the
 * session's subscription about once a second, so a push for the previous
 * selection can arrive after the next one was asked for; the store keeps only
 * figures for the target it shows.
 */
import type { DetailFigures } from '@protocol';
import type { DrillTarget } from './drill-target';

/** The figures' entity as a target. */
export function targetOfFigures(figures: DetailFigures): DrillTarget {
  switch (figures.level) {
    case 'city':
      return { level: 'city' };
    case 'district':
      return { level: 'district', id: figures.districtId };
    case 'intersection':
      return { level: 'intersection', id: figures.nodeId };
    case 'link':
      return { level: 'link', id: figures.linkId };
    case 'device':
      return { level: 'device', id: figures.deviceId };
  }
}
