/**
 * SUMO ids to the city model's ids. SUMO allows almost any character and
 * any length (`-28198821#4`, joined clusters of fifteen node ids), the city
 * model 1–64 of `A-Za-z0-9_.:-`: other characters become `_`, a long id is
 * cut and given a hash of the whole, and a clash gets a counter. The map is
 * kept both ways, because TraCI speaks SUMO's ids.
 */
import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 64;

export class EntityIds {
  private readonly byEntity = new Map<string, string>();
  private readonly bySumo = new Map<string, string>();

  /** The city model's id of `sumoId`, made on first use. */
  idFor(sumoId: string): string {
    const known = this.bySumo.get(sumoId);
    if (known !== undefined) return known;
    let base = sumoId.replace(/[^A-Za-z0-9_.:-]/g, '_');
    if (base.length > MAX_ID_LENGTH) {
      const hash = createHash('sha1').update(sumoId).digest('hex').slice(0, 8);
      base = `${base.slice(0, MAX_ID_LENGTH - 9)}-${hash}`;
    }
    let id = base;
    for (let n = 2; this.byEntity.has(id); n++) id = `${base.slice(0, MAX_ID_LENGTH - 6)}-${n}`;
    this.byEntity.set(id, sumoId);
    this.bySumo.set(sumoId, id);
    return id;
  }

  /** Whether `sumoId` has been given an id (e.g. an edge that became a link). */
  has(sumoId: string): boolean {
    return this.bySumo.has(sumoId);
  }

  /** The SUMO id behind a city model id, or undefined. */
  sumoIdOf(entityId: string): string | undefined {
    return this.byEntity.get(entityId);
  }
}
