/**
 * The video wall and the cockpit in the bridge: push-to-wall from a console
 * to every wall screen (remembered while it holds, for walls that connect
 * late), and the city's hourly figures the cockpit compares with yesterday.
 */
import { DEFAULT_PUSH_HOLD_S, type WallLayout } from '../protocol/wall-layout';
import type { WallTarget } from '../protocol';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { RequestError } from '../core/request-error';
import type { AlertStore } from '../store/alert-store';
import { CityHours } from './city-hours';
import { WallFocus } from './wall-focus';
import { wallLayoutRoute } from './wall-layout-endpoint';

export interface WallModuleOptions {
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

/** @param layout the wall layout the bridge serves, checked at start */
export function createWallModule(context: BridgeModuleContext, alerts: Pick<AlertStore, 'get'>, layout: WallLayout, options: WallModuleOptions = {}): BridgeModule {
  const now = options.now ?? Date.now;
  // A push that names no hold gets the default layout's; the console sends the served layout's own.
  const focus = new WallFocus(DEFAULT_PUSH_HOLD_S);
  const hours = new CityHours(context.db, { timeZone: context.city.meta.timeZone });
  let latestSimTimeMs: number | null = null;
  let pushes = 0;

  const exists = (target: WallTarget): boolean => {
    if ('alertId' in target) return alerts.get(target.alertId) !== undefined;
    const { meta } = context.city;
    switch (target.level) {
      case 'city':
        return true;
      case 'district':
        return meta.districts.some((district) => district.id === target.id);
      case 'intersection':
        return meta.nodes.some((node) => node.id === target.id);
      case 'link':
        return meta.links.some((link) => link.id === target.id);
      case 'device':
        return meta.devices.some((device) => device.id === target.id);
    }
  };

  return {
    name: 'wall',
    events: {
      areaTraffic: (traffic) => {
        latestSimTimeMs = traffic.simTimeMs;
        hours.add({ simTimeMs: traffic.simTimeMs, travelTimeIndex: traffic.city.travelTimeIndex, avgSpeedKmh: traffic.city.avgSpeedKmh });
      },
    },
    onClientReady: (session) => {
      const holding = focus.current(now());
      if (holding) session.send(holding);
    },
    commands: {
      'push-to-wall': (command, caller) => {
        if (!exists(command.target)) throw new RequestError('not-found', `nothing to push: ${JSON.stringify(command.target)} is not in this city`);
        const message = focus.push({ target: command.target, fromLabel: caller.label, ...(command.holdS !== undefined && { holdS: command.holdS }) }, now());
        pushes++;
        context.clients.broadcast(message);
      },
    },
    queries: {
      'get-city-trend': (query) => {
        if (latestSimTimeMs === null) throw new RequestError('not-ready', 'the bridge has no traffic figures yet; ask again in a second');
        return { type: 'city-trend', requestId: query.id, ...hours.trend(latestSimTimeMs) };
      },
    },
    routes: [wallLayoutRoute(layout)],
    health: () => ({ pushes, focusHeld: focus.current(now()) !== null }),
  };
}
