/**
 * What the demo generator knows about each kind it raises: how common it
 * is, when in the day it happens, how severe it tends to be, where it is
 * placed, and how it reads. Traffic accidents are not here (they come from
 * the traffic sim's incidents), nor risk points (correlation derives them).
 */
import type { AlertKind, CapCategory, CapCertainty, CapSeverity, CapUrgency, DataClassification } from '../../protocol/alerts';
import type { DeviceKind } from '../../protocol/city';

export type DemoKind = Exclude<AlertKind, 'traffic-accident' | 'risk-point'>;

export interface DemoKindSpec {
  /** Share of all demo alerts; the shares sum to 1. */
  share: number;
  /** Relative rate per local hour 0–23; normalised below to a mean of 1. */
  hourly: readonly number[];
  /** Weights of Extreme, Severe, Moderate, Minor. */
  severityWeights: readonly [number, number, number, number];
  category: CapCategory;
  urgency: CapUrgency;
  certainty: CapCertainty;
  classification: DataClassification;
  /** Device the alert comes from, placed at it; `any` for any device, null for a report from a person (a point in the district). */
  device: DeviceKind | 'any' | null;
  /** Share of this kind raised near a hot spot rather than anywhere in the city. */
  hotSpotShare: number;
  /** A caller's name and phone number come with it (sensitive). */
  caller: boolean;
  /** Headline and description, given the place (device or district name). */
  text: (place: { zh: string; en: string }) => { headline: { zh: string; en: string }; description: { zh: string; en: string } };
}

const SPECS: Record<DemoKind, DemoKindSpec> = {
  intrusion: {
    share: 0.08,
    hourly: [2, 2, 2.2, 2.2, 2, 1.5, 0.8, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.5, 0.6, 0.7, 0.8, 1, 1.2, 1.5, 1.8],
    severityWeights: [0, 30, 50, 20],
    category: 'Security',
    urgency: 'Immediate',
    certainty: 'Observed',
    classification: 'core',
    device: 'camera',
    hotSpotShare: 0.1,
    caller: false,
    text: (p) => ({
      headline: { zh: `${p.zh}发现非法入侵`, en: `Intrusion detected at ${p.en}` },
      description: { zh: '视频分析发现有人翻越围栏进入管控区域。', en: 'Video analytics saw a person climb the fence into a restricted area.' },
    }),
  },
  'crowd-density': {
    share: 0.14,
    hourly: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 2, 1, 0.8, 1, 1.4, 1, 0.8, 0.9, 1.2, 2, 2.2, 2, 1.6, 1.2, 0.6, 0.3],
    severityWeights: [2, 18, 50, 30],
    category: 'Safety',
    urgency: 'Expected',
    certainty: 'Likely',
    classification: 'public',
    device: 'camera',
    hotSpotShare: 0.5,
    caller: false,
    text: (p) => ({
      headline: { zh: `${p.zh}人员密度过高`, en: `High crowd density at ${p.en}` },
      description: { zh: '视频估计人员密度超过每平方米4人。', en: 'Video estimates more than 4 people per square metre.' },
    }),
  },
  fight: {
    share: 0.08,
    hourly: [2.2, 2, 1.6, 1, 0.5, 0.2, 0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 1, 1.3, 1.6, 2, 2.4, 2.6],
    severityWeights: [3, 30, 47, 20],
    category: 'Security',
    urgency: 'Immediate',
    certainty: 'Likely',
    classification: 'public',
    device: 'camera',
    hotSpotShare: 0.6,
    caller: false,
    text: (p) => ({
      headline: { zh: `${p.zh}发生打架斗殴`, en: `Fight reported at ${p.en}` },
      description: { zh: '视频分析识别到多人肢体冲突。', en: 'Video analytics recognised several people fighting.' },
    }),
  },
  'fire-alarm': {
    share: 0.12,
    hourly: [0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1, 1, 1.1, 1.2, 1.5, 1.4, 1.1, 1, 1, 1.1, 1.4, 1.6, 1.4, 1.2, 1, 0.8, 0.7],
    severityWeights: [5, 30, 45, 20],
    category: 'Fire',
    urgency: 'Immediate',
    certainty: 'Observed',
    classification: 'public',
    device: 'fire-alarm',
    hotSpotShare: 0.25,
    caller: false,
    text: (p) => ({
      headline: { zh: `${p.zh}火灾报警`, en: `Fire alarm at ${p.en}` },
      description: { zh: '烟感探测器报警，请核实现场情况。', en: 'A smoke detector went off; confirm on site.' },
    }),
  },
  'emergency-call': {
    share: 0.22,
    hourly: [0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.8, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1, 1.1, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 0.9, 0.7],
    severityWeights: [5, 25, 50, 20],
    category: 'Rescue',
    urgency: 'Immediate',
    certainty: 'Likely',
    classification: 'sensitive',
    device: null,
    hotSpotShare: 0.35,
    caller: true,
    text: (p) => ({
      headline: { zh: `${p.zh}紧急求助电话`, en: `Emergency call from ${p.en}` },
      description: { zh: '市民来电求助，需要现场处置。', en: 'A resident called for help; someone needs to go.' },
    }),
  },
  'noise-complaint': {
    share: 0.24,
    hourly: [2.4, 2, 1.2, 0.6, 0.3, 0.2, 0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1, 1.3, 1.7, 2.2, 2.6, 2.7],
    severityWeights: [0, 0, 30, 70],
    category: 'Env',
    urgency: 'Expected',
    certainty: 'Possible',
    classification: 'sensitive',
    device: null,
    hotSpotShare: 0.5,
    caller: true,
    text: (p) => ({
      headline: { zh: `${p.zh}噪声扰民投诉`, en: `Noise complaint in ${p.en}` },
      description: { zh: '居民投诉夜间噪声扰民。', en: 'A resident complains about noise.' },
    }),
  },
  'device-offline': {
    share: 0.12,
    hourly: new Array<number>(24).fill(1),
    severityWeights: [0, 5, 45, 50],
    category: 'Infra',
    urgency: 'Expected',
    certainty: 'Observed',
    classification: 'public',
    device: 'any',
    hotSpotShare: 0,
    caller: false,
    text: (p) => ({
      headline: { zh: `${p.zh}离线`, en: `${p.en} offline` },
      description: { zh: '设备超过5分钟无心跳。', en: 'No heartbeat from the device for over 5 minutes.' },
    }),
  },
};

const normalised = (hourly: readonly number[]) => {
  const mean = hourly.reduce((sum, value) => sum + value, 0) / hourly.length;
  return hourly.map((value) => value / mean);
};

/** The kinds the demo raises, with hourly rhythms of mean 1. */
export const DEMO_KINDS: ReadonlyMap<DemoKind, DemoKindSpec> = new Map(
  (Object.entries(SPECS) as [DemoKind, DemoKindSpec][]).map(([kind, spec]) => [kind, { ...spec, hourly: normalised(spec.hourly) }]),
);

export const SEVERITY_ORDER: readonly CapSeverity[] = ['Extreme', 'Severe', 'Moderate', 'Minor'];
