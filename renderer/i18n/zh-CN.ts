/** Simplified Chinese UI strings; must match the English catalogue key for key. */
import type { MessageSchema } from './en';

const zhCN: MessageSchema = {
  app: {
    title: '城市大脑运营中心',
  },
  views: {
    console: '运营控制台',
    wall: '指挥大屏',
    cockpit: '领导驾驶舱',
  },
  header: {
    bridgeTime: '系统时间',
    source: '数据源：{source}',
    language: '语言',
  },
  roles: {
    viewer: '访客',
    operator: '操作员',
    admin: '管理员',
  },
  connection: {
    label: '与数据桥的连接',
    offline: '离线',
    connecting: '连接中…',
    connectingAttempt: '连接中 · 第 {attempt} 次尝试',
    live: '在线',
    liveRtt: '在线 · 往返 {rtt}',
    stale: '数据滞后 · {age}',
    reconnecting: '重连中 · {wait}后第 {attempt} 次尝试',
    refused: '连接被拒绝：{reason}',
    refusedBecause: '连接被拒绝：{cause}（{reason}）',
    refusalCause: {
      badHandshake: '握手无效',
      invalidToken: '令牌无效',
      protocolMismatch: '客户端协议版本不符',
    },
    refusedHint: '请检查地址和令牌，然后刷新页面。',
    invalidMessages: '无无效消息 | 1 条无效消息 | {count} 条无效消息',
  },
  city: {
    waiting: '正在等待数据桥…',
    loading: '正在加载城市数据…',
    failed: '城市数据加载失败：{error}',
    noDistricts: '该城市没有行政区。',
  },
  districts: {
    title: '行政区',
    rankingTitle: '各区设备数量排名',
    rank: '排名',
    name: '行政区',
    buildings: '建筑',
    signalized: '信号路口',
    devices: '设备',
  },
  deviceKinds: {
    camera: '摄像头',
    'loop-detector': '线圈检测器',
    'fire-alarm': '火灾报警器',
    'air-sensor': '空气监测站',
  },
  map: {
    waiting: '正在等待城市数据…',
    loading: {
      meta: '正在加载城市模型…',
      buildings: '正在加载建筑…',
      links: '正在加载道路形状…',
    },
    building: '正在构建三维城市…',
    failed: '三维城市绘制失败：{reason}',
    webglUnavailable: 'WebGL 不可用：{reason}',
  },
  layers: {
    title: '图层',
    buildings: '建筑',
    roads: '道路',
    districts: '行政区界',
  },
  charts: {
    devicesByDistrict: '各区设备构成',
  },
  kpi: {
    title: '城市概览',
    districts: '行政区',
    buildings: '建筑',
    signalized: '信号控制路口',
    devices: '感知设备',
    clients: '在线终端',
    bridgeTime: '系统时间',
    cityModel: '城市模型 {version} · {time}',
    asOf: '截至 {time}',
  },
  units: {
    district: '个',
    building: '栋',
    intersection: '个',
    device: '台',
    client: '个',
  },
};

export default zhCN;
