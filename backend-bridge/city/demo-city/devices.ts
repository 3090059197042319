/**
 * Field devices of the demo city: a camera at every signalized
 * intersection, a loop detector on every arterial approach to one, a fire
 * alarm panel in every building of 100 m or more, and air-quality stations
 * on a loose lattice over the whole city.
 */
import type { Buildings, Device, District, RoadNode } from '../../protocol';
import type { DistrictLocator } from '../district-locator';
import { vertexMean } from '../../../common/geo/planar-measures';
import { Prng } from '../prng';
import { BUILDING_WATER_MARGIN_M } from './buildings';
import { type DemoLayout, EDGE_M } from './layout';
import type { RoadNetwork } from './road-network';

/** Cameras stand on the intersection's north-east corner, this far off its centre on each axis, in metres. */
const CAMERA_OFFSET_M = 15;
/** Loop detectors sit this far upstream of the stop line, in metres. */
const LOOP_UPSTREAM_M = 30;
/** Buildings at least this tall get a fire alarm panel, in metres (China's super high-rise threshold). */
const FIRE_ALARM_MIN_HEIGHT_M = 100;
/** Spacing of the air-quality station lattice, in metres. */
const AIR_STATION_SPACING_M = 1500;
/** Greatest shift of an air station from its lattice point, in metres. */
const AIR_STATION_JITTER_M = 300;

export function placeDevices(
  seed: number,
  layout: DemoLayout,
  network: RoadNetwork,
  buildings: Buildings,
  districts: readonly District[],
  locator: DistrictLocator,
): Device[] {
  const devices: Device[] = [];
  const add = (device: Omit<Device, 'districtId'>) =>
    devices.push({ ...device, districtId: districts[locator.require(device.xM, device.yM, device.id)]!.id });

  const nodesById = new Map(network.nodes.map((node) => [node.id, node]));
  for (const node of network.nodes) {
    if (!node.signalized) continue;
    const name = node.name ?? { zh: node.id, en: node.id };
    add({
      id: `cam:${node.id.slice('n:'.length)}`,
      kind: 'camera',
      name: { zh: `路口摄像机 · ${name.zh}`, en: `Camera · ${name.en}` },
      xM: node.xM + CAMERA_OFFSET_M,
      yM: node.yM + CAMERA_OFFSET_M,
      nodeId: node.id,
    });
  }

  const { pointStart, xyM } = network.linkShapes;
  network.links.forEach((link, index) => {
    const from = nodesById.get(link.fromNodeId);
    const to = nodesById.get(link.toNodeId);
    if (link.roadClass !== 'arterial' || !from || !to || !to.signalized) return;
    const end = pointStart[index + 1]! - 1;
    const [endX, endY] = [xyM[2 * end]!, xyM[2 * end + 1]!];
    const [prevX, prevY] = [xyM[2 * end - 2]!, xyM[2 * end - 1]!];
    const t = LOOP_UPSTREAM_M / Math.hypot(endX - prevX, endY - prevY);
    const approach = approachSide(from, to);
    const toName = to.name ?? { zh: to.id, en: to.id };
    add({
      id: `loop:${link.id.slice('l:'.length)}`,
      kind: 'loop-detector',
      name: { zh: `线圈检测器 · ${toName.zh} ${approach.zh}进口`, en: `Loop detector · ${toName.en}, ${approach.en} approach` },
      xM: round2(endX + (prevX - endX) * t),
      yM: round2(endY + (prevY - endY) * t),
      linkId: link.id,
    });
  });

  for (let i = 0; i < buildings.heightM.length; i++) {
    if (buildings.heightM[i]! < FIRE_ALARM_MIN_HEIGHT_M) continue;
    const [xM, yM] = vertexMean(buildings.xyM, buildings.ringStart[i]!, buildings.ringStart[i + 1]!);
    add({
      id: `fire:${i}`,
      kind: 'fire-alarm',
      name: { zh: `高层火灾报警 · 楼宇 ${i}`, en: `High-rise fire alarm · building ${i}` },
      xM: round2(xM),
      yM: round2(yM),
    });
  }

  placeAirStations(seed, layout, districts, locator).forEach((station) => add(station));
  return devices;
}

/** Stations on a jittered lattice, skipping the river, numbered within each district. */
function placeAirStations(
  seed: number,
  layout: DemoLayout,
  districts: readonly District[],
  locator: DistrictLocator,
): Omit<Device, 'districtId'>[] {
  const rng = new Prng(seed, 'air-stations');
  const stations: Omit<Device, 'districtId'>[] = [];
  const perDistrict = new Array<number>(districts.length).fill(0);
  const reachM = EDGE_M - AIR_STATION_SPACING_M / 2;
  for (let yM = -reachM; yM <= reachM; yM += AIR_STATION_SPACING_M) {
    for (let xM = -reachM; xM <= reachM; xM += AIR_STATION_SPACING_M) {
      const x = round2(xM + rng.float(-AIR_STATION_JITTER_M, AIR_STATION_JITTER_M));
      const y = round2(yM + rng.float(-AIR_STATION_JITTER_M, AIR_STATION_JITTER_M));
      const index = locator.find(x, y);
      if (index < 0 || layout.river.isWet(x, y, BUILDING_WATER_MARGIN_M)) continue;
      const district = districts[index]!;
      const number = ++perDistrict[index]!;
      stations.push({
        id: `air:${stations.length + 1}`,
        kind: 'air-sensor',
        name: { zh: `空气质量监测站 · ${district.name.zh}${number}号`, en: `Air quality station · ${district.name.en} no. ${number}` },
        xM: x,
        yM: y,
      });
    }
  }
  return stations;
}

const SIDES = {
  north: { zh: '北', en: 'north' },
  south: { zh: '南', en: 'south' },
  east: { zh: '东', en: 'east' },
  west: { zh: '西', en: 'west' },
} as const;

/** The side of the intersection `to` from which traffic on from → to arrives. */
function approachSide(from: RoadNode, to: RoadNode): { zh: string; en: string } {
  const dx = from.xM - to.xM;
  const dy = from.yM - to.yM;
  if (Math.abs(dy) >= Math.abs(dx)) return dy > 0 ? SIDES.north : SIDES.south;
  return dx > 0 ? SIDES.east : SIDES.west;
}

const round2 = (valueM: number) => Math.round(valueM * 100) / 100;
