/**
 * The congestion heatmap's scale, shared by the layer and its legend: the
 * colour shows the mean density of the roads around a point, in vehicles per
 * km per lane, fading out below the domain's lower end.
 */

/** Densities the colour ramp spans, vehicles per km per lane: below the first the heat fades out, from the second on it is fully hot. */
export const HEAT_DENSITY_DOMAIN_VEH_PER_KM_LANE = [10, 120] as const;

/**
 * Heat colours from no traffic (at 0) to the top of the domain, RGBA 0–255:
 * a faint cold blue through yellow to crimson, so quiet streets tint the city
 * and busy ones stand out.
 */
export const HEAT_COLORS: readonly (readonly [number, number, number, number])[] = [
  [37, 99, 235, 80],
  [6, 182, 212, 140],
  [132, 204, 22, 200],
  [250, 204, 21, 235],
  [249, 115, 22, 255],
  [225, 29, 72, 255],
];
