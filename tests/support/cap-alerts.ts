/**
 * Posts CAP 1.2 alerts to a running bridge over its HTTP API, as an alarm
 * system would, so a test has alerts in known places.
 */
import { expect } from 'vitest';
import { capInfo, capXml, latLonOf } from '../../backend-bridge/alerts/cap/cap.fixture';
import type { CityMeta } from '../../backend-bridge/protocol';

export interface BridgeForAlerts {
  origin: string;
  /** A token with the operator role: posting alerts is an operator's act. */
  operatorToken: string;
}

export interface DistrictAlert {
  /** Which district (taken modulo their number) the alert's circle is centred in. */
  districtIndex: number;
  /** The CAP identifier: the bridge stores each identifier once. */
  identifier: string;
  headline: string;
  /** @default `Block <districtIndex>` */
  areaDesc?: string;
}

/** Posts a Severe alert centred in the middle of a district; returns the stored alert's id. */
export async function postDistrictAlert(bridge: BridgeForAlerts, meta: CityMeta, alert: DistrictAlert): Promise<string> {
  const ring = meta.districts[alert.districtIndex % meta.districts.length]!.ringM;
  const [xM, yM] = ring.reduce(([sx, sy], [x, y]) => [sx + x / ring.length, sy + y / ring.length], [0, 0]);
  const areaDesc = alert.areaDesc ?? `Block ${alert.districtIndex}`;
  const area = `<area><areaDesc>${areaDesc}</areaDesc><circle>${latLonOf(meta.origin, xM, yM)} 0.05</circle></area>`;
  const response = await fetch(`${bridge.origin}/api/alerts/cap`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bridge.operatorToken}`, 'Content-Type': 'application/cap+xml' },
    body: capXml({ identifier: alert.identifier, infos: [capInfo({ area, headline: alert.headline })] }),
  });
  const body = (await response.json()) as { id?: string; error?: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id!;
}
