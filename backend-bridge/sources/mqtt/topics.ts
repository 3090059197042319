/**
 * The MQTT topic layout (see README.md): what the bridge subscribes to, how
 * an incoming topic maps to the kind of payload and the entity it is about,
 * and where commands to a signal controller go.
 *
 *   <root>/<cityId>/detector/<linkId>         detector reading for a road link
 *   <root>/<cityId>/signal/<nodeId>/state     controller's current phase
 *   <root>/<cityId>/signal/<nodeId>/plan      controller's running plan
 *   <root>/<cityId>/signal/<nodeId>/ack       controller's answer to a command
 *   <root>/<cityId>/signal/<nodeId>/cmd       bridge → controller (published, never subscribed)
 *   <root>/<cityId>/device/<deviceId>/status  device health and reading
 *   <root>/<cityId>/alert/json                alert draft as JSON
 *   <root>/<cityId>/alert/cap                 CAP 1.2 XML alert
 */

export const TOPIC_KINDS = ['detector', 'signal-state', 'signal-plan', 'signal-ack', 'device-status', 'alert-json', 'alert-cap'] as const;
/** What an incoming message carries, by its topic. */
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** Kinds each message of which must be handled by exactly one bridge: they may go through a shared subscription. */
const ONCE_ONLY_KINDS: readonly TopicKind[] = ['alert-json', 'alert-cap'];

/** Topic levels after `<root>/<cityId>/`; `+` is where the entity id goes. */
const PATTERNS: Record<TopicKind, readonly string[]> = {
  detector: ['detector', '+'],
  'signal-state': ['signal', '+', 'state'],
  'signal-plan': ['signal', '+', 'plan'],
  'signal-ack': ['signal', '+', 'ack'],
  'device-status': ['device', '+', 'status'],
  'alert-json': ['alert', 'json'],
  'alert-cap': ['alert', 'cap'],
};

export interface Subscription {
  /** The filter as sent to the broker, `$share/<group>/…` for a shared one. */
  filter: string;
  /** The filter without any share prefix: the name refused payloads are counted under. */
  channel: string;
  kind: TopicKind;
}

/** An incoming topic, understood: its kind, the entity id from its `+` level (empty when none), its channel. */
export interface RoutedTopic {
  kind: TopicKind;
  id: string;
  channel: string;
}

export class TopicLayout {
  private readonly prefix: string;

  constructor(
    readonly root: string,
    readonly cityId: string,
  ) {
    this.prefix = `${root}/${cityId}/`;
  }

  /** The channel (topic filter) of a kind, e.g. `citybrain/hz/detector/+`. */
  channel(kind: TopicKind): string {
    return this.prefix + PATTERNS[kind].join('/');
  }

  /** One QoS 1 subscription per kind; the once-only kinds shared within `sharedGroup` when one is given. */
  subscriptions(sharedGroup: string | null): Subscription[] {
    return TOPIC_KINDS.map((kind) => {
      const channel = this.channel(kind);
      const shared = sharedGroup !== null && ONCE_ONLY_KINDS.includes(kind);
      return { kind, channel, filter: shared ? `$share/${sharedGroup}/${channel}` : channel };
    });
  }

  /** Where the bridge publishes commands for the controller of `nodeId`. */
  commandTopic(nodeId: string): string {
    return `${this.prefix}signal/${nodeId}/cmd`;
  }

  /** The kind and entity of an incoming topic, or null for a topic outside the layout. */
  route(topic: string): RoutedTopic | null {
    if (!topic.startsWith(this.prefix)) return null;
    const levels = topic.slice(this.prefix.length).split('/');
    for (const kind of TOPIC_KINDS) {
      const pattern = PATTERNS[kind];
      if (pattern.length !== levels.length) continue;
      let id = '';
      const matches = pattern.every((level, i) => {
        if (level !== '+') return level === levels[i];
        id = levels[i]!;
        return id.length > 0;
      });
      if (matches) return { kind, id, channel: this.channel(kind) };
    }
    return null;
  }
}
