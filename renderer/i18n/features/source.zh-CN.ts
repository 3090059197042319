/** Chinese strings of the source feature, key for key as source.en.ts. */
import type en from './source.en';

const zhCN: typeof en = {
  label: '数据源',
  names: {
    simulator: '仿真',
    mqtt: '现场（MQTT）',
    replay: '回放',
  },
  state: {
    live: '在线',
    stale: '数据滞后 · 最后消息于 {age} 前',
    staleNever: '数据滞后 · 尚无消息',
    down: '断开 · 最后消息于 {age} 前',
    downNever: '断开',
  },
  replay: {
    position: '{percent} · {speed}×',
    paused: '已暂停',
    ended: '已结束',
    play: '播放',
    pause: '暂停',
    seek: '回放位置',
    speed: '回放速度',
  },
  details: {
    reconnects: '已重连 {count} 次',
    rejected: '{channel}：已拒绝 {count} 条，最近原因：{reason}',
    commandFailed: '桥接服务拒绝：{reason}',
  },
};
export default zhCN;
