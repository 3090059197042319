/**
 * Cells of one link under a triangular fundamental diagram (Daganzo's cell
 * transmission model): vehicles move at free speed vf until the link reaches
 * its capacity; beyond the critical density a jam propagates upstream at the
 * backward wave speed w, down to a standstill at the jam density.
 */

/** Density of a standing queue, vehicles per km per lane (≈ 6.7 m a vehicle). */
export const JAM_DENSITY_VEH_PER_KM_LANE = 150;

export interface LinkRoadData {
  lanes: number;
  lengthM: number;
  freeSpeedKmh: number;
  /** Saturation capacity of the whole link, vehicles per hour. */
  capacityVehPerH: number;
}

export interface CellParams {
  cellCount: number;
  cellLengthM: number;
  freeSpeedMps: number;
  /** Capacity used by the model, vehicles per second (see `cellParams` for when it is capped). */
  capacityVehPerS: number;
  /** Vehicles one step moves to the next cell, as a share of a cell's content at free flow (vf·dt/dx ≤ 1). */
  sendRatio: number;
  /** Share of a cell's free space the next step may fill when congested (w·dt/dx ≤ 1). */
  waveRatio: number;
  /** Vehicles a cell holds at jam density. */
  cellMaxVeh: number;
}

/**
 * Splits a link into cells about one step of free-flow travel long:
 * count = max(1, floor(lengthM / (vf·dt))), so vf·dt ≤ dx and the explicit
 * scheme is stable (the CFL condition).
 *
 * The triangular diagram needs w = Q / (kj − Q/vf) ≤ vf for the same reason,
 * i.e. Q ≤ vf·kj/2. Only implausibly slow or narrow links break that, and
 * their capacity is capped at the bound. Links shorter than one step of
 * travel are one cell that takes a whole step to cross.
 */
export function cellParams(link: LinkRoadData, stepS: number): CellParams {
  const freeSpeedMps = link.freeSpeedKmh / 3.6;
  const jamVehPerM = (JAM_DENSITY_VEH_PER_KM_LANE / 1000) * link.lanes;
  const capacityVehPerS = Math.min(link.capacityVehPerH / 3600, (freeSpeedMps * jamVehPerM) / 2);
  const cellCount = Math.max(1, Math.floor(link.lengthM / (freeSpeedMps * stepS)));
  const cellLengthM = link.lengthM / cellCount;
  const waveSpeedMps = capacityVehPerS / (jamVehPerM - capacityVehPerS / freeSpeedMps);
  return {
    cellCount,
    cellLengthM,
    freeSpeedMps,
    capacityVehPerS,
    sendRatio: Math.min(1, (freeSpeedMps * stepS) / cellLengthM),
    waveRatio: Math.min(1, (waveSpeedMps * stepS) / cellLengthM),
    cellMaxVeh: jamVehPerM * cellLengthM,
  };
}
