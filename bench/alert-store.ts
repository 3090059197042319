/**
 * alert_store_inserts_per_s: new alerts stored per second, each in its own
 * transaction as the bridge stores them (checked, the event and the current
 * state), in a database on disk with the bridge's settings (WAL,
 * synchronous NORMAL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { testAlert } from '../backend-bridge/alerts/alert.fixture';
import { AlertStore, type UnsequencedAlert } from '../backend-bridge/store/alert-store';
import { AuditLog } from '../backend-bridge/store/audit-log';
import { openDatabase } from '../backend-bridge/store/database';

/** A fire alarm like the demo's, unique per `i`; the store assigns the sequence number. */
function alertNumber(i: number): UnsequencedAlert {
  const { seq: _assignedByStore, ...alert } = testAlert({
    id: `bench-${i}`,
    area: { shape: 'point', xM: (i % 100) * 10, yM: 250 },
    deviceId: `fire:${i % 50}`,
    simTimeMs: 1_717_369_200_000 + i * 1000,
  });
  return alert;
}

/** Stores `count` alerts one transaction each in a fresh database; returns inserts per second. */
export function measureAlertStoreInsertsPerS(count = 5000): number {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-bench-store-'));
  const db = openDatabase(dir);
  try {
    const store = new AlertStore(db, new AuditLog(db));
    const alerts = Array.from({ length: count }, (_, i) => alertNumber(i));
    const startMs = performance.now();
    for (const alert of alerts) store.append([alert], Date.now());
    return count / ((performance.now() - startMs) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
