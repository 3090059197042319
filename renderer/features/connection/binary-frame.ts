/**
 * The cheap check a binary frame passes before anyone sees it: a typed-array
 * bundle whose header names a kind of frame this client knows. Decoding the
 * payload (which needs the city, e.g. its link count) is left to the consumer.
 */
import { decodeBundle } from '@protocol';
import { BinaryFrameKind } from '@protocol/traffic';

const KNOWN_KINDS: ReadonlySet<number> = new Set(Object.values(BinaryFrameKind));

/** Throws, naming what is wrong, unless `data` is a bundle with a known kind in its header. */
export function checkBinaryFrame(data: unknown): asserts data is ArrayBuffer {
  if (!(data instanceof ArrayBuffer)) throw new Error('binary frame: expected an ArrayBuffer');
  // Views only; nothing is copied.
  const { header } = decodeBundle(data, { header: Float64Array }, 'binary frame');
  const kind = header[0];
  if (kind === undefined || !KNOWN_KINDS.has(kind)) throw new Error(`binary frame: unknown kind ${kind}`);
}
