/**
 * Turns each binary traffic frame into what the map layers draw: the frame
 * decoded and checked against the city, a weight per heat point, and per
 * road vertex a colour and the flow pulses' phase and rate. The city's
 * geometry is built once, when the processor is made.
 *
 * Pure and DOM-free: the traffic worker runs it, and so do unit tests.
 */
import type { CityMeta, LinkShapes } from '@protocol';
import { type TrafficFrame, decodeTrafficFrame } from '@protocol/traffic';
import { speedRatioColor } from '../../color-scales/congestion-colors';
import { FlowPhases } from './flow-phases';
import { type HeatSamples, heatWeights, sampleHeatPoints } from './heat-points';
import { type RoadPaths, buildRoadPaths } from './road-paths';

/** What the processor needs of the city, per link in CityMeta.links order. */
export interface CityTrafficModel {
  linkShapes: LinkShapes;
  lanes: Uint8Array;
  freeSpeedKmh: Float32Array;
}

/** The processor's view of a loaded city. */
export function cityTrafficModel(meta: CityMeta, linkShapes: LinkShapes): CityTrafficModel {
  return {
    linkShapes,
    lanes: Uint8Array.from(meta.links, (link) => link.lanes),
    freeSpeedKmh: Float32Array.from(meta.links, (link) => link.freeSpeedKmh),
  };
}

/** Geometry the layers keep for the whole city. */
export interface TrafficGeometry {
  road: RoadPaths;
  /** x, y per heat point, metres in the city frame. */
  heatPositionsM: Float32Array;
}

/** One frame, ready for the layers. Arrays are fresh per frame, so they can be transferred. */
export interface ProcessedTrafficFrame extends TrafficFrame {
  /** When the frame was handed to the processor, ms on the main thread's performance clock. */
  receivedAtMs: number;
  /** Density of each heat point's link, vehicles per km per lane. */
  heatWeights: Float32Array;
  /** RGBA per road vertex, 0–255, by speed / free-flow speed. */
  roadColors: Uint8Array;
  /** Per road vertex: phase of the flow pulses at `receivedAtMs`, cycles in [0, 1), then pulses per second. */
  flowPulses: Float32Array;
}

export class TrafficFrameProcessor {
  readonly geometry: TrafficGeometry;
  private readonly heat: HeatSamples;
  private readonly startIndices: Uint32Array;
  private readonly freeSpeedKmh: Float32Array;
  private readonly phases: FlowPhases;

  constructor(city: CityTrafficModel) {
    const linkCount = city.linkShapes.pointStart.length - 1;
    if (city.freeSpeedKmh.length !== linkCount) {
      throw new Error(`traffic city: ${city.freeSpeedKmh.length} free-flow speeds for ${linkCount} links`);
    }
    const road = buildRoadPaths(city.linkShapes, city.lanes);
    this.heat = sampleHeatPoints(city.linkShapes);
    this.startIndices = road.startIndices.slice();
    this.freeSpeedKmh = city.freeSpeedKmh;
    this.phases = new FlowPhases(linkCount);
    this.geometry = { road, heatPositionsM: this.heat.positionsM };
  }

  get linkCount(): number {
    return this.freeSpeedKmh.length;
  }

  /** Decodes `buffer` (throws naming what is wrong) and derives the per-point and per-vertex arrays. */
  process(buffer: ArrayBuffer, receivedAtMs: number): ProcessedTrafficFrame {
    const frame = decodeTrafficFrame(buffer, this.linkCount);
    this.phases.advance(frame.speedKmh, receivedAtMs, frame.speedFactor > 0);
    const vertexCount = this.startIndices[this.linkCount]!;
    const roadColors = new Uint8Array(4 * vertexCount);
    const flowPulses = new Float32Array(2 * vertexCount);
    const rgba = new Uint8Array([0, 0, 0, 255]);
    for (let link = 0; link < this.linkCount; link++) {
      speedRatioColor(frame.speedKmh[link]! / this.freeSpeedKmh[link]!, rgba);
      const phase = this.phases.phase[link]!;
      const rateHz = this.phases.rateHz[link]!;
      for (let v = this.startIndices[link]!; v < this.startIndices[link + 1]!; v++) {
        roadColors.set(rgba, 4 * v);
        flowPulses[2 * v] = phase;
        flowPulses[2 * v + 1] = rateHz;
      }
    }
    return {
      ...frame,
      receivedAtMs,
      heatWeights: heatWeights(this.heat.link, frame.densityVehPerKmLane),
      roadColors,
      flowPulses,
    };
  }
}

/** The buffers of a processed frame, to transfer rather than copy; the decoded link arrays share one. */
export function frameTransferables(frame: ProcessedTrafficFrame): ArrayBuffer[] {
  return [
    frame.speedKmh.buffer as ArrayBuffer,
    frame.heatWeights.buffer as ArrayBuffer,
    frame.roadColors.buffer as ArrayBuffer,
    frame.flowPulses.buffer as ArrayBuffer,
  ];
}

/** The buffers of the geometry, to transfer; the processor keeps its own copies of what it still needs. */
export function geometryTransferables(geometry: TrafficGeometry): ArrayBuffer[] {
  const { road } = geometry;
  return [road.positionsM, road.startIndices, road.distanceM, road.widthM, geometry.heatPositionsM].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
