/** Names of the alert kinds for headlines and descriptions the bridge writes, in Chinese and English. */
import type { AlertKind } from '../protocol/alerts';

export const ALERT_KIND_NAMES: Readonly<Record<AlertKind, { zh: string; en: string }>> = {
  intrusion: { zh: '非法入侵', en: 'intrusion' },
  'crowd-density': { zh: '人员聚集', en: 'crowd density' },
  fight: { zh: '打架斗殴', en: 'fight' },
  'fire-alarm': { zh: '火灾报警', en: 'fire alarm' },
  'emergency-call': { zh: '紧急求助', en: 'emergency call' },
  'noise-complaint': { zh: '噪声投诉', en: 'noise complaint' },
  'traffic-accident': { zh: '交通事故', en: 'traffic accident' },
  'device-offline': { zh: '设备离线', en: 'device offline' },
  'risk-point': { zh: '风险点', en: 'risk point' },
};
