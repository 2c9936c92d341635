/**
 * Demo 文史资料 of 长治 (上党) history: each with its period, place, people, topic and the section of 《长治文史》 it was
 * printed in. Titles and summaries are written for the demo from well-known local history; contributors are fictional.
 */
export interface SeedMaterial { title: string; period: string; place: string; people: string; topic: string; section: string; text: string }

export const seedMaterials: SeedMaterial[] = [
  // 红色记忆
  { title: '上党战役中的老顶山阻击战', period: '解放战争时期（1945–1949）', place: '老顶山', people: '刘伯承、邓小平', topic: '上党战役', section: '红色记忆', text: '1945年9月，晋冀鲁豫军区部队在刘伯承、邓小平指挥下发起上党战役。本文据当年支前民工的回忆，记述老顶山一线阻击战的经过和群众抬担架、送军粮的情形。' },
  { title: '长治城解放前后的支前运动', period: '解放战争时期（1945–1949）', place: '长治城', people: '支前民工', topic: '上党战役', section: '红色记忆', text: '上党战役期间，长治周边各村组织担架队、运输队支援前线。作者走访多位老人，整理出当年支前的组织方式、口粮标准和伤员转运路线。' },
  { title: '屯留老爷山战斗亲历记', period: '解放战争时期（1945–1949）', place: '屯留老爷山', people: '陈锡联', topic: '上党战役', section: '红色记忆', text: '老爷山是上党战役中攻守双方反复争夺的要点。本文为一位参战老战士的口述，记录了夜间奔袭和战后掩埋烈士的经过。' },
  { title: '八路军总部在武乡王家峪', period: '抗日战争时期（1937–1945）', place: '武乡王家峪', people: '朱德、彭德怀', topic: '太行山根据地', section: '红色记忆', text: '1939年至1940年，八路军总部驻王家峪。本文依据档案和当地老人的回忆，介绍总部旧址的布局、朱德总司令亲手栽种的杨树以及军民关系。' },
  { title: '黎城黄崖洞兵工厂始末', period: '抗日战争时期（1937–1945）', place: '黎城黄崖洞', people: '左权、刘鼎', topic: '太行山根据地', section: '红色记忆', text: '黄崖洞兵工厂是八路军在敌后建立的重要兵工厂。文章记述兵工厂的选址、生产的“八一式”步马枪以及1941年黄崖洞保卫战。' },
  { title: '太行山上的《新华日报》华北版', period: '抗日战争时期（1937–1945）', place: '武乡、黎城', people: '何云', topic: '太行山根据地', section: '红色记忆', text: '《新华日报》华北版在太行山区坚持出版，报社几经转移。本文整理了报社工作人员在山区印报、发行的艰苦经历。' },
  { title: '长治县抗日民主政府的建立', period: '抗日战争时期（1937–1945）', place: '长治县（今上党区）', people: '', topic: '太行山根据地', section: '红色记忆', text: '本文依据县档案馆藏文件，梳理抗日民主政府成立的时间、机构设置、减租减息和合理负担等政策的推行情况。' },
  { title: '壶关神郊村的地道战', period: '抗日战争时期（1937–1945）', place: '壶关神郊', people: '民兵', topic: '太行山根据地', section: '红色记忆', text: '神郊村民兵依托地道与日伪军周旋。作者根据村里老人的讲述，绘出地道走向示意图，并记录了几次战斗的经过。' },
  { title: '沁源围困战中的长治民兵', period: '抗日战争时期（1937–1945）', place: '沁源', people: '民兵', topic: '太行山根据地', section: '红色记忆', text: '沁源围困战历时两年半，周边各县民兵参与轮战。本文收录了三位长治籍民兵的回忆，补充了围困战的细节。' },
  { title: '太行太岳根据地的纺织运动', period: '抗日战争时期（1937–1945）', place: '太行山区', people: '妇女纺织组', topic: '太行山根据地', section: '红色记忆', text: '为打破经济封锁，根据地开展纺织运动。文章介绍妇女纺织组的组织、土布的收购和部队被服的供给。' },
  // 上党史话
  { title: '上党郡名的由来与沿革', period: '古代', place: '长治', people: '', topic: '地方史', section: '上党史话', text: '“上党”之名始于战国。本文梳理上党郡自韩、赵以来的辖境变化，以及潞州、隆德府、潞安府至长治的名称沿革。' },
  { title: '长平之战与上党地区', period: '古代', place: '高平、长治', people: '白起、赵括', topic: '地方史', section: '上党史话', text: '长平之战因上党归属而起。本文结合史籍和考古发现，讨论战役前后上党地区的形势。' },
  { title: '潞安府城的城墙与城门', period: '古代', place: '长治城', people: '', topic: '城市变迁', section: '上党史话', text: '明清潞安府城设有四门，城墙周长约九里。本文依据旧志和老照片，复原府城城墙、城门和护城河的位置。' },
  { title: '明代沈王府在潞州', period: '古代', place: '长治城', people: '朱模', topic: '地方史', section: '上党史话', text: '明代沈王就藩潞州，王府规模宏大。文章介绍沈王府的位置、沈藩世系及其对潞州城市格局的影响。' },
  { title: '潞绸的兴衰', period: '古代', place: '长治', people: '机户', topic: '经济史', section: '上党史话', text: '潞绸在明代与杭缎、蜀锦齐名。本文从贡品数量、机户分布和行会等方面讲述潞绸的兴盛与衰落。' },
  { title: '上党梆子的源流', period: '近代（1840–1919）', place: '长治、晋城', people: '', topic: '戏曲', section: '上党史话', text: '上党梆子是山西四大梆子之一。文章梳理其声腔来源、主要班社和代表剧目。' },
  { title: '近代长治的铁货与商号', period: '近代（1840–1919）', place: '荫城', people: '', topic: '经济史', section: '上党史话', text: '荫城铁货曾行销全国。本文根据商号账册和碑刻，介绍铁货的生产、运销和“万里荫城”的由来。' },
  { title: '长治第一所新式学堂', period: '近代（1840–1919）', place: '长治城', people: '', topic: '教育史', section: '上党史话', text: '清末新政时期，潞安府设立中学堂。本文介绍学堂的创办、课程设置和早期毕业生的去向。' },
  // 古建遗存
  { title: '长治古建筑：观音堂的明代悬塑', period: '古代', place: '长治观音堂', people: '', topic: '长治古建筑', section: '古建遗存', text: '观音堂内的明代悬塑数量众多、题材丰富。作者多次实地考察，记录了悬塑的布局、题材和保护现状。' },
  { title: '长治古建筑：崇庆寺的宋代彩塑', period: '古代', place: '长子崇庆寺', people: '', topic: '长治古建筑', section: '古建遗存', text: '崇庆寺十八罗汉像为宋代彩塑精品。本文介绍寺院沿革、彩塑特点以及近年的修缮。' },
  { title: '长治古建筑：天台庵的唐代大殿', period: '古代', place: '平顺天台庵', people: '', topic: '长治古建筑', section: '古建遗存', text: '天台庵大殿是国内现存不多的唐代木构建筑之一。文章介绍其斗栱做法和2014年落架大修的发现。' },
  { title: '长治古建筑：原起寺与大云院', period: '古代', place: '潞城原起寺、平顺大云院', people: '', topic: '长治古建筑', section: '古建遗存', text: '本文比较原起寺和大云院两处早期木构的形制，并记述当地群众自发守护古建的故事。' },
  { title: '城隍庙的建筑与庙会', period: '古代', place: '长治城隍庙', people: '', topic: '长治古建筑', section: '古建遗存', text: '长治城隍庙始建于元代。文章介绍庙宇建筑的特点和旧时庙会的热闹景象。' },
  { title: '上党门与潞安府署', period: '古代', place: '长治上党门', people: '', topic: '长治古建筑', section: '古建遗存', text: '上党门是潞安府署的大门。本文依据方志记述府署的格局，并介绍上党门的修缮和今天的用途。' },
  { title: '老街巷里的四合院', period: '近代（1840–1919）', place: '长治西街', people: '', topic: '城市变迁', section: '古建遗存', text: '作者走访西街、东街一带的传统院落，拍摄并记录了门楼、砖雕和院落格局，呼吁加以保护。' },
  { title: '府坡街的变迁', period: '1949–1978', place: '长治府坡街', people: '', topic: '城市变迁', section: '古建遗存', text: '府坡街曾是城内繁华的街道。本文以亲历者的视角记述了从五十年代到七十年代街道店铺的变化。' },
  // 人物春秋
  { title: '申纪兰与西沟村', period: '1949–1978', place: '平顺西沟', people: '申纪兰', topic: '人物', section: '人物春秋', text: '申纪兰倡导男女同工同酬，带领西沟村民植树造林。本文收录了几位老社员对她的回忆。' },
  { title: '李顺达和西沟互助组', period: '1949–1978', place: '平顺西沟', people: '李顺达', topic: '人物', section: '人物春秋', text: '李顺达组织的互助组是全国农业互助合作的一面旗帜。文章记述互助组的成立和早期的生产经验。' },
  { title: '太行奶娘的故事', period: '抗日战争时期（1937–1945）', place: '太行山区', people: '太行奶娘', topic: '人物', section: '人物春秋', text: '抗战时期，太行山区许多农家妇女冒着危险哺育八路军干部的子女。本文讲述了其中几位奶娘的事迹。' },
  { title: '一位乡村塾师的家书', period: '近代（1840–1919）', place: '长治', people: '乡村塾师', topic: '教育史', section: '人物春秋', text: '本文依据一户人家保存的家谱和书信，介绍清末一位乡村塾师的生平及其在家乡兴学的经历。' },
  { title: '赵树理笔下的上党农村', period: '1949–1978', place: '沁水、长治', people: '赵树理', topic: '人物', section: '人物春秋', text: '赵树理的许多作品取材于上党农村。文章结合作品和作家在长治的活动，讨论文学与地方社会。' },
  { title: '老中医的行医生涯', period: '1949–1978', place: '长治县', people: '', topic: '人物', section: '人物春秋', text: '本文为一位老中医后人的回忆，记述其在乡村行医五十年的经历和流传下来的验方。' },
  // 民俗风情
  { title: '长治堆锦的技艺与传承', period: '改革开放以来', place: '长治', people: '', topic: '非物质文化遗产', section: '民俗风情', text: '长治堆锦是国家级非物质文化遗产。本文介绍堆锦的工艺流程、代表作品和传承人的坚守。' },
  { title: '潞安大鼓', period: '近代（1840–1919）', place: '长治', people: '', topic: '非物质文化遗产', section: '民俗风情', text: '潞安大鼓曲调高亢、说唱结合。文章记述其曲目、演唱形式和老艺人的口述。' },
  { title: '上党八音会', period: '古代', place: '长治', people: '', topic: '非物质文化遗产', section: '民俗风情', text: '八音会是上党地区民间吹打乐。本文介绍乐器组合、曲牌和红白喜事中的演奏习俗。' },
  { title: '正月闹红火', period: '改革开放以来', place: '长治城乡', people: '', topic: '民俗', section: '民俗风情', text: '本文记述长治城乡元宵节前后的社火表演：踩高跷、跑旱船、扭秧歌和打铁花。' },
  { title: '上党腊驴肉的老字号', period: '近代（1840–1919）', place: '长治', people: '', topic: '饮食', section: '民俗风情', text: '文章讲述上党腊驴肉老字号的创立、制作工艺和几代传人的经营故事。' },
  { title: '长治人的婚嫁礼俗', period: '1949–1978', place: '长治城乡', people: '', topic: '民俗', section: '民俗风情', text: '作者整理了五六十年代长治城乡婚嫁的说媒、订婚、迎娶等礼俗，并与今天比较。' },
  // 口述历史
  { title: '我参加修建漳泽水库的日子', period: '1949–1978', place: '漳泽水库', people: '', topic: '水利建设', section: '口述历史', text: '漳泽水库于1959年动工兴建。讲述人当年是民工连的通讯员，回忆了工地上的劳动竞赛和生活条件。' },
  { title: '长治钢铁厂建厂亲历', period: '1949–1978', place: '长治钢铁厂', people: '', topic: '工业建设', section: '口述历史', text: '讲述人是长钢第一批工人，回忆了建厂初期的艰苦条件和第一炉铁水出炉的情景。' },
  { title: '知青岁月：在壶关插队', period: '1949–1978', place: '壶关', people: '知识青年', topic: '知青', section: '口述历史', text: '一位北京知青讲述在壶关插队的六年：修梯田、办夜校和与房东一家的情谊。' },
  { title: '改革开放初期的长治个体户', period: '改革开放以来', place: '长治城', people: '', topic: '经济史', section: '口述历史', text: '讲述人1980年领到长治城区较早的一批个体工商户营业执照，回忆了开店经营的经历。' },
  { title: '太行山上的赤脚医生', period: '1949–1978', place: '平顺', people: '赤脚医生', topic: '医疗卫生', section: '口述历史', text: '讲述人在平顺山村当了十二年赤脚医生，回忆背着药箱走村串户、土法制药的经历。' },
  { title: '长治第一条公交线路', period: '1949–1978', place: '长治城', people: '', topic: '城市变迁', section: '口述历史', text: '讲述人曾是公交公司的售票员，回忆了长治城第一条公交线路开通时的情形。' },
  { title: '我所知道的潞安矿务局', period: '改革开放以来', place: '潞安矿区', people: '', topic: '工业建设', section: '口述历史', text: '讲述人在矿上工作三十余年，回忆了矿区从手工采煤到综合机械化采煤的变化。' },
];

/** Submissions waiting for review (已收到/审核中), from members and the public. */
export const pendingMaterials: Array<Omit<SeedMaterial, 'section'> & { contributor: string; contact: string; public: boolean }> = [
  { title: '我爷爷在上党战役中当担架队员', period: '解放战争时期（1945–1949）', place: '长治县（今上党区）', people: '担架队', topic: '上党战役', text: '爷爷生前常讲起当担架队员的经历：夜里冒雨抬伤员过河，天亮前赶回村。家里还留着一张他当年的支前证明，随稿附上照片。', contributor: '王建军', contact: '139****2101', public: true },
  { title: '平顺县一座古戏台的碑记', period: '古代', place: '平顺', people: '', topic: '长治古建筑', text: '我村古戏台有一通清代重修碑，记载了村民捐资修台的经过。抄录碑文如下，并附碑的照片，供文史工作者参考。', contributor: '李秀梅', contact: '135****8836', public: true },
  { title: '五十年代的长治火车站', period: '1949–1978', place: '长治火车站', people: '', topic: '城市变迁', text: '我父亲是铁路职工，留下了几张五十年代长治火车站的老照片。站房、站台和候车室的样子与今天完全不同。', contributor: '张卫东', contact: 'zhangwd@example.com', public: true },
  { title: '太行山根据地时期的一封家书', period: '抗日战争时期（1937–1945）', place: '武乡', people: '', topic: '太行山根据地', text: '家中保存一封1942年的家书，写信人是在八路军总部工作的先辈。信中谈到反“扫荡”和家中春耕，附扫描件。', contributor: '赵文华', contact: '138****5520', public: false },
  { title: '长治老城区的水井与井台', period: '近代（1840–1919）', place: '长治城', people: '', topic: '城市变迁', text: '老城区曾有许多公用水井，街坊挑水、洗衣都在井台边。我整理了记得的十几口井的位置和名称。', contributor: '刘志刚', contact: '137****9903', public: false },
  { title: '襄垣秧歌的老艺人', period: '1949–1978', place: '襄垣', people: '', topic: '非物质文化遗产', text: '襄垣秧歌是地方小戏。我采访了一位八十多岁的老艺人，记录了他学戏、唱戏的经历和几段唱词。', contributor: '郝丽萍', contact: '136****4417', public: true },
  { title: '沁县南涅水石刻的发现', period: '1949–1978', place: '沁县', people: '', topic: '文物', text: '1957年南涅水石刻出土时，我父亲参加了清理工作。这里记下他讲述的发现经过。', contributor: '牛建国', contact: '139****6631', public: false },
  { title: '潞城的老供销社', period: '1949–1978', place: '潞城', people: '', topic: '经济史', text: '供销社曾是农村买卖的中心。我在潞城供销社当了二十年营业员，写下了当年的柜台、票证和货物。', contributor: '陈玉兰', contact: '135****7702', public: true },
];
