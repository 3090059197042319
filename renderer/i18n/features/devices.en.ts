/** English strings of the devices feature (paired screens, links, refusals); zh-CN in devices.zh-CN.ts must match key for key. */
export default {
  refusal: {
    linkUnknownTitle: 'This link no longer works',
    linkUnknown:
      'This link has expired or belongs to another bridge. Open the link the bridge printed at its last start (npm run serve prints it), or ask an administrator to pair this screen.',
    deviceUnknownTitle: 'This bridge does not know this screen',
    deviceUnknown:
      'Its pairing is not on this bridge (another bridge, or its data folder was reset). Open the link the bridge printed at its last start (npm run serve prints it), or ask an administrator to pair this screen.',
    revokedTitle: 'An administrator revoked this screen',
    revoked: 'Its access was revoked on {date} at {time}. Ask an administrator for a new link and open it on this screen.',
    protocolTitle: 'This page and the bridge are different versions',
    protocol: 'Reload the page to load the version the bridge serves.',
    handshakeTitle: 'The bridge did not accept this page’s greeting',
    handshake: 'Reload the page. If it happens again, the app and the bridge need the same version.',
  },
  panel: {
    open: 'Screens',
    title: 'Screens and links',
    close: 'Close',
    refresh: 'Refresh',
    loading: 'Loading…',
    failed: 'Could not load the list: {reason}',
    empty: 'No links or paired screens yet.',
    columns: {
      label: 'Name',
      role: 'Role',
      created: 'Created',
      lastSeen: 'Last seen',
      state: 'State',
    },
    kind: {
      link: 'Link',
      device: 'Screen',
    },
    online: 'online ({count})',
    offline: 'offline',
    never: 'never',
    validUntil: 'valid until {date}',
    expired: 'expired',
    revokedAt: 'revoked {date}',
    revoke: 'Revoke',
    confirm: 'Revoke “{label}”? Its open screens disconnect at once and it cannot connect again.',
    confirmYes: 'Revoke',
    cancel: 'Cancel',
    revokeFailed: 'Could not revoke: {reason}',
  },
};
