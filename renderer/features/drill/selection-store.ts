/**
 * The drill-down selection: which place the console (or a wall screen) shows,
 * its breadcrumb, and the bridge's figures for it.
 *
 * Stable API for other features (the wall pushes a console's selection here):
 * - `select(target, options?)`: show `{ level, id }`; an id the city does not have (or
 *   the bridge answers not-found for) sets `notFound` and shows the city.
 *   `options.road` selects a whole road (its representative link as the
 *   target); `options.fly: false` asks the map not to fly there (the caller
 *   moves the camera itself, e.g. to an alert).
 * - `highlightedLinkIds`: the links the map highlights: the selected road's, or the selected link.
 * - `up()`: one step up the breadcrumb.
 * - `target`, `road`, `path`, `detail`, `notFound`, `flies`: read-only state.
 *
 * The store holds one bridge subscription (`subscribe-detail`) for the
 * current target and renews it after every reconnect, so the session always
 * receives exactly the detail it shows.
 */
import type { DetailMessage } from '@protocol';
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { CommandError } from '../connection/pending-commands';
import { type CityLookup, createCityLookup } from './city-lookup';
import { targetOfFigures } from './detail-target';
import { type DrillCrumb, drillPath, entityExists } from './drill-path';
import { CITY_TARGET, type DrillTarget, checkTarget, sameTarget } from './drill-target';
import type { Road } from './road-groups';

export interface SelectOptions {
  /** The road the target (its representative link) stands for; all its links are highlighted. @default none */
  road?: Road;
  /** Whether the map flies to the selection. @default true */
  fly?: boolean;
}

const NO_LINKS: ReadonlySet<string> = new Set();

/** A selection that could not be shown, and why; the view shows the city meanwhile. */
export interface DrillProblem {
  /** `unknown`: no such entity (city model or bridge); `malformed`: the deep link could not be read. */
  kind: 'unknown' | 'malformed';
  /** The level and id asked for; for `malformed`, the raw text in `id`. */
  level: DrillTarget['level'] | null;
  id: string;
  /** The reason in the words of whoever found it (a validator or the bridge), for the banner's detail. */
  reason: string;
}

export const useSelectionStore = defineStore('selection', () => {
  const connection = useConnectionStore();
  const city = useCityStore();

  const target = shallowRef<DrillTarget>(CITY_TARGET);
  /** The bridge's latest figures for `target`; null until the first arrives after each change. */
  const detail = shallowRef<DetailMessage | null>(null);
  const notFound = shallowRef<DrillProblem | null>(null);
  /** Why the subscription failed for a reason other than not-found (e.g. the link dropped); null when fine. */
  const subscribeError = ref<string | null>(null);
  /** Counts selections, so watchers (the camera) can tell a repeated pick of the same place. */
  const selections = ref(0);
  /** The road selected as a whole (from the search); null when the target is a single place. */
  const road = shallowRef<Road | null>(null);
  /** Whether the latest selection asked the map to fly there. */
  const flies = ref(true);

  const lookup = computed<CityLookup | null>(() => (city.meta ? markRaw(createCityLookup(city.meta)) : null));
  /** The breadcrumb, city first; empty until the city model is loaded. */
  const path = computed<DrillCrumb[]>(() => (lookup.value ? (drillPath(lookup.value, target.value) ?? []) : []));
  const level = computed(() => target.value.level);
  /** Figures for the current target have arrived. */
  const ready = computed(() => detail.value !== null);
  const highlightedLinkIds = computed<ReadonlySet<string>>(() => {
    if (road.value) return new Set(road.value.linkIds);
    return target.value.level === 'link' && target.value.id !== undefined ? new Set([target.value.id]) : NO_LINKS;
  });

  /** Bumped per subscription, so a late reply for an earlier target is ignored. */
  let generation = 0;

  /**
   * Shows `next` (checked: a malformed target throws a ValidationError naming
   * the field). An id the loaded city does not have sets `notFound` and shows the city.
   */
  function select(next: DrillTarget, options: SelectOptions = {}): void {
    const checked = checkTarget(next);
    road.value = options.road && checked.level === 'link' && options.road.linkIds.includes(checked.id ?? '') ? options.road : null;
    flies.value = options.fly ?? true;
    selections.value++;
    if (lookup.value && !entityExists(lookup.value, checked)) {
      refuse({ kind: 'unknown', level: checked.level, id: checked.id ?? '', reason: 'not in the city model' });
      return;
    }
    notFound.value = null;
    show(checked);
  }

  /** Goes one step up the breadcrumb; at the city it stays there. */
  function up(): void {
    const parent = path.value.at(-2);
    select(parent ? { level: parent.level, ...(parent.id !== undefined && { id: parent.id }) } : CITY_TARGET);
  }

  /** Shows the city and says why `problem` could not be shown (a bad deep link, an unknown id). */
  function refuse(problem: DrillProblem): void {
    notFound.value = problem;
    road.value = null;
    show(CITY_TARGET);
  }

  function dismissNotFound(): void {
    notFound.value = null;
  }

  function show(next: DrillTarget): void {
    if (sameTarget(next, target.value) && detail.value) return;
    target.value = next;
    detail.value = null;
    void subscribe();
  }

  async function subscribe(): Promise<void> {
    if (connection.state !== 'live' && connection.state !== 'stale') return;
    const wanted = target.value;
    const mine = ++generation;
    subscribeError.value = null;
    try {
      const reply = await connection.request({
        type: 'subscribe-detail',
        level: wanted.level,
        ...(wanted.level !== 'city' && wanted.id !== undefined && { entityId: wanted.id }),
      });
      if (mine === generation && reply.type === 'detail') adopt(reply);
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof CommandError && error.code === 'not-found') {
        refuse({ kind: 'unknown', level: wanted.level, id: wanted.id ?? '', reason: error.message });
      } else if (!(error instanceof CommandError && (error.code === 'disconnected' || error.code === 'not-connected'))) {
        // A dropped link is renewed on the next welcome; anything else is worth showing.
        subscribeError.value = error instanceof Error ? error.message : String(error);
      }
    }
  }

  function adopt(message: DetailMessage): void {
    if (sameTarget(targetOfFigures(message.figures), target.value)) detail.value = message;
  }

  connection.onMessage('detail', adopt);
  // Every welcome is a new session on the bridge, with no subscription yet.
  connection.onWelcome(() => void subscribe());
  // A deep link can arrive before the city model; check its id once the model is there.
  watch(lookup, (loaded) => {
    if (loaded && !entityExists(loaded, target.value)) {
      refuse({ kind: 'unknown', level: target.value.level, id: target.value.id ?? '', reason: 'not in the city model' });
    }
  });

  return {
    target,
    road,
    detail,
    notFound,
    subscribeError,
    selections,
    flies,
    lookup,
    path,
    level,
    ready,
    highlightedLinkIds,
    select,
    up,
    refuse,
    dismissNotFound,
  };
});
