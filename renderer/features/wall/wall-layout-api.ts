/** Fetches the wall layout the bridge serves, checked with the same rules the bridge started with. */
import { type WallLayout, checkWallLayout } from '@protocol/wall-layout';

export const WALL_LAYOUT_URL = '/api/wall-layout';

export async function fetchWallLayout(signal?: AbortSignal): Promise<WallLayout> {
  const response = await fetch(WALL_LAYOUT_URL, signal ? { signal } : {});
  if (!response.ok) throw new Error(`GET ${WALL_LAYOUT_URL}: HTTP ${response.status}`);
  return checkWallLayout(await response.json(), `GET ${WALL_LAYOUT_URL}`);
}
