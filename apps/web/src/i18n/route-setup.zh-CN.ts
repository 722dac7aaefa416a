/** The organizer's route setup page (毅行路线设置), in Chinese. */
export default {
  heading: '路线设置', notHiking: '只有徒步（毅行）活动的项目可以设置路线。', backToEvent: '返回赛事管理',
  noRoute: '该项目尚未设为路线，填写以下信息创建路线。', create: '创建路线', created: '路线已创建',
  distanceKm: '全程距离（公里）', referenceStart: '参考出发时间（北京时间，第一批的发令时间，打卡点时间据此设定）',
  teamMin: '每队最少人数', teamMax: '每队最多人数', teamGapMin: '队员先后到达最长间隔（分钟）', skewLimitS: '设备时钟允许偏差（秒）', overdueMarginMin: '超时未到判定余量（分钟）',
  incompleteTeamScan: '扫队伍二维码时有队员未到', flag: '记为需核查', refuse: '拒绝', notifyContacts: '队员超时或退出时，短信告知其紧急联系人',
  changeSettings: '修改路线参数（参考出发时间不变）', saveSettings: '保存路线参数', settingsSaved: '路线参数已保存', settings: '路线参数', settingsLine: '全程 {km} 公里 · 参考出发 {at} · 每队 {min}–{max} 人',
  checkpoints: '打卡点',
  checkpointsHint: '第一个为起点（距离 0），最后一个为终点，距离逐个增加。经纬度为 WGS-84 十进制度，须同时填写或同时留空；每个打卡点都有经纬度时，安全看板显示地图。时间均为北京时间，可留空。打卡点移动时，其工作人员随之移动；已有扫码记录的打卡点不能删除或调整顺序。',
  seq: '序号', name: '名称', km: '距离（公里）', latitude: '纬度', longitude: '经度', opensAt: '开放时间', arrivalCutoffAt: '到达关门时间', departureCutoffAt: '离开关门时间', actions: '操作',
  cell: '第 {n} 行{field}', rowAction: '{action}第 {n} 行', start: '起点', finish: '终点', add: '添加打卡点', remove: '删除', up: '上移', down: '下移', save: '保存打卡点', saved: '已保存 {n} 个打卡点', cellProblem: '第 {n} 行的“{field}”填写有误', fieldProblem: '“{field}”填写有误',
  waves: '出发批次', wavesHint: '批次属于整个活动，各路线共用；调整出发时间后，该批次队员的关门时间随之移动。', noWaves: '尚无出发批次',
  waveName: '批次名称', startsAt: '出发时间（北京时间）', addWave: '添加批次', waveAdded: '已添加批次：{name}', moveWave: '调整出发时间', waveMoved: '{name} 的出发时间已调整为 {at}',
  enrol: '编入队员', enrolHint: '把本项目已通过审核的报名编入所选批次。', wave: '批次', enrolSubmit: '编入已报名的队员', enrolled: '已编入 {n} 人', refused: '未编入 {n} 人：',
  staff: '打卡点工作人员', staffHint: '按姓名从本活动主办单位及下属单位的打卡点工作人员中选择。', checkpoint: '打卡点', person: '工作人员', searchPerson: '输入姓名查找',
  assign: '分配', assigned: '已将 {name} 分配到 {checkpoint}', nobody: '未分配', noCandidates: '没有找到打卡点工作人员（需先授予其“打卡点工作人员”角色）',
  linksHeading: '看板与成绩',
};
