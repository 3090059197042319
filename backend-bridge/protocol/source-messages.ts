/**
 * The live source's health on the wire (MQTT broker reachability, age of the
 * last message, bad payloads, replay position). Filled in by the data-source
 * work (issue 7).
 */
export const sourceClientCheckers = {} as const;
export const SOURCE_COMMAND_TYPES = [] as const;
export const sourceServerCheckers = {} as const;
