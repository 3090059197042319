/**
 * How a district looks at city zoom given its congestion and open alerts, so
 * a problem is visible before anyone drills down: the fill warms from the
 * theme's blue through amber to red as the travel time index rises, and
 * grows more opaque; open alerts become a badge on its name. Pure: the
 * district layer applies it.
 */

export interface DistrictRollup {
  /** Fill colour, bytes RGBA. */
  fill: [number, number, number, number];
  /** Open alerts in the district; the badge is shown when > 0. */
  openAlerts: number;
}

/** Travel time index bounds of the fill steps, ascending; above the last is the worst step. */
const TTI_STEPS = [1.2, 1.5, 2] as const;
const STEP_FILLS: readonly [number, number, number, number][] = [
  [27, 111, 168, 20],
  [251, 191, 36, 46],
  [249, 115, 22, 64],
  [255, 77, 94, 84],
];

/** The look of one district; `travelTimeIndex` undefined (no traffic yet) draws the calm base fill. */
export function districtRollup(travelTimeIndex: number | undefined, openAlerts: number): DistrictRollup {
  const step = travelTimeIndex === undefined ? 0 : TTI_STEPS.filter((bound) => travelTimeIndex >= bound).length;
  return { fill: [...STEP_FILLS[step]!], openAlerts };
}

/** A district's label with its alert badge, e.g. "西湖区  ⚠ 3". */
export function badgedLabel(name: string, openAlerts: number): string {
  return openAlerts > 0 ? `${name}  ⚠ ${openAlerts}` : name;
}

/**
 * Open alerts within `radiusM` of each point, by point id; points with none
 * are left out. Alerts are few (hundreds) and points a few hundred, so a
 * plain double loop on each alert change is cheaper than any index.
 */
export function alertsNear(
  points: readonly { id: string; xM: number; yM: number }[],
  alertCentresM: readonly (readonly [number, number])[],
  radiusM: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const point of points) {
    let count = 0;
    for (const [x, y] of alertCentresM) if (Math.hypot(x - point.xM, y - point.yM) <= radiusM) count++;
    if (count > 0) counts.set(point.id, count);
  }
  return counts;
}
