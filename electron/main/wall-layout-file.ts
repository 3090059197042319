/**
 * Reads the wall layout file named by the desktop config, so a bad layout
 * stops the start with the file and the field named, before any window opens.
 */
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../backend-bridge/protocol/validation';
import { DEFAULT_WALL_LAYOUT, type WallLayout, parseWallLayout } from '../../backend-bridge/protocol/wall-layout';

export class WallLayoutFileError extends Error {
  override name = 'WallLayoutFileError';
}

/** The layout in `file` with its defaults filled in; the built-in one-screen layout for null. */
export async function loadWallLayoutFile(file: string | null): Promise<WallLayout> {
  if (file === null) return DEFAULT_WALL_LAYOUT;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new WallLayoutFileError(`cannot read the wall layout ${file}: ${(error as Error).message}`);
  }
  try {
    return parseWallLayout(text, file);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new WallLayoutFileError(`the wall layout is wrong: ${error.message}`);
  }
}
