/**
 * Which session follows which entity's detail. Each push computes the
 * figures of every distinct subscribed entity once, encodes the message once,
 * and sends the same text to every session following it; sessions without a
 * subscription receive nothing.
 */
import { DRILL_LEVELS, type DetailFigures, type DetailMessage, type DrillLevel } from '../protocol';

/** What a subscription is to: a level and, below the city, an entity id. */
export interface DetailTarget {
  level: DrillLevel;
  /** Absent (and ignored) for the city level. */
  entityId?: string;
}

/** The part of a session the subscriptions need. */
export interface DetailReceiver {
  /** Sends an encoded message; false once the connection is gone. */
  sendText(text: string): boolean;
}

export class DetailSubscriptions<Session extends DetailReceiver> {
  private readonly targets = new Map<Session, DetailTarget>();

  /** Sessions with a subscription. */
  get size(): number {
    return this.targets.size;
  }

  /** Replaces whatever the session followed before. */
  subscribe(session: Session, target: DetailTarget): void {
    this.targets.set(session, target.level === 'city' ? { level: 'city' } : { level: target.level, entityId: target.entityId });
  }

  /** Ends the session's subscription; also what a closed session needs. */
  unsubscribe(session: Session): void {
    this.targets.delete(session);
  }

  /**
   * Sends every subscribed session the detail of its entity.
   * @param figures computes one entity's figures; called once per distinct entity
   * @param onError told of an entity whose figures failed; its sessions miss this push, the others do not
   */
  push(simTimeMs: number, figures: (target: DetailTarget) => DetailFigures, onError: (target: DetailTarget, error: unknown) => void): void {
    const encoded = new Map<string, string | null>();
    for (const [session, target] of this.targets) {
      const key = keyOf(target);
      let text = encoded.get(key);
      if (text === undefined) {
        try {
          const message: DetailMessage = { type: 'detail', simTimeMs, figures: figures(target) };
          text = JSON.stringify(message);
        } catch (error) {
          onError(target, error);
          text = null;
        }
        encoded.set(key, text);
      }
      if (text !== null) session.sendText(text);
    }
  }

  /** Subscriptions per level, for the health endpoint. */
  countsByLevel(): Record<DrillLevel, number> {
    const counts = Object.fromEntries(DRILL_LEVELS.map((level) => [level, 0])) as Record<DrillLevel, number>;
    for (const target of this.targets.values()) counts[target.level]++;
    return counts;
  }
}

const keyOf = (target: DetailTarget): string => (target.level === 'city' ? 'city' : `${target.level}:${target.entityId ?? ''}`);
