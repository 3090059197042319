/**
 * The IANA time zone in force at a place on the globe, from the boundaries
 * tz-lookup carries (no service asked): a city placed by its own data gets
 * its own clock without a setting.
 */
import tzLookup from '@photostructure/tz-lookup';
import type { GeoPoint } from '../geo/local-frame';

export const timeZoneAt = (point: GeoPoint): string => tzLookup(point.latDeg, point.lonDeg);
