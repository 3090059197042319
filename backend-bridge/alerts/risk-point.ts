/**
 * The derived alert a correlation cluster raises: a circle over the cluster,
 * linking every contributing alert, more severe the more kinds it joins.
 */
import type { RiskCluster } from './correlation';
import { ALERT_KIND_NAMES } from './kind-names';
import type { AlertDraft } from './lifecycle';

/** Smallest radius drawn for a risk point, metres: a tight cluster still needs a visible circle. */
const MIN_RISK_RADIUS_M = 100;
/** A cluster of this many kinds or more is Extreme rather than Severe. */
const EXTREME_FROM_KINDS = 4;

/**
 * @param districtId district of the cluster's centre
 * @param simTimeMs city-clock time of the alert that completed the cluster
 * @param windowMs the correlation window, for the description
 */
export function riskPointDraft(cluster: RiskCluster, districtId: string, simTimeMs: number, windowMs: number): AlertDraft {
  const count = cluster.size;
  const kinds = cluster.kinds.length;
  const radiusM = Math.max(MIN_RISK_RADIUS_M, Math.round(cluster.extentM));
  const minutes = Math.round(windowMs / 60_000);
  return {
    kind: 'risk-point',
    source: 'correlation',
    category: 'Safety',
    urgency: 'Expected',
    severity: kinds >= EXTREME_FROM_KINDS ? 'Extreme' : 'Severe',
    certainty: 'Likely',
    headline: { zh: `风险点：${kinds}类警情聚集`, en: `Risk point: ${kinds} kinds of alerts together` },
    description: {
      zh: `${minutes}分钟内、半径${radiusM}米范围内出现${count}条警情：${cluster.kinds.map((k) => ALERT_KIND_NAMES[k].zh).join('、')}。`,
      en: `${count} alerts within ${radiusM} m and ${minutes} min: ${cluster.kinds.map((k) => ALERT_KIND_NAMES[k].en).join(', ')}.`,
    },
    area: { shape: 'circle', xM: cluster.centreM[0], yM: cluster.centreM[1], radiusM },
    districtId,
    simTimeMs,
    classification: 'public',
    linkedAlertIds: cluster.contributors.map((signal) => signal.id),
  };
}
