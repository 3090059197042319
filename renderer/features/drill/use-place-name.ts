/**
 * Names of drill-down places in the UI language; an unnamed intersection is
 * called by its id; a spot (an alert's position) by its district and road.
 */
import { useI18n } from 'vue-i18n';
import { localName } from '../../i18n/locale';
import { useCityStore } from '../city/city-store';
import { type Spot, placeOfSpot } from './place-naming';
import { useSelectionStore } from './selection-store';
import type { DrillCrumb } from './drill-path';
import type { DrillTarget } from './drill-target';

export function usePlaceName(): {
  crumbName: (crumb: DrillCrumb) => string;
  placeName: (target: DrillTarget) => string;
  spotName: (spot: Spot) => string;
} {
  const { t, locale } = useI18n();
  const selection = useSelectionStore();
  const city = useCityStore();

  /** "Near Jiefang Road, Shangcheng": the district and the road the spot is on or nearest to. */
  function spotName(spot: Spot): string {
    const lookup = selection.lookup;
    const place = lookup ? placeOfSpot(lookup, city.linkShapes, spot) : null;
    const district = place?.district ? localName(place.district, locale.value) : (spot.districtId ?? null);
    if (!place?.road) return district ?? t('drill.place.unknown');
    const road = localName(place.road, locale.value);
    return t(place.onRoad ? 'drill.place.onRoad' : 'drill.place.nearRoad', { road, district: district ?? t('drill.place.unknown') });
  }

  function crumbName(crumb: DrillCrumb): string {
    if (crumb.name) return localName(crumb.name, locale.value);
    return crumb.level === 'intersection' ? t('drill.unnamedIntersection', { id: crumb.id ?? '' }) : (crumb.id ?? '');
  }

  /** A target's name from the city model; its id while the model is loading or lacks it. */
  function placeName(target: DrillTarget): string {
    const lookup = selection.lookup;
    const id = target.id ?? '';
    const named = (name: { zh: string; en: string } | undefined) => (name ? localName(name, locale.value) : id);
    switch (target.level) {
      case 'city':
        return lookup ? localName(lookup.meta.name, locale.value) : '';
      case 'district':
        return named(lookup?.districts.get(id)?.name);
      case 'intersection': {
        const name = lookup?.nodes.get(id)?.name;
        return name ? localName(name, locale.value) : t('drill.unnamedIntersection', { id });
      }
      case 'link':
        return named(lookup?.links.get(id)?.name);
      case 'device':
        return named(lookup?.devices.get(id)?.name);
    }
  }

  return { crumbName, placeName, spotName };
}
