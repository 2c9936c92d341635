// English of the 门户 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '门户设置': 'Portal settings', '门户设置已保存，门户页面随即更新': 'Saved; the portal shows the change at once', '打开门户': 'Open the portal',
  '门户名称': 'Portal name', '不填则为「本会简称 + 门户网站」': 'Empty: the committee\'s short name with “portal”', '副标题': 'Subtitle',
  '网站地址': 'Site address', '如 https://www.example.gov.cn，用于搜索引擎的规范链接和网站地图': 'e.g. https://www.example.gov.cn, for canonical links and the sitemap',
  '联系我们': 'Contact', '地址': 'Address', '邮编': 'Postcode', '电话': 'Phone', '电子邮箱': 'E-mail', '办公时间': 'Office hours', '说明': 'Note',
  '栏目': 'Sections', '勾选的栏目按此顺序显示在门户首页和导航中': 'Ticked sections show on the portal\'s home and menu in this order', '暂无栏目': 'No sections',
  '上移': 'Move up', '下移': 'Move down', '保存': 'Save',
  '已公开提案': 'Published proposals', '协商议政': 'Consultations', '网络议政': 'Online deliberation', '网络征集': 'Public surveys',
} satisfies Record<string, string>;
