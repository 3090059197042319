import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridgeProcess } from './bridge-process';

class FakeUtilityProcess extends EventEmitter {
  kill = vi.fn(() => true);
}

const electron = vi.hoisted(() => ({ utilityProcess: { fork: vi.fn() } }));
vi.mock('electron', () => electron);

const plan = { kind: 'spawn-demo' as const, bridgeEntry: '/app/dist/bridge/main.js', args: ['--port', '0'] };
const ready = {
  type: 'bridge-ready',
  port: 40123,
  origin: 'http://127.0.0.1:40123',
  tokens: { operator: 'op', viewer: 'view' },
};

let child: FakeUtilityProcess;

beforeEach(() => {
  child = new FakeUtilityProcess();
  electron.utilityProcess.fork.mockReset().mockReturnValue(child);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startBridgeProcess', () => {
  it('forks the planned entry with the planned arguments', () => {
    void startBridgeProcess(plan).catch(() => undefined);
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      '/app/dist/bridge/main.js',
      ['--port', '0'],
      expect.objectContaining({ serviceName: 'City Brain bridge' }),
    );
  });

  it('resolves with the origin and tokens once the bridge reports ready', async () => {
    const started = startBridgeProcess(plan);
    child.emit('message', ready);
    const bridge = await started;
    expect(bridge.access).toEqual({ origin: 'http://127.0.0.1:40123', tokens: { operator: 'op', viewer: 'view' } });
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('rejects with the reason the bridge gives when it fails to start', async () => {
    const started = startBridgeProcess(plan);
    child.emit('message', { type: 'bridge-failed', reason: 'listen EADDRINUSE 127.0.0.1:0' });
    await expect(started).rejects.toThrow('the demo bridge could not start: listen EADDRINUSE 127.0.0.1:0');
  });

  it('rejects when the bridge exits before it is ready', async () => {
    const started = startBridgeProcess(plan);
    child.emit('exit', 1);
    await expect(started).rejects.toThrow('the demo bridge exited with code 1 before it was ready');
  });

  it('kills a bridge that stays silent past the timeout', async () => {
    const started = startBridgeProcess(plan, { readyTimeoutMs: 5_000 });
    const outcome = expect(started).rejects.toThrow('the demo bridge did not report ready within 5000 ms');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(child.kill).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(child.kill).toHaveBeenCalledTimes(1);
  });

  it('kills a bridge that sends a message it cannot understand', async () => {
    const started = startBridgeProcess(plan);
    child.emit('message', { ...ready, tokens: {} });
    await expect(started).rejects.toThrow('does not understand: message.tokens.operator: is required');
    expect(child.kill).toHaveBeenCalled();
  });

  it('reports an exit after ready as unexpected, but not one caused by stop()', async () => {
    const started = startBridgeProcess(plan);
    child.emit('message', ready);
    const bridge = await started;
    const unexpected = vi.fn();
    bridge.onUnexpectedExit(unexpected);

    child.emit('exit', 137);
    expect(unexpected).toHaveBeenCalledWith(137);

    bridge.stop();
    child.emit('exit', 0);
    expect(unexpected).toHaveBeenCalledTimes(1);
    expect(child.kill).toHaveBeenCalledTimes(1);
  });

  it('no longer times out once the bridge is ready', async () => {
    const started = startBridgeProcess(plan, { readyTimeoutMs: 1_000 });
    child.emit('message', ready);
    await started;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(child.kill).not.toHaveBeenCalled();
  });
});
