// English of the 接待、会务、用车 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in
// English mode (the web manifest names this file).
export default {
  // menu and pages
  '用车申请': 'Vehicle requests', '车辆安排': 'Vehicle board', '接待': 'Receptions', '会务保障': 'Event logistics', '用车详情': 'Vehicle request',
  '接待方案': 'Reception plan', '会务保障清单': 'Logistics checklist', '我的用车': 'My vehicle requests', '申请用车': 'Request a vehicle', '提交申请': 'Submit',
  '用车事由': 'Purpose', '目的地': 'Destination', '用车时间': 'Time', '出发时间': 'Departure', '返回时间': 'Return', '乘车人数': 'Passengers',
  '申请人': 'Requested by', '车辆': 'Vehicle', '驾驶员': 'Driver', '里程': 'Distance', '时间': 'Time', '事由或目的地': 'Purpose or destination',
  '合计行驶 {km} 公里': '{km} km in all', '没有符合条件的用车申请。': 'No vehicle requests match.', '派车信息': 'Vehicle and driver', '联系电话': 'Phone',
  '行驶里程': 'Distance driven', '原因': 'Reason', '选择车辆': 'Choose a vehicle', '选择驾驶员': 'Choose a driver', '已派出': 'out', '有任务': 'busy', '座': ' seats',
  '空闲': 'Free', '{n} 个任务': '{n} trips', '上一段': 'Earlier', '下一段': 'Later', '一天': 'Day', '一周': 'Week', '加载中…': 'Loading…',
  '新建接待方案': 'New reception plan', '修改接待方案': 'Edit reception plan', '登记实际支出': 'Record actual spending', '接待名称': 'Reception',
  '来访单位': 'Visiting organisation', '接待日期': 'Dates', '来宾人数': 'Guests', '预算': 'Budget', '实际支出': 'Spent', '经办人': 'Handled by',
  '名称或来访单位': 'Name or organisation', '共 {n} 次接待，预算 {b} 元，实际支出 {a} 元': '{n} receptions, budget ¥{b}, spent ¥{a}',
  '没有符合条件的接待。': 'No receptions match.', '{n} 人': '{n} people', '{n} 元': '¥{n}', '预算 {b} 元': 'budget ¥{b}', '日期': 'Date', '人数': 'People',
  '来宾': 'Guests', '日程安排': 'Programme', '住宿安排': 'Rooms', '用餐安排': 'Meals', '经费预算': 'Budget', '姓名': 'Name', '单位': 'Organisation',
  '职务': 'Title', '地点': 'Place', '内容': 'What', '酒店': 'Hotel', '房型': 'Room', '入住人': 'Guest', '晚数': 'Nights', '餐次': 'Meal', '标准': 'Standard',
  '项目': 'Item', '预算（元）': 'Budget (¥)', '实际（元）': 'Spent (¥)', '添加{what}': 'Add {what}', '删除': 'Delete',
  '早餐': 'Breakfast', '午餐': 'Lunch', '晚餐': 'Dinner', '工作餐': 'Working meal',
  '新建保障清单': 'New checklist', '活动名称': 'Event', '活动日期': 'Event date', '关联记录': 'Linked record', '关联记录类型': 'Linked record type',
  '关联记录编号': 'Linked record number', '关联记录编号见该记录页面的地址。': 'The record number is in its page address.', '落实情况': 'Done',
  '只看未落实完的': 'Open only', '没有符合条件的保障清单。': 'No checklists match.', '清单模板': 'Template', '保障事项': 'Items', '类别': 'Category',
  '责任人': 'Owner', '添加': 'Add', '已添加': 'Added', '已全部落实': 'All done', '落实中': 'In progress',
  '会场': 'Venue', '材料': 'Materials', '茶歇': 'Tea break', '标识': 'Signage', '宣传': 'Publicity', '其他': 'Other', '协商活动': 'Consultation', '视察调研': 'Inspection',
  '登记车辆': 'Add a vehicle', '登记驾驶员': 'Add a driver', '已登记': 'Saved', '车牌号': 'Plate', '车型': 'Type', '座位数': 'Seats', '手机号': 'Mobile',
  '轿车': 'Car', '商务车': 'MPV', '越野车': 'SUV', '中巴': 'Minibus', '大巴': 'Coach',
  // states and actions
  '起草中': 'Draft', '已审批': 'Approved', '已完成': 'Done', '审批通过': 'Approve', '接待完成': 'Complete', '起草': 'Draft', '审批': 'Approval', '完成': 'Done',
  '待审批': 'To approve', '待派车': 'To dispatch', '已派车': 'Dispatched', '已出车': 'Trip done', '未批准': 'Rejected', '已取消': 'Cancelled',
  '批准': 'Approve', '不批准': 'Reject', '派车': 'Dispatch', '出车完成': 'Trip done', '取消申请': 'Cancel', '登记': 'Requested', '申请': 'Request', '出车': 'Trip',
  '用车待审批': 'Vehicle request to approve', '用车待派车': 'Vehicle request to dispatch', '审批意见': 'Note', '不批准理由': 'Reason', '取消原因': 'Reason',
  '派车说明': 'Note', '出车里程': 'Odometer out', '收车里程': 'Odometer in', '出车记录': 'Note', '接待小结': 'Summary',
} satisfies Record<string, string>;
