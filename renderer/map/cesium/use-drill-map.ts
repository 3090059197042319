/**
 * The drill-down on the 3D twin: clicking a district, a road, an
 * intersection or a device selects it; selecting (from anywhere) flies the
 * camera there and dims the city outside its district; and the roll-up
 * tints districts by congestion (at the city level), badges them with
 * open alerts, and colours intersections near open alerts.
 *
 * What a click picks depends on the zoom: from high up only districts (a
 * click at city zoom must not land on one of 10,000 links), closer in the
 * intersection and device markers, then the nearest link within a few
 * pixels' worth of metres, and the district as the fallback.
 */
import { alertAreaCentre, isOpenAlertStatus } from '@protocol';
import { type CesiumWidget, Cartesian2, ScreenSpaceEventHandler, ScreenSpaceEventType } from 'cesium';
import { type Ref, onBeforeUnmount, watch } from 'vue';
import { useAlertsStore } from '../../features/alerts/alerts-store';
import { useCityStore } from '../../features/city/city-store';
import { districtOf } from '../../features/drill/drill-path';
import { useSelectionStore } from '../../features/drill/selection-store';
import { useTrafficStore } from '../../features/traffic/traffic-store';
import { alertsNear, districtRollup } from '../district-rollup';
import { DISTRICTS_LAYER } from '../map-layers';
import { flyToView, overviewView } from './camera-views';
import { type CityFrame, createCityFrame } from './city-frame';
import type { CityScene } from './city-scene';
import { drillView } from './drill-camera';
import { DistrictDimming } from './drill-dimming';
import { DrillMarkers } from './drill-markers';
import { mapViewport } from './map-viewport';
import { CityPicker, linkMidpointM } from './drill-picking';
import { LinkHighlight } from './link-highlight';

export interface DrillMapHost {
  widget: Ref<CesiumWidget | null>;
  /** The drawn city; the drill layers come and go with it. */
  scene: Ref<CityScene | null>;
  /** Whether another layer takes a click at this canvas position (e.g. an alert marker); then nothing is selected here. */
  claimsClick?: (xPx: number, yPx: number) => boolean;
}

/** Camera height below which a click may pick a road link, metres. */
const LINK_PICK_HEIGHT_M = 3_000;
/** How far from a link a click still picks it, in screen pixels (converted to metres at the click). */
const LINK_REACH_PX = 10;
/** Radius within which an open alert counts for an intersection's colour, metres (the bridge's "nearby"). */
const NEARBY_ALERT_RADIUS_M = 300;
/** Headroom of the dimming volume above the tallest building, metres. */
const DIMMING_HEADROOM_M = 60;

export function useDrillMap(host: DrillMapHost): void {
  const city = useCityStore();
  const selection = useSelectionStore();
  const traffic = useTrafficStore();
  const alerts = useAlertsStore();

  let markers: DrillMarkers | null = null;
  let dimming: DistrictDimming | null = null;
  let handler: ScreenSpaceEventHandler | null = null;
  let frame: CityFrame | null = null;
  let picker: CityPicker | null = null;
  let highlight: LinkHighlight | null = null;

  function teardown(): void {
    handler?.destroy();
    markers?.destroy();
    dimming?.destroy();
    highlight?.destroy();
    handler = markers = dimming = frame = picker = highlight = null;
  }

  function setUp(widget: CesiumWidget): void {
    const meta = city.meta!;
    frame = createCityFrame(meta);
    markers = new DrillMarkers(widget, meta, frame);
    const tallestM = city.buildings ? city.buildings.heightM.reduce((most, h) => Math.max(most, h), 0) : 0;
    dimming = new DistrictDimming(widget, meta, frame, tallestM + DIMMING_HEADROOM_M);
    if (city.linkShapes) highlight = new LinkHighlight(widget, meta, city.linkShapes, frame);
    handler = new ScreenSpaceEventHandler(widget.canvas);
    handler.setInputAction((click: { position: Cartesian2 }) => onClick(widget, click.position), ScreenSpaceEventType.LEFT_CLICK);
    showSelection(widget, false);
    applyRollup();
    applyAlertMarkers();
  }

  function groundAt(widget: CesiumWidget, position: Cartesian2): [number, number] | null {
    const world = widget.camera.pickEllipsoid(position, widget.scene.globe.ellipsoid);
    return world && frame ? frame.toLocal(world) : null;
  }

  function onClick(widget: CesiumWidget, position: Cartesian2): void {
    if (!markers || !city.meta || !city.linkShapes || host.claimsClick?.(position.x, position.y)) return;
    const marker = markers.pick(position.x, position.y);
    if (marker) {
      selection.select(marker);
      return;
    }
    const ground = groundAt(widget, position);
    if (!ground) return;
    // Link shapes may arrive after the city's outline; the picker follows them.
    if (picker?.shapes !== city.linkShapes) picker = new CityPicker(city.meta, city.linkShapes);
    if (widget.camera.positionCartographic.height < LINK_PICK_HEIGHT_M) {
      const beside = groundAt(widget, new Cartesian2(position.x + LINK_REACH_PX, position.y));
      const reachM = beside ? Math.hypot(beside[0] - ground[0], beside[1] - ground[1]) : 0;
      const link = picker.nearestLink(ground[0], ground[1], reachM);
      if (link !== null) {
        selection.select({ level: 'link', id: city.meta.links[link]!.id });
        return;
      }
    }
    const districtId = picker.districtAt(ground[0], ground[1]);
    if (districtId !== null) selection.select({ level: 'district', id: districtId });
  }

  /** Flies to the selection (or the overview), dims outside its district and rings its marker. */
  function showSelection(widget: CesiumWidget, fly: boolean): void {
    const lookup = selection.lookup;
    if (!lookup || !frame || !city.meta || !city.linkShapes) return;
    const target = selection.target;
    const shapes = city.linkShapes;
    const midpoint = (linkId: string) => {
      const index = city.meta!.links.findIndex((link) => link.id === linkId);
      return index < 0 ? null : linkMidpointM(shapes, index);
    };
    const view = drillView(lookup, target, midpoint);
    // A deep link opens at the city overview; only then fly in, once, and only if it points below the city.
    // A selection that moves the camera itself (an opened alert) asks for no flight.
    if (selection.flies && (fly || view)) flyToView(widget.camera, frame, view ?? overviewView(city.meta, mapViewport(widget)));
    dimming?.show(districtOf(lookup, target));
    markers?.setSelected(target);
    highlight?.show(selection.highlightedLinkIds);
  }

  function applyRollup(): void {
    const scene = host.scene.value;
    if (!scene) return;
    const ttiByDistrict = new Map(traffic.summary?.districts.map((d) => [d.districtId, d.travelTimeIndex]) ?? []);
    const openByDistrict = new Map<string, number>();
    for (const alert of alerts.alerts) {
      if (isOpenAlertStatus(alert.status)) openByDistrict.set(alert.districtId, (openByDistrict.get(alert.districtId) ?? 0) + 1);
    }
    // Congestion tints only the city view: below it the tint would wash over the streets one has zoomed in to see.
    const tinted = selection.target.level === 'city';
    const rollup = new Map(
      (city.meta?.districts ?? []).map((d) => [d.id, districtRollup(tinted ? ttiByDistrict.get(d.id) : undefined, openByDistrict.get(d.id) ?? 0)]),
    );
    scene.layer(DISTRICTS_LAYER)?.setRollup(rollup);
    host.widget.value?.scene.requestRender();
  }

  function applyAlertMarkers(): void {
    if (!markers || !city.meta) return;
    const centres = alerts.alerts.filter((alert) => isOpenAlertStatus(alert.status)).map((alert) => alertAreaCentre(alert.area));
    markers.setAlertCounts(alertsNear(city.meta.nodes.filter((node) => node.signalized), centres, NEARBY_ALERT_RADIUS_M));
  }

  watch(
    () => [host.widget.value, host.scene.value, city.meta] as const,
    ([widget, scene, meta]) => {
      teardown();
      if (widget && scene && meta) setUp(widget);
    },
    { immediate: true },
  );
  // Every selection flies there, even of the place already shown: the operator may have panned away.
  watch(
    () => [selection.selections, selection.target] as const,
    () => {
      const widget = host.widget.value;
      if (widget && markers) showSelection(widget, true);
    },
  );
  watch(() => [traffic.summary, alerts.alerts, selection.target] as const, applyRollup);
  watch(() => alerts.alerts, applyAlertMarkers);
  onBeforeUnmount(teardown);
}
