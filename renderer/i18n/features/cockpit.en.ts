/** English strings of the leadership cockpit; zh-CN in cockpit.zh-CN.ts must match key for key. */
export default {
  today: {
    label: 'Today · {date} (city time, {zone})',
  },
  target: {
    atMost: 'Target ≤ {value}',
    atLeast: 'Target ≥ {value}',
    met: 'met',
    notMet: 'not met',
    unknown: 'no figure yet',
  },
  compare: {
    weekAgo: 'Same hour a week ago: {value} ({change})',
    noWeekAgo: 'No figure a week ago yet',
    notRecorded: 'Week-earlier figure not recorded',
  },
  spark: {
    hourly: 'Today, hour by hour',
    raisedPerHour: 'Alerts raised per hour today',
    resolvedPerHour: 'Alerts resolved per hour today',
  },
  tiles: {
    severeOpen: 'Severe + extreme alerts open',
    allOpen: '{count} open in all',
    mttr: 'Mean time to resolve {value} min',
    mttrNone: 'Mean time to resolve: none resolved yet',
  },
  trend: {
    noYesterday: 'No record for yesterday at this hour',
    title: 'Travel time index: today vs yesterday',
    hoursOnRecord: 'The day so far: {count} hour on record | The day so far: {count} hours on record',
  },
  map: {
    title: 'City map: districts by travel time index',
    loading: 'Loading the city…',
    legendTitle: 'Travel time index',
    bands: { b0: 'below 1.2', b1: '1.2 – 1.5', b2: '1.5 – 2.0', b3: '2.0 and above' },
    badges: 'Badge: open alerts, coloured by the most severe',
  },
  attention: {
    title: 'Districts needing attention',
    rank: '#',
    district: 'District',
    tti: 'Index',
    speed: 'km/h',
    alerts: 'Alerts',
    score: 'Score',
    ttiTitle: 'Travel time index (1 = free flow)',
    speedTitle: 'Average speed, km/h',
    alertsTitle: 'Open alerts',
  },
  alertsPage: {
    title: 'Open alerts by district',
    highest: 'Most severe',
    none: 'No open alerts.',
  },
  pages: {
    overview: 'Overview',
    map: 'Map and districts',
    alerts: 'Alerts and resolution',
  },
  tv: {
    indicator: 'Page {page} of {total}: {name}',
  },
};
