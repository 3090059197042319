/**
 * GET /api/cockpit-settings: the cockpit's targets and TV page time, checked
 * with the config when the bridge starts and sent as they are.
 */
import { COCKPIT_SETTINGS_PATH, type CockpitSettings } from '../protocol/cockpit-settings';
import { type HttpRoute, sendJson } from '../core/http-route';

export function cockpitSettingsRoute(settings: CockpitSettings): HttpRoute {
  return { method: 'GET', path: COCKPIT_SETTINGS_PATH, handler: (_request, response) => sendJson(response, 200, settings) };
}
