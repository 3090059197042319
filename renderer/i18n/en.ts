/**
 * English UI strings. This catalogue is also the schema every other language
 * must match key for key (see zh-CN.ts). `a | b` is singular | plural.
 */
const en = {
  app: {
    title: 'City Brain Operations',
  },
  views: {
    console: 'Operations console',
    wall: 'Video wall',
    cockpit: 'Leadership cockpit',
  },
  header: {
    bridgeTime: 'Bridge time',
    source: 'Source: {source}',
    language: 'Language',
  },
  roles: {
    viewer: 'Viewer',
    operator: 'Operator',
    admin: 'Administrator',
  },
  connection: {
    label: 'Connection to the bridge',
    offline: 'offline',
    connecting: 'connecting…',
    connectingAttempt: 'connecting · try {attempt}',
    live: 'live',
    liveRtt: 'live · RTT {rtt}',
    stale: 'stale · {age}',
    reconnecting: 'reconnecting · try {attempt} in {wait}',
    refused: 'refused: {reason}',
    refusedBecause: 'refused: {cause} — {reason}',
    refusalCause: {
      badHandshake: 'bad handshake',
      invalidToken: 'invalid token',
      protocolMismatch: 'this client speaks another protocol version',
    },
    refusedHint: 'Check the address and token, then reload the page.',
    invalidMessages: 'no invalid messages | 1 invalid message | {count} invalid messages',
  },
  city: {
    waiting: 'Waiting for the bridge…',
    loading: 'Loading city data…',
    failed: 'City data could not be loaded: {error}',
    noDistricts: 'This city has no districts.',
  },
  districts: {
    title: 'Districts',
    rankingTitle: 'Districts by devices',
    rank: 'Rank',
    name: 'District',
    buildings: 'Buildings',
    signalized: 'Signals',
    devices: 'Devices',
  },
  deviceKinds: {
    camera: 'Cameras',
    'loop-detector': 'Loop detectors',
    'fire-alarm': 'Fire alarms',
    'air-sensor': 'Air sensors',
  },
  map: {
    waiting: 'Waiting for city data…',
    loading: {
      meta: 'Loading the city model…',
      buildings: 'Loading buildings…',
      links: 'Loading road shapes…',
    },
    building: 'Building the 3D city…',
    failed: 'The 3D city could not be drawn: {reason}',
    webglUnavailable: 'WebGL is not available: {reason}',
  },
  layers: {
    title: 'Layers',
    buildings: 'Buildings',
    roads: 'Roads',
    districts: 'District boundaries',
  },
  charts: {
    devicesByDistrict: 'Devices by kind per district',
  },
  kpi: {
    title: 'City at a glance',
    districts: 'Districts',
    buildings: 'Buildings',
    signalized: 'Signalized intersections',
    devices: 'Devices',
    clients: 'Connected clients',
    bridgeTime: 'Bridge time',
    cityModel: 'city model {version} · {time}',
    asOf: 'as of {time}',
  },
  units: {
    district: 'district | districts',
    building: 'building | buildings',
    intersection: 'intersection | intersections',
    device: 'device | devices',
    client: 'client | clients',
  },
};

export type MessageSchema = typeof en;
export default en;
