/**
 * The video wall on the wire: an operator pushes what the console shows to
 * every wall screen, through the bridge. Filled in by the wall work (issue 6).
 */
export const wallClientCheckers = {} as const;
export const WALL_COMMAND_TYPES = [] as const;
export const wallServerCheckers = {} as const;
