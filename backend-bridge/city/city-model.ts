/**
 * The in-memory city every part of the bridge works on: the simulator runs on
 * `meta.nodes` and `meta.links` (a link's index is its position in
 * `meta.links`, the same index as its shape in `linkShapes`), the HTTP layer
 * serves it as encoded by `encodeCityPayload`.
 */
import type { Buildings, CityMeta, LinkShapes } from '../protocol';

export interface CityModel {
  /**
   * Districts, road graph and devices. `meta.version` is a content hash that
   * `encodeCityPayload` computes: a freshly generated city carries '' here,
   * and the encoded payload's `meta` carries the real version.
   */
  meta: CityMeta;
  /** Building footprints and heights, in local metres; `meta.buildingCount` entries. */
  buildings: Buildings;
  /** One polyline per entry of `meta.links`, in local metres. */
  linkShapes: LinkShapes;
}
