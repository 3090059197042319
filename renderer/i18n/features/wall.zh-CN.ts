/** Chinese strings of the wall feature, key for key as wall.en.ts. */
import type en from './wall.en';

const zhCN: typeof en = {
  layoutFailed: '无法加载大屏布局：{reason}',
  loadingLayout: '正在加载大屏布局…',
  panels: {
    kpis: '城市实时概况',
    ranking: '需关注的区域',
    signals: '今日信号控制',
  },
  strip: {
    simTime: '仿真时间',
    congestion: '拥堵',
    openAlerts: '未结告警',
    speed: '仿真倍速',
  },
  scene: {
    label: '场景 {name}',
    remaining: '{time} 后切换',
    pinned: '已固定',
    pin: '固定此场景',
    unpin: '恢复轮播',
  },
  focus: {
    pushedBy: '{who} 推送',
    returnsIn: '{time} 后返回场景',
    alert: '告警：{headline}',
    unknownAlert: '告警 {id}',
  },
  push: {
    button: '推送到大屏',
    pushed: '已推送到大屏',
    failed: '推送到大屏失败：{reason}',
  },
  alerts: {
    open: '未结 {n} 条',
    none: '暂无未结告警。',
    more: '另有 {n} 条',
  },
  ranking: {
    district: '区域',
    tti: '行程时间指数',
    openAlerts: '未结告警',
    score: '关注分',
  },
  signalModes: {
    fixed: '定时',
    adaptive: '自适应',
    maxpressure: '最大压力',
  },
  recovered: '地图视图已恢复 {n} 次',
  figures: {
    tti: '行程时间指数',
    band: '等级：{band}',
    avgSpeed: '平均车速',
    openAlerts: '未结告警',
    resolvedToday: '今日已处置',
    meanTimeToResolve: '平均处置时长',
    signalChanges: '今日信号调整',
    signalEffect: '调整后车均延误 {change}',
    signalEffectPending: '调整后 30 仿真分钟测得效果',
    adaptive: '自适应',
    fixed: '定时',
    operatorChanges: '人工调整',
    adaptiveChanges: '自适应调整',
    simAt: '仿真时间 {time}',
    asOf: '截至 {time}',
    today: '今日，自 {time} 起',
  },
  units: {
    kmh: '公里/小时',
    minutes: '分钟',
    alerts: '条',
    changes: '次',
    intersections: '个路口',
    index: '× 自由流时间',
  },
  cockpit: {
    trendTitle: '行程时间指数：今日与昨日',
    today: '今日',
    yesterday: '昨日',
    sameHour: '昨日同时段：{index}（{change}）',
    noYesterday: '昨日无记录：桥接服务昨日此时段未运行。',
    waitingTrend: '等待第一个小时的数据…',
    attentionTitle: '最需关注的 5 个区域',
    attentionHelp:
      '得分 = 10 ×（行程时间指数 − 1）+ 按严重程度加权的未结告警（特别严重 10、严重 5、较重 2、一般 1）。得分 10 相当于出行时间为自由流两倍的区域，或一条特别严重告警。',
    score: '得分',
    district: '区域',
    masked: '您的角色看到的个人信息已脱敏。',
  },
};
export default zhCN;
