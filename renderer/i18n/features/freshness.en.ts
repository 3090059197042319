/** English strings of the freshness feature (how old the data on screen is); zh-CN in freshness.zh-CN.ts must match key for key. */
export default {
  /** A figure older than its expected refresh: its age and the time it is from. */
  aging: 'data {age} old · as of {time}',
  /** A figure too old to read as current: greyed out, with the time it is from. */
  stale: 'as of {time} · {age} old',
  /** Nothing arrived before the bridge went away. */
  noData: 'no data · bridge unreachable',
  banner: {
    lost: 'Connection lost {time} — figures are from then, {age} old',
    silent: 'Bridge silent since {time} — figures are from then, {age} old',
    recovering: 'Reconnecting automatically…',
    ageMinutes: '{minutes} min {seconds} s',
    ageSeconds: '{seconds} s',
  },
  clock: {
    local: 'Local clock · bridge unreachable',
  },
  source: {
    unreachable: 'Bridge unreachable since {time}',
    lastKnown: 'last known: {name} {state}',
  },
  connection: {
    lostSince: 'lost since {time}',
  },
};
