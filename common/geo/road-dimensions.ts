/** Sizes of the road the city is drawn and simulated with, shared by the bridge and the renderer. */

/** Width of one traffic lane, in metres. */
export const LANE_WIDTH_M = 3.5;
