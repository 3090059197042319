/** English strings of the source feature; zh-CN in source.zh-CN.ts must match key for key. */
export default {
  label: 'Data source',
  names: {
    simulator: 'Simulator',
    mqtt: 'Field (MQTT)',
    replay: 'Replay',
  },
  state: {
    live: 'live',
    stale: 'stale · last message {age} ago',
    staleNever: 'stale · no message yet',
    down: 'down · last message {age} ago',
    downNever: 'down',
  },
  replay: {
    position: '{percent} · {speed}×',
    paused: 'paused',
    ended: 'ended',
    play: 'Play',
    pause: 'Pause',
    seek: 'Position in the recording',
    speed: 'Replay speed',
  },
  details: {
    reconnects: 'Reconnected {count} time | Reconnected {count} times',
    rejected: '{channel}: {count} refused, latest: {reason}',
    commandFailed: 'The bridge refused: {reason}',
  },
};
