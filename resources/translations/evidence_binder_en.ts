<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>EvidenceBinder</name>
    <message>
        <location filename="../../app/ui/casepage.py" line="24" />
        <source>订单凭证（订单号、商品、金额、下单时间）</source>
        <translation>Order record (order number, product, amount, order time)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="25" />
        <source>付款凭证</source>
        <translation>Proof of payment</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="26" />
        <source>签收记录（签收时间）</source>
        <translation>Delivery receipt (when it was signed for)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="27" />
        <source>问题的照片或视频</source>
        <translation>Photos or video of the problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="28" />
        <source>问题的照片或视频（含生产日期和保质期）</source>
        <translation>Photos or video of the problem (with the production date and shelf life)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="29" />
        <source>与商家沟通的记录</source>
        <translation>Record of your contact with the merchant</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="30" />
        <source>商家拒绝的书面记录（书面拒赔说明）</source>
        <translation>The merchant's refusal in writing</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="31" />
        <source>交易快照（下单时的商品页面）</source>
        <translation>Transaction snapshot (the product page when you ordered)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="32" />
        <source>第三方检测报告</source>
        <translation>Third-party test report</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="33" />
        <source>欺诈的证据（宣传与实物不符、虚假标注）</source>
        <translation>Evidence of fraud (advertising that does not match the product, false labels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="34" />
        <source>不符合食品安全标准的证据（标签、检测、监管通报）</source>
        <translation>Evidence the food breaks safety standards (labels, tests, regulator notices)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="24" />
        <location filename="../../app/ui/packs.py" line="29" />
        <location filename="../../app/ui/reading.py" line="46" />
        <source>京东</source>
        <translation>JD</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="24" />
        <location filename="../../app/ui/reading.py" line="46" />
        <source>淘宝/天猫</source>
        <translation>Taobao/Tmall</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="24" />
        <location filename="../../app/ui/packs.py" line="30" />
        <location filename="../../app/ui/reading.py" line="47" />
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="25" />
        <location filename="../../app/ui/packs.py" line="30" />
        <location filename="../../app/ui/reading.py" line="47" />
        <source>抖音</source>
        <translation>Douyin</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="25" />
        <location filename="../../app/ui/dialogs.py" line="35" />
        <location filename="../../app/ui/labels.py" line="28" />
        <location filename="../../app/ui/reading.py" line="52" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="26" />
        <source>普通商品</source>
        <translation>Ordinary goods</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="27" />
        <source>耐用商品（电脑、电视、冰箱、空调、洗衣机等）</source>
        <translation>Durable goods (computers, TVs, fridges, air-conditioners, washing machines…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="28" />
        <source>食品</source>
        <translation>Food</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="28" />
        <source>定制商品</source>
        <translation>Custom-made goods</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="29" />
        <source>鲜活易腐商品</source>
        <translation>Perishable goods</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="30" />
        <source>退货退款</source>
        <translation>Return and refund</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="30" />
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="30" />
        <source>维修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="30" />
        <source>三倍赔偿</source>
        <translation>Threefold compensation</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="31" />
        <source>十倍赔偿</source>
        <translation>Tenfold compensation</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33" />
        <location filename="../../app/ui/reading.py" line="49" />
        <source>下单</source>
        <translation>Order placed</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33" />
        <location filename="../../app/ui/reading.py" line="49" />
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33" />
        <location filename="../../app/ui/reading.py" line="49" />
        <source>签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33" />
        <source>发现问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="33" />
        <source>联系客服</source>
        <translation>Contacted customer service</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="34" />
        <location filename="../../app/ui/labels.py" line="27" />
        <location filename="../../app/ui/reading.py" line="50" />
        <source>商家拒绝</source>
        <translation>Merchant refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="34" />
        <location filename="../../app/ui/reading.py" line="50" />
        <source>申请平台介入</source>
        <translation>Asked the platform to intervene</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="34" />
        <location filename="../../app/ui/reading.py" line="51" />
        <source>平台结果</source>
        <translation>Platform decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="34" />
        <location filename="../../app/ui/reading.py" line="51" />
        <source>12315投诉</source>
        <translation>12315 complaint</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="35" />
        <source>12345</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="35" />
        <source>消协调解</source>
        <translation>Consumer association mediation</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="35" />
        <source>起诉</source>
        <translation>Lawsuit filed</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="35" />
        <source>判决</source>
        <translation>Judgment</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="63" />
        <source>未选择（读取证据后会建议）</source>
        <translation>Not chosen (the evidence will suggest one)</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="14" />
        <source>&lt;h2&gt;证据夹使用指南&lt;/h2&gt;
&lt;p&gt;退款、退货、保修被拒时，证据夹帮您把证据收好、排好、交出去。原文件只会被复制进案件，永远不会被修改或删除。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Evidence Binder guide&lt;/h2&gt;
&lt;p&gt;When a refund, return or warranty claim is refused, Evidence Binder helps you keep your evidence, put it in order and hand it over. Original files are only copied into the case; they are never changed or deleted.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="16" />
        <source>&lt;h3&gt;1. 建一个案件&lt;/h3&gt;
&lt;p&gt;「文件 → 新建案件」（Ctrl+N），填上商品、平台、店铺、订单号、金额和下单、签收日期。以后可在「案件信息」里补充。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;1. Make a case&lt;/h3&gt;
&lt;p&gt;“File → New case” (Ctrl+N): fill in the product, platform, shop, order number, amount and the order and receipt dates. You can add to them later under “Case details”.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="18" />
        <source>&lt;h3&gt;2. 收集证据&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;把截图、照片、录音、视频、发票 PDF 直接&lt;b&gt;拖进窗口&lt;/b&gt;，或用「导入文件」（Ctrl+I）。&lt;/li&gt;
&lt;li&gt;在下方「监视文件夹」添加手机相册的同步文件夹，新截图会自动进入案件。&lt;/li&gt;
&lt;li&gt;先收集什么，看右侧「下一步」的证据清单（空案件里也列在拖放框中）。&lt;/li&gt;
&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;2. Gather evidence&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Drag&lt;/b&gt; screenshots, photos, recordings, videos and invoice PDFs &lt;b&gt;into the window&lt;/b&gt;, or use “Import files” (Ctrl+I).&lt;/li&gt;
&lt;li&gt;Under “Watched folders” at the bottom, add the folder your phone's photos sync to: new screenshots join the case by themselves.&lt;/li&gt;
&lt;li&gt;What to gather first is in the evidence checklist under “Next steps” on the right (an empty case also lists it in the drop box).&lt;/li&gt;
&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="24" />
        <source>&lt;h3&gt;3. 整理&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;在右侧「证据详情」里写好&lt;b&gt;证据名称、证据来源、证明目的&lt;/b&gt;：法院的证据目录就用这些。&lt;/li&gt;
&lt;li&gt;拖动列表里的行可以调整顺序；同一段聊天的几张截图选中后「分组」（Ctrl+G），编为 证据3-1、3-2…&lt;/li&gt;
&lt;li&gt;「按时间重新编号」（Ctrl+R）按形成时间排好全部证据。&lt;/li&gt;
&lt;li&gt;不要的证据「移到回收站」（Delete），可以撤销（Ctrl+Z），原件不会删除。&lt;/li&gt;
&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;3. Put it in order&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;In “Exhibit” on the right, write each exhibit's &lt;b&gt;name, source and what it proves&lt;/b&gt;: the court's list of evidence is made from these.&lt;/li&gt;
&lt;li&gt;Drag rows in the list to change the order; select several screenshots of one chat and “Group” them (Ctrl+G) to number them Exhibit 3-1, 3-2…&lt;/li&gt;
&lt;li&gt;“Renumber by time” (Ctrl+R) puts every exhibit in the order it was made.&lt;/li&gt;
&lt;li&gt;“Move to trash” (Delete) what you do not need; it can be undone (Ctrl+Z) and the original is not deleted.&lt;/li&gt;
&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="31" />
        <source>&lt;h3&gt;4. 时间线&lt;/h3&gt;
&lt;p&gt;「时间线」（Ctrl+3）把事件和证据按时间排开：添加事件（Ctrl+E），把证据拖到事件 ◆ 上关联。下方的大事记表格列出每个事件的时间、关联证据（点“证据N”可查看）和备注。没有日期的放在「待定」。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;4. Timeline&lt;/h3&gt;
&lt;p&gt;“Timeline” (Ctrl+3) lays events and exhibits out in time: add an event (Ctrl+E) and drag exhibits onto its ◆ to link them. The chronology table below lists each event's time, linked exhibits (click “Exhibit N” to look at one) and notes. Items without a date wait under “Undated”.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="33" />
        <source>&lt;h3&gt;5. 导出&lt;/h3&gt;
&lt;p&gt;「导出 PDF」（Ctrl+P）生成证据目录和证据材料，旁边的文件夹里是全部原件和校验清单，可以直接交给法院、调解组织或 12315。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;5. Export&lt;/h3&gt;
&lt;p&gt;“Export PDF” (Ctrl+P) makes the list of evidence and the evidence bundle; the folder beside it holds every original and a checksum list, ready for a court, a mediation body or 12315.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="35" />
        <source>&lt;h3&gt;快捷键&lt;/h3&gt;
&lt;p&gt;Ctrl+N 新建 · Ctrl+O 打开 · Ctrl+I 导入 · Ctrl+P 导出 · Ctrl+E 添加事件 · Ctrl+G 分组 · Delete 移到回收站 · Ctrl+Z 撤销 ·
Ctrl+1/2/3 列表/缩略图/时间线 · F1 本指南 · Ctrl+Q 退出&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shortcuts&lt;/h3&gt;
&lt;p&gt;Ctrl+N new · Ctrl+O open · Ctrl+I import · Ctrl+P export · Ctrl+E add event · Ctrl+G group · Delete move to trash · Ctrl+Z undo ·
Ctrl+1/2/3 list/thumbnails/timeline · F1 this guide · Ctrl+Q quit&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="13" />
        <source>拍摄信息</source>
        <translation>Camera (EXIF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="13" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="14" />
        <source>文档属性</source>
        <translation>Document properties</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="15" />
        <source>媒体信息</source>
        <translation>Media info</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="15" />
        <source>PDF信息</source>
        <translation>PDF info</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="16" />
        <source>修改时间</source>
        <translation>Modified time</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="16" />
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="17" />
        <source>证据内容</source>
        <translation>Printed in the evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18" />
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19" />
        <source>已加密</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20" />
        <source>截图</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20" />
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21" />
        <source>录音</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21" />
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22" />
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23" />
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23" />
        <source>支付记录</source>
        <translation>Payment record</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24" />
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24" />
        <source>聊天记录</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25" />
        <source>通话录音</source>
        <translation>Call recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25" />
        <source>商品照片/视频</source>
        <translation>Product photo/video</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26" />
        <source>物流记录</source>
        <translation>Logistics record</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26" />
        <source>检测报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27" />
        <source>投诉回执</source>
        <translation>Complaint receipt</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="28" />
        <source>固定证据</source>
        <translation>Fix the evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="28" />
        <source>协商（三明确）</source>
        <translation>Negotiate</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="29" />
        <source>平台介入</source>
        <translation>Platform intervention</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="30" />
        <source>投诉（12315 / 12345 / 消协 / 黑猫投诉）</source>
        <translation>Complaints (12315 / 12345 / consumer association / Heimao)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="31" />
        <source>诉前调解 / 诉讼（小额诉讼、互联网法院）</source>
        <translation>Mediation / lawsuit (small claims, internet courts)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="32" />
        <source>三明确协商函</source>
        <translation>Negotiation letter</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="32" />
        <source>书面拒绝说明请求</source>
        <translation>Request for a written refusal</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="33" />
        <source>平台介入申诉说明</source>
        <translation>Platform appeal</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="33" />
        <source>12315 投诉</source>
        <translation>12315 complaint</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="34" />
        <source>12345 通话稿</source>
        <translation>12345 call script</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="34" />
        <source>黑猫投诉（公开投诉）</source>
        <translation>Public complaint (Heimao)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="35" />
        <source>民事起诉状（要素式）</source>
        <translation>Civil complaint (element form)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="36" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="36" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="37" />
        <source>通讯地址（收货地址）</source>
        <translation>Address (delivery address)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="37" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="38" />
        <source>商家（公司全称）</source>
        <translation>Merchant (legal name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="38" />
        <source>商家住所地</source>
        <translation>Merchant's registered address</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="39" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="25" />
        <source>平台申诉材料（平台介入：编号配字图片 + 申诉说明）</source>
        <translation>Platform appeal pack (numbered captioned images + appeal statement)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="26" />
        <source>12315 投诉材料（投诉内容 + 编号附件 + 证据目录，附 12345 通话稿）</source>
        <translation>12315 complaint pack (complaint text + numbered attachments + evidence list, with a 12345 call script)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="27" />
        <source>公开投诉材料（黑猫投诉 / 聚投诉：个人信息打码）</source>
        <translation>Public complaint pack (Heimao / Jutousu: personal data redacted)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="28" />
        <source>互联网法院网上立案（起诉状 + 证据目录 + 逐件证据文件）</source>
        <translation>Internet court online filing (complaint + evidence list + one file per exhibit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="29" />
        <source>淘宝 / 天猫</source>
        <translation>Taobao / Tmall</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="31" />
        <location filename="../../app/ui/reading.py" line="51" />
        <source>黑猫投诉</source>
        <translation>Heimao complaints</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="31" />
        <source>聚投诉</source>
        <translation>Jutousu</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="32" />
        <source>杭州互联网法院</source>
        <translation>Hangzhou Internet Court</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="32" />
        <source>北京互联网法院</source>
        <translation>Beijing Internet Court</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="33" />
        <source>广州互联网法院</source>
        <translation>Guangzhou Internet Court</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="46" />
        <source>放入 · 顺序</source>
        <translation>In · order</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="46" />
        <source>证据</source>
        <translation>Exhibit</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="47" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="47" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="48" />
        <source>默认的理由</source>
        <translation>Why (the default)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="36" />
        <location filename="../../app/ui/reading.py" line="43" />
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="36" />
        <source>金额</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="37" />
        <source>店铺/商家</source>
        <translation>Shops / merchants</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="37" />
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="38" />
        <source>时间</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="38" />
        <source>电话</source>
        <translation>Phones</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="39" />
        <source>交易单号</source>
        <translation>Trade numbers</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="39" />
        <source>运单号</source>
        <translation>Waybills</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="40" />
        <source>服务单号</source>
        <translation>After-sales numbers</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="40" />
        <source>投诉编号</source>
        <translation>Complaint numbers</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="41" />
        <source>拒绝理由</source>
        <translation>Refusal reasons</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="42" />
        <source>购物平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="42" />
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="43" />
        <source>商家全称</source>
        <translation>Merchant (full name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="44" />
        <source>实付金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="44" />
        <source>下单日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="45" />
        <source>付款日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="45" />
        <source>签收日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="50" />
        <source>申请售后</source>
        <translation>After-sales request</translation>
    </message>
<message>
        <location filename="../../app/ui/casepage.py" line="131" />
        <source>把证据文件拖到这里开始</source>
        <translation>Drop evidence files here to start</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="133" />
        <source>也可以用「文件 → 导入文件…」（Ctrl+I），或在下方「监视文件夹」添加手机相册同步文件夹。原文件只会被复制，不会被移动或修改。</source>
        <translation>Or use File → Import files… (Ctrl+I), or add your phone's photo sync folder under Watched folders below. Files are only copied, never moved or changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="213" />
        <source>{name}（可选）</source>
        <translation>{name} (optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="215" />
        <source>先收集这些：</source>
        <translation>Gather these first:</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="276" />
        <location filename="../../app/ui/main.py" line="179" />
        <source>证据列表</source>
        <translation>Exhibits</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="277" />
        <location filename="../../app/ui/main.py" line="179" />
        <source>缩略图</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="278" />
        <location filename="../../app/ui/main.py" line="179" />
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../app/ui/casepage.py" line="299" />
        <source>证据详情</source>
        <translation>Exhibit</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="33" />
        <location filename="../../app/ui/detail.py" line="126" />
        <source>未选择证据</source>
        <translation>No exhibit selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="38" />
        <source>例如：京东App订单详情页截图</source>
        <translation>e.g. screenshot of the JD app's order page</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="40" />
        <location filename="../../app/ui/detail.py" line="124" />
        <source>这份证据能证明什么，例如：证明商家拒绝退货</source>
        <translation>What this exhibit proves, e.g. that the merchant refused a return</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="48" />
        <source>导出时包含</source>
        <translation>Include in export</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="54" />
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="61" />
        <location filename="../../app/ui/models.py" line="114" />
        <source>证据名称</source>
        <translation>Exhibit name</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="62" />
        <source>证据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="63" />
        <source>证明目的</source>
        <translation>What it proves</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="65" />
        <source>采用建议</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="66" />
        <source>把建议的证明目的写入本证据；也可以直接改写</source>
        <translation>Write the suggested purpose into this exhibit; you can also rewrite it</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="70" />
        <location filename="../../app/ui/models.py" line="114" />
        <source>形成时间</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="73" />
        <source>关联事件</source>
        <translation>Linked events</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="81" />
        <location filename="../../app/ui/dialogs.py" line="250" />
        <location filename="../../app/ui/timeline.py" line="382" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="126" />
        <source>已选择 {n} 项证据</source>
        <translation>{n} exhibits selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="147" />
        <source>建议（未确认）：{text}</source>
        <translation>Suggestion (not confirmed): {text}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="148" />
        <source>待填写：这份证据能证明什么，例如：证明商家拒绝退货</source>
        <translation>To fill in: what this exhibit proves, e.g. that the merchant refused a return</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="151" />
        <location filename="../../app/ui/detail.py" line="204" />
        <source>时间来源：{source}</source>
        <translation>Time from: {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="152" />
        <location filename="../../app/ui/detail.py" line="205" />
        <source>时间待定：请手动填写</source>
        <translation>Time unknown: please enter it</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="161" />
        <source>（无，可在时间线上把证据拖到事件上）</source>
        <translation>(none; drag exhibits onto events on the timeline)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="169" />
        <source>时长 {s:.1f} 秒</source>
        <translation>Duration {s:.1f} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="171" />
        <source>{n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="199" />
        <source>看不懂这个时间，请写成 2025-03-05 14:30 这样</source>
        <translation>Cannot read this time; write it like 2025-03-05 14:30</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="282" />
        <location filename="../../app/ui/detail.py" line="340" />
        <source>选择一项证据查看</source>
        <translation>Select an exhibit to view it</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="302" />
        <source>适应</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="344" />
        <source>此文件无法预览（{status}）。原件已保存，导出时会原样附上。</source>
        <translation>This file cannot be previewed ({status}). The original is kept and travels with exports unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="349" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="359" />
        <source>文档无法预览：{name}</source>
        <translation>Documents cannot be previewed: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="365" />
        <source>图片无法显示</source>
        <translation>The image cannot be shown</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="417" />
        <source>PDF 无法显示</source>
        <translation>The PDF cannot be shown</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="427" />
        <source>（预览前 {n} 页，全文共 {total} 页；导出时全部收入）</source>
        <translation>(first {n} pages shown of {total}; the export includes all)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="431" />
        <location filename="../../app/ui/detail.py" line="444" />
        <source>第 {x} / {y} 页</source>
        <translation>Page {x} / {y}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="455" />
        <source>这台电脑缺少播放组件（{error}），无法在此播放；原件已保存，可用其他播放器打开。</source>
        <translation>This computer lacks a playback component ({error}); the original is kept and opens in any other player.</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="463" />
        <source>录音：{name}</source>
        <translation>Recording: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="463" />
        <source>正在载入视频画面…</source>
        <translation>Loading the video's first frame…</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="474" />
        <source>视频：{name}</source>
        <translation>Video: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="476" />
        <location filename="../../app/ui/detail.py" line="512" />
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="478" />
        <source>拖动以跳到录音或视频的任意位置</source>
        <translation>Drag to jump anywhere in the recording or video</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail.py" line="512" />
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="55" />
        <source>编辑案件信息</source>
        <translation>Edit case details</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="55" />
        <location filename="../../app/ui/welcome.py" line="21" />
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="59" />
        <source>例如：电饭煲内胆涂层脱落，商家拒绝退货</source>
        <translation>e.g. Rice cooker coating peeled, merchant refused a return</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="67" />
        <source>营业执照上的公司名称，可在店铺资质页查看</source>
        <translation>The company name on the business licence (see the shop's licence page)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="81" />
        <source>电话、地址或邮箱</source>
        <translation>Phone, address or e-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="82" />
        <source>案件名称*</source>
        <translation>Case title*</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="83" />
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="85" />
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="88" />
        <source>实付金额（元）</source>
        <translation>Amount paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="91" />
        <source>商品类别</source>
        <translation>Product class</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="92" />
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="93" />
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="94" />
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="98" />
        <location filename="../../app/ui/dialogs.py" line="252" />
        <location filename="../../app/ui/nextsteps.py" line="76" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="98" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="99" />
        <location filename="../../app/ui/dialogs.py" line="253" />
        <location filename="../../app/ui/dialogs.py" line="324" />
        <location filename="../../app/ui/main.py" line="244" />
        <location filename="../../app/ui/main.py" line="522" />
        <location filename="../../app/ui/nextsteps.py" line="77" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="109" />
        <source>请填写案件名称</source>
        <translation>Please enter a case title</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="115" />
        <source>日期请写成 2025-03-05 这样；不知道就空着</source>
        <translation>Write dates like 2025-03-05; leave empty if unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="122" />
        <source>金额应为数字，例如 399.00</source>
        <translation>The amount must be a number, e.g. 399.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="164" />
        <source>例如 2025-03-05，不知道就空着</source>
        <translation>e.g. 2025-03-05; empty if unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="165" />
        <source>例如 2025-03-05 14:30（北京时间），空着表示待定</source>
        <translation>e.g. 2025-03-05 14:30 (China time); empty means undated</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="170" />
        <source>从日历中选择日期</source>
        <translation>Pick a date from the calendar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="223" />
        <source>编辑事件</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="223" />
        <location filename="../../app/ui/timeline.py" line="521" />
        <source>添加事件</source>
        <translation>Add event</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="235" />
        <source>不填则用事件类型</source>
        <translation>Leave empty to use the event type</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="239" />
        <source>时间是大概的</source>
        <translation>The time is approximate</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="244" />
        <location filename="../../app/ui/models.py" line="114" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="245" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="246" />
        <source>时间（北京时间）</source>
        <translation>Time (China time)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="264" />
        <source>看不懂这个时间，请写成 2025-03-05 14:30 这样；不知道就空着（待定）</source>
        <translation>Cannot read this time; write it like 2025-03-05 14:30, or leave it empty (undated)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="283" />
        <source>导出证据清单</source>
        <translation>Export the evidence list</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="286" />
        <source>法院 / 调解：证据目录 + 证据材料（PDF）</source>
        <translation>Court / mediation: evidence index + exhibits (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="299" />
        <location filename="../../app/ui/dialogs.py" line="493" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="302" />
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="303" />
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="304" />
        <source>对方当事人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="305" />
        <source>案由</source>
        <translation>Cause of action</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="306" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="314" />
        <source>在电子数据说明中写出每个文件的来源路径</source>
        <translation>List where each file was found in the appendix (电子数据说明)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="322" />
        <location filename="../../app/ui/models.py" line="115" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="325" />
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="326" />
        <source>在文件夹中显示</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="377" />
        <source>这台电脑上没有能打开它的程序。文件在：{path}</source>
        <translation>No program on this computer can open it. The file is at: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="381" />
        <source>选择保存材料包的文件夹</source>
        <translation>Choose the folder for the pack</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="385" />
        <source>保存证据清单</source>
        <translation>Save the evidence list</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="397" />
        <location filename="../../app/ui/packs.py" line="288" />
        <source>没有选择任何证据：请至少勾选一项。</source>
        <translation>No exhibit chosen: check at least one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="403" />
        <source>正在生成材料包…</source>
        <translation>Building the pack…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="419" />
        <source>正在生成 PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="426" />
        <source>正在复制原件…</source>
        <translation>Copying originals…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="428" />
        <source>正在排版…</source>
        <translation>Laying out…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="432" />
        <source>正在制作材料（{done}/{total}）…</source>
        <translation>Preparing files ({done}/{total})…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="437" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="448" />
        <source>已取消，没有写入任何文件。</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="452" />
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="462" />
        <location filename="../../app/ui/dialogs.py" line="478" />
        <location filename="../../app/ui/guide.py" line="56" />
        <location filename="../../app/ui/verify_export.py" line="44" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="463" />
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="468" />
        <source>已导出 {pages} 页，{n} 项证据：{path}</source>
        <translation>Exported {pages} pages, {n} exhibits: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="486" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="496" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="497" />
        <source>案件库位置</source>
        <translation>Case library</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="498" />
        <source>更改语言后需重新启动程序。</source>
        <translation>Restart the app after changing the language.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="505" />
        <source>选择案件库文件夹</source>
        <translation>Choose the case library folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="511" />
        <location filename="../../app/ui/verify_export.py" line="18" />
        <location filename="../../app/ui/welcome.py" line="16" />
        <source>证据夹</source>
        <translation>Evidence Binder</translation>
    </message>
    <message>
        <location filename="../../app/ui/guide.py" line="51" />
        <location filename="../../app/ui/main.py" line="185" />
        <source>使用指南</source>
        <translation>Guide</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="76" />
        <source>证据{n}</source>
        <translation>Exhibit {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="81" />
        <location filename="../../app/ui/labels.py" line="87" />
        <source>待定</source>
        <translation>Undated</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="90" />
        <source>（大约）</source>
        <translation> (approx.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="51" />
        <location filename="../../app/ui/main.py" line="264" />
        <source>证据夹 Evidence Binder</source>
        <translation>Evidence Binder</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="77" />
        <location filename="../../app/ui/nextsteps.py" line="155" />
        <source>下一步</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="83" />
        <source>读取结果</source>
        <translation>Read results</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="114" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="138" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="139" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="140" />
        <source>新建案件…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="142" />
        <source>打开案件…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="146" />
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="147" />
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="148" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="151" />
        <source>验证导出包…</source>
        <translation>Verify an export…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="153" />
        <source>案件信息…</source>
        <translation>Case details…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="155" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="157" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="162" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="164" />
        <source>撤销移到回收站</source>
        <translation>Undo move to trash</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="168" />
        <source>添加事件…</source>
        <translation>Add event…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="169" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="170" />
        <source>取消分组</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="171" />
        <source>按时间重新编号…</source>
        <translation>Renumber by time…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="173" />
        <source>移到回收站</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="176" />
        <source>回收站…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="178" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="184" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="187" />
        <location filename="../../app/ui/main.py" line="607" />
        <source>关于证据夹</source>
        <translation>About Evidence Binder</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="192" />
        <source>监视的文件夹</source>
        <translation>Watched folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="192" />
        <location filename="../../app/ui/models.py" line="115" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="192" />
        <source>最近导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="195" />
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="196" />
        <source>暂停 / 继续</source>
        <translation>Pause / resume</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="197" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="213" />
        <source>监视文件夹</source>
        <translation>Watched folders</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="214" />
        <source>跳过和拒绝的文件</source>
        <translation>Skipped and refused files</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="216" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="227" />
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="247" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="280" />
        <location filename="../../app/ui/main.py" line="291" />
        <source>正在结束上一个案件：完成手头的文件…</source>
        <translation>Closing the previous case: finishing the file in hand…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="340" />
        <source>选择案件文件夹</source>
        <translation>Choose a case folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="351" />
        <source>正在建立示例案件…</source>
        <translation>Building the sample case…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="358" />
        <source>示例案件建立失败：{e}</source>
        <translation>The sample case could not be built: {e}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="368" />
        <source>“{path}”不是证据夹的案件文件夹（里面没有 case.sqlite）。可以新建一个案件，再把这个文件夹里的文件导入进去。</source>
        <translation>"{path}" is not an Evidence Binder case folder (it has no case.sqlite). You can create a new case and import the files in this folder into it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="382" />
        <location filename="../../app/ui/main.py" line="438" />
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="447" />
        <source>共 {n} 项证据，{e} 个事件</source>
        <translation>{n} exhibits, {e} events</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="510" />
        <location filename="../../app/ui/main.py" line="535" />
        <source>请先在列表中选择证据</source>
        <translation>Select exhibits in the list first</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="528" />
        <source>按时间重新编号</source>
        <translation>Renumber by time</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="528" />
        <source>所有证据将按形成时间重新排序并编号（分组保持在一起）。已经写进材料里的编号会改变。继续吗？</source>
        <translation>All exhibits will be ordered and numbered by capture time (groups stay together). Numbers already used in your documents will change. Continue?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="529" />
        <source>重新编号</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="546" />
        <source>已移到回收站：{names}（其余证据已重新编号）</source>
        <translation>Moved to trash: {names} (the other exhibits were renumbered)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="557" />
        <source>已从回收站恢复 {n} 项证据</source>
        <translation>Restored {n} exhibit(s) from the trash</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="579" />
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="586" />
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="589" />
        <source>回收站中的证据不会导出；原件始终保存在案件文件夹中，不会被删除。</source>
        <translation>Exhibits in the trash are not exported; their originals always stay in the case folder and are never deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="607" />
        <source>证据夹 {v}
把退款、退货、保修纠纷的证据收进一个案件，原件永不改动，生成编号证据清单。</source>
        <translation>Evidence Binder {v}
Collects the evidence of a refund, return or warranty dispute into one case, never changes the originals, and makes the numbered evidence list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="626" />
        <source>选择要导入的证据文件</source>
        <translation>Choose evidence files to import</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="631" />
        <source>选择要导入的文件夹</source>
        <translation>Choose a folder to import</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="637" />
        <source>请先新建或打开一个案件</source>
        <translation>Create or open a case first</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="643" />
        <source>正在导入（只复制，原文件不会被移动或修改）…</source>
        <translation>Importing (copies only; your files are not moved or changed)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="659" />
        <source>导入失败：{e}</source>
        <translation>Import failed: {e}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="664" />
        <source>导入完成：新增 {i}，重复 {d}，跳过 {s}，拒绝 {r}</source>
        <translation>Import done: {i} new, {d} duplicates, {s} skipped, {r} refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="672" />
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="672" />
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="689" />
        <source>监视中</source>
        <translation>Watching</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="689" />
        <source>监视中（轮询）</source>
        <translation>Watching (polling)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="689" />
        <source>文件夹不存在，等待中</source>
        <translation>Folder missing, waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="690" />
        <source>无法监视</source>
        <translation>Cannot watch</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="690" />
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="690" />
        <source>启动中</source>
        <translation>Starting</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="721" />
        <source>选择要监视的文件夹（例如手机相册同步文件夹）</source>
        <translation>Choose a folder to watch (e.g. your phone's synced gallery)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="742" />
        <source>案件中还没有证据，请先导入</source>
        <translation>The case has no exhibits yet; import some first</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="759" />
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="765" />
        <source>导出尚未完成</source>
        <translation>Export not finished</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="765" />
        <source>证据清单还在生成。现在退出会停止导出（不会留下不完整的文件）。</source>
        <translation>The evidence list is still being made. Quitting now stops the export (no incomplete file is left).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="766" />
        <source>停止导出并退出</source>
        <translation>Stop export and quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="114" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="114" />
        <source>时间来源</source>
        <translation>Time source</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="60" />
        <source>当事人信息</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="64" />
        <source>收货地址：决定可以向哪个法院起诉</source>
        <translation>Delivery address: decides which court can hear the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="65" />
        <source>营业执照上的住所，可在店铺资质页查看</source>
        <translation>The address on the business licence (the shop's licence page)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="66" />
        <source>18 位，见店铺资质页的营业执照</source>
        <translation>18 characters, on the business licence (the shop's licence page)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="81" />
        <source>投诉和起诉需要这些信息；不知道的可以先空着，文书中会留出“＿＿＿”。</source>
        <translation>Complaints and lawsuits need these; leave what you don't know empty and the texts show a blank (＿＿＿).</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="136" />
        <source>按时间线</source>
        <translation>From the timeline</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="139" />
        <source>阶段随时间线前进；也可以在这里设定</source>
        <translation>The stage follows the timeline; you can also set it here</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="145" />
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="148" />
        <source>填写签收日期…</source>
        <translation>Enter the receipt date…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="160" />
        <source>证据清单</source>
        <translation>Evidence checklist</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="165" />
        <source>联系</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="170" />
        <source>文书</source>
        <translation>Texts</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="177" />
        <source>重新生成</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="178" />
        <source>按案件当前的信息重新填写（放弃对这份文书的修改）</source>
        <translation>Fill in again from the case as it is now (discards your edits to this text)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="189" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="191" />
        <source>导出 TXT…</source>
        <translation>Export TXT…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="193" />
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="198" />
        <source>补充当事人信息…</source>
        <translation>Parties' details…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="199" />
        <source>地址、身份证号、商家住所地和统一社会信用代码：12315 投诉和起诉状需要</source>
        <translation>Addresses, ID number, the merchant's address and credit code: the 12315 complaint and the lawsuit need them</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="267" />
        <source>无法计算下一步：{e}</source>
        <translation>Cannot work out the next steps: {e}</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="278" />
        <source>打开案件后显示</source>
        <translation>Shown when a case is open</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="286" />
        <source>当前阶段：{s}</source>
        <translation>Stage: {s}</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="287" />
        <source>（您设定）</source>
        <translation> (set by you)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="295" />
        <source>已过 {n} 天</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="297" />
        <source>今天截止</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="297" />
        <location filename="../../app/ui/nextsteps.py" line="299" />
        <source>还剩 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="300" />
        <source>（估算）</source>
        <translation>(estimated)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="301" />
        <source>（起算日据证据识读，请核对）</source>
        <translation>(start date read from the evidence: please check)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="305" />
        <source>平台按签收后 7×24 小时计：至 {t}</source>
        <translation>the platform counts 7×24 hours from receipt: until {t}</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="311" />
        <source>无法计算“{n}”：需要{w}</source>
        <translation>Cannot compute “{n}”: needs the {w}</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="313" />
        <source>暂无期限</source>
        <translation>No deadlines yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="355" />
        <source>这份文书您修改过；案件信息更新后点“重新生成”可重新填写</source>
        <translation>You edited this text; after the case changes, click Regenerate to fill it in again</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="386" />
        <source>已复制，可以粘贴到聊天窗口或表单中</source>
        <translation>Copied: paste it into the chat or the form</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="393" />
        <source>导出文书</source>
        <translation>Export text</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="394" />
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="404" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="408" />
        <source>导出失败：{e}</source>
        <translation>Export failed: {e}</translation>
    </message>
    <message>
        <location filename="../../app/ui/nextsteps.py" line="410" />
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="117" />
        <source>第{rank}</source>
        <translation>#{rank}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="119" />
        <source>证据{number}</source>
        <translation>Exhibit {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="126" />
        <source>（已改为不放入）</source>
        <translation> (you left it out)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="126" />
        <source>（已改为放入）</source>
        <translation> (you put it in)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="166" />
        <location filename="../../app/ui/packs.py" line="239" />
        <location filename="../../app/ui/packs.py" line="273" />
        <source>正在计算材料包的内容…</source>
        <translation>Working out what the pack will hold…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="169" />
        <source>检查和编辑打码…</source>
        <translation>Check and edit redaction…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="185" />
        <source>放入哪些证据（按重要性排列，超出上限时先放前面的；默认按渠道上限挑选，可勾选更改）：</source>
        <translation>Exhibits to put in (most important first: over the limit, the first ones go in; chosen by default to fit the channel's limits, check or uncheck to change):</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="187" />
        <source>恢复默认选择</source>
        <translation>Restore the default choice</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="191" />
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="192" />
        <source>投诉网站</source>
        <translation>Complaint site</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="193" />
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="250" />
        <location filename="../../app/ui/packs.py" line="279" />
        <source>无法预览：{error}</source>
        <translation>Cannot preview: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="294" />
        <source>将生成 {files} 个证据文件（{exhibits} 项证据），约 {size}；另附文字材料和清单。</source>
        <translation>Will produce {files} evidence files ({exhibits} exhibits), about {size}, plus the texts and manifests.</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="298" />
        <source>{name}上限：{n} 张图片、每张 {size}{default}</source>
        <translation>{name} limit: {n} images, {size} each{default}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="300" />
        <source>（未公布，保守默认值）</source>
        <translation> (not published; a conservative default)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="304" />
        <source>{n} 项证据不放入（理由见上表）</source>
        <translation>{n} exhibit(s) left out (the reasons are in the list above)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="305" />
        <location filename="../../app/ui/packs.py" line="550" />
        <source>调整：</source>
        <translation>Adjusted: </translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="307" />
        <location filename="../../app/ui/packs.py" line="552" />
        <source>……另有 {n} 项调整</source>
        <translation>… and {n} more adjustments</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="308" />
        <location filename="../../app/ui/packs.py" line="558" />
        <source>不放入：证据{number} {name}：{reason}</source>
        <translation>Left out: exhibit {number} {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="312" />
        <source>……另有 {n} 项未放入</source>
        <translation>… and {n} more left out</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="314" />
        <source>公开前会遮盖手机号、地址、身份证号、银行卡号和真实姓名（订单号遮一半）；请点“检查和编辑打码”逐张核对。</source>
        <translation>Before publishing, phone numbers, addresses, ID numbers, bank card numbers and real names are covered (the order number half-covered); use "Check and edit redaction" to check each image.</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="376" />
        <source>检查和编辑打码</source>
        <translation>Check and edit redaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="381" />
        <source>（第{page}页）</source>
        <translation> (page {page})</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="382" />
        <source>证据{number} {name}</source>
        <translation>Exhibit {number} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="389" />
        <source>在图片上拖动可添加遮盖框；拖动框可移动；选中后按 Delete 删除。</source>
        <translation>Drag on the image to add a box; drag a box to move it; select it and press Delete to remove it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="391" />
        <source>删除选中的框</source>
        <translation>Remove selected boxes</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="393" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="415" />
        <source>这个材料包里没有需要打码的图片。</source>
        <translation>This pack has no images to redact.</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="423" />
        <source>正在识别个人信息…</source>
        <translation>Finding personal data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="447" />
        <source>无法打开这张图片：{error}</source>
        <translation>Cannot open this image: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="469" />
        <source>{n} 个遮盖框（红：自动找到，蓝：您添加的）。在图片上拖动可添加；拖动框可移动；Delete 删除。</source>
        <translation>{n} boxes (red: found by the app, blue: yours). Drag on the image to add; drag a box to move; Delete removes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="541" />
        <source>已生成：{folder}</source>
        <translation>Done: {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="542" />
        <source>压缩包：{zip}（{n} 个文件，{size}）</source>
        <translation>Zip: {zip} ({n} files, {size})</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="546" />
        <source>{n} 张图片已打码（原件未改动）</source>
        <translation>{n} images redacted (originals unchanged)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="556" />
        <source>因数量或大小上限未放入 {n} 项：{numbers}</source>
        <translation>Left out for the count or size limit, {n}: {numbers}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="560" />
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../app/ui/packs.py" line="561" />
        <source>完整的清单和每项调整见文件夹中的 manifest.csv。</source>
        <translation>The full list and every adjustment are in manifest.csv in the folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="183" />
        <source>搜索证据中的文字、名称、备注（如：不予退货、订单号）</source>
        <translation>Search the evidence's text, names, notes (e.g. 不予退货, an order number)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="189" />
        <location filename="../../app/ui/reading.py" line="239" />
        <source>读取中 {done}/{total}</source>
        <translation>Reading {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="191" />
        <location filename="../../app/ui/reading.py" line="229" />
        <source>暂停读取</source>
        <translation>Pause reading</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="229" />
        <source>继续读取</source>
        <translation>Resume reading</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="233" />
        <source>读取完成</source>
        <translation>Reading done</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="236" />
        <source>已暂停 {done}/{total}</source>
        <translation>Paused {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="266" />
        <source>找到 {n} 项</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="381" />
        <source>打开案件后，这里显示从证据中读到的信息</source>
        <translation>Open a case to see what was read from its evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="384" />
        <source>案件信息（读取建议）</source>
        <translation>Case details (proposed from the evidence)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="387" />
        <source>暂无建议：导入订单、付款、物流截图后会自动读取</source>
        <translation>No proposals yet: order, payment and delivery screenshots are read when imported</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="389" />
        <location filename="../../app/ui/reading.py" line="432" />
        <source>{field}：{value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="390" />
        <source>采用</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="391" />
        <location filename="../../app/ui/reading.py" line="399" />
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="392" />
        <source>时间线（建议的事件）</source>
        <translation>Timeline (proposed events)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="395" />
        <source>暂无待确认的事件</source>
        <translation>No events waiting for confirmation</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="398" />
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="402" />
        <source>所选证据：{label}</source>
        <translation>Selected exhibit: {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="405" />
        <source>名称、证明目的为读取建议，尚未确认</source>
        <translation>Name and purpose are proposals from reading, not yet confirmed</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="406" />
        <source>确认建议</source>
        <translation>Accept proposals</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="423" />
        <source>尚未读取</source>
        <translation>Not read yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="432" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="434" />
        <source>没有读到文字</source>
        <translation>No text found</translation>
    </message>
    <message>
        <location filename="../../app/ui/reading.py" line="434" />
        <source>读取出错</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="68" />
        <source>关联证据 {n} 项</source>
        <translation>{n} linked exhibits</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="256" />
        <source>还没有带日期的事件或证据</source>
        <translation>No dated events or exhibits yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="382" />
        <source>日期时间</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="382" />
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="382" />
        <source>关联证据</source>
        <translation>Linked exhibits</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="382" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="443" />
        <source>案件信息</source>
        <translation>Case facts</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="445" />
        <source>读取建议（待确认）</source>
        <translation>Proposed (to confirm)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="447" />
        <source>从证据读取</source>
        <translation>From the evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="448" />
        <source>手动添加</source>
        <translation>Added by hand</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="522" />
        <source>添加事件（Ctrl+E）</source>
        <translation>Add event (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="524" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="525" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="526" />
        <source>全部</source>
        <translation>Fit all</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="530" />
        <source>把左下方的证据拖到事件（◆）上即可关联；双击事件可编辑，点证据N或圆点可查看证据。</source>
        <translation>Drag exhibits from the lower left onto an event (◆) to link them; double-click an event to edit it; click an exhibit chip or dot to see the exhibit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="540" />
        <source>待定（没有日期）</source>
        <translation>Undated</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline.py" line="700" />
        <source>事件：{title}</source>
        <translation>Event: {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="26" />
        <source>验证导出包</source>
        <translation>Verify an export</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="29" />
        <source>选择导出的 PDF 或随附的“原件”文件夹。将核对每个原件、清单和 PDF 中内嵌的清单及附录里的 SHA-256 是否相互一致。</source>
        <translation>Choose the exported PDF or the folder of originals beside it. Every original, the manifests, and the manifest embedded in the PDF and the SHA-256 in its appendix are checked against each other.</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="32" />
        <source>选择 PDF…</source>
        <translation>Choose PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="33" />
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="61" />
        <source>选择导出的 PDF</source>
        <translation>Choose the exported PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="66" />
        <source>选择随附的原件文件夹</source>
        <translation>Choose the folder of originals</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="78" />
        <source>正在核对：{path}</source>
        <translation>Checking: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="86" />
        <source>无法完成核对：{error}</source>
        <translation>Could not finish the check: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/verify_export.py" line="96" />
        <source>此导出包未通过验证：发现 {n} 个问题</source>
        <translation>This export failed verification: {n} problem(s) found</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="18" />
        <source>退款、退货、保修被拒？把截图、录音、发票收进一个案件，原件永不改动，一键生成编号证据清单。</source>
        <translation>Refund, return or warranty refused? Gather screenshots, recordings and invoices into one case, keep every original unchanged, and make a numbered evidence list in one click.</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="22" />
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="23" />
        <source>示例案件</source>
        <translation>Sample case</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="24" />
        <source>从一个新案件开始</source>
        <translation>Start with a new case</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="24" />
        <source>打开已有的案件文件夹</source>
        <translation>Open an existing case folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="25" />
        <source>用一套真实样例看看证据夹能做什么</source>
        <translation>See what Evidence Binder does with a real set of samples</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="50" />
        <source>最近的案件（双击打开）</source>
        <translation>Recent cases (double-click to open)</translation>
    </message>
</context>
</TS>