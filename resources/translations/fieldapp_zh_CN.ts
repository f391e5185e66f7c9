<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About fieldapp</source>
        <translation>关于 fieldapp</translation>
    </message>
    <message>
        <source>desktop bundle</source>
        <translation>桌面安装包</translation>
    </message>
    <message>
        <source>installed with Python</source>
        <translation>以 Python 方式安装</translation>
    </message>
    <message>
        <source>Offline field app for special-equipment safety supervision officers.</source>
        <translation>供特种设备安全监察员使用的离线现场检查程序。</translation>
    </message>
    <message>
        <source>Python %1 · Qt %2 · PySide6 %3</source>
        <translation>Python %1 · Qt %2 · PySide6 %3</translation>
    </message>
    <message>
        <source>fieldapp is free software under the Apache License 2.0. It is built from the software and fonts below, each under its own licence. Choose one to read its licence.</source>
        <translation>fieldapp 是依照 Apache 许可证 2.0 发布的自由软件，由下列软件和字体构成，它们各自适用自己的许可证。选中一项即可阅读其许可证全文。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>No licence text came with %1. Its licence: %2.</source>
        <translation>%1 未附带许可证全文。其许可证为：%2。</translation>
    </message>
</context>
<context>
    <name>Dashboards</name>
    <message>
        <source>Save the chart as an image</source>
        <translation>将图表保存为图片</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>保存为图片…</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>Coverage year</source>
        <translation>抽查覆盖年度</translation>
    </message>
    <message>
        <source>Summary report (PDF)…</source>
        <translation>汇总报告（PDF）…</translation>
    </message>
    <message>
        <source>Inspections per month</source>
        <translation>各月检查次数</translation>
    </message>
    <message>
        <source>Notices rectified on time</source>
        <translation>指令书按期整改率</translation>
    </message>
    <message>
        <source>Findings by equipment class</source>
        <translation>各类设备发现的问题</translation>
    </message>
    <message>
        <source>Ten most-failed checklist items</source>
        <translation>不合格最多的十个检查项</translation>
    </message>
    <message>
        <source>Sampling coverage per city against the targets</source>
        <translation>各市（州）抽查覆盖率与目标</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>发现问题的检查</translation>
    </message>
    <message>
        <source>%1 inspections from %2 to %3</source>
        <translation>%2 至 %3 共检查 %1 次</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期整改</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>移交/立案</translation>
    </message>
    <message>
        <source>Open, past the deadline</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <source>No notice has reached its deadline yet.</source>
        <translation>尚无到期的指令书。</translation>
    </message>
    <message>
        <source>Notices rectified on time: %1</source>
        <translation>指令书按期整改率：%1</translation>
    </message>
    <message>
        <source>%1 of %2 notices due were rectified in time.</source>
        <translation>到期的 %2 份指令书中 %1 份按期整改。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Serious accident hazards</source>
        <translation>严重事故隐患</translation>
    </message>
    <message>
        <source>Unit-level management</source>
        <translation>使用单位安全管理</translation>
    </message>
    <message>
        <source>No findings under these filters.</source>
        <translation>当前筛选条件下没有发现问题。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格次数</translation>
    </message>
    <message>
        <source>No failed items under these filters.</source>
        <translation>当前筛选条件下没有不合格项。</translation>
    </message>
    <message>
        <source>Using units checked</source>
        <translation>使用单位抽查比例</translation>
    </message>
    <message>
        <source>Key units checked</source>
        <translation>重点单位抽查比例</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>% checked this year</source>
        <translation>本年度已检查比例（%）</translation>
    </message>
    <message>
        <source>Target, using units %1 %</source>
        <translation>使用单位目标 %1 %</translation>
    </message>
    <message>
        <source>Target, key units %1 %</source>
        <translation>重点单位目标 %1 %</translation>
    </message>
    <message>
        <source>%1: %2 of %3 using units and %4 of %5 key units checked.</source>
        <translation>%1 年：已检查使用单位 %2 / %3 家，重点单位 %4 / %5 家。</translation>
    </message>
    <message>
        <source>Behind the targets: %1.</source>
        <translation>未达目标：%1。</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Print… (2 copies)</source>
        <translation>打印(&amp;P)…（一式两份）</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>EquipmentDialog</name>
    <message>
        <source>Add equipment to %1</source>
        <translation>为 %1 添加设备</translation>
    </message>
    <message>
        <source>Type a catalogue code or name to filter</source>
        <translation>输入目录代码或名称筛选</translation>
    </message>
    <message>
        <source>Equipment type</source>
        <translation>设备类别/品种</translation>
    </message>
    <message>
        <source>18 or 20 characters</source>
        <translation>18位或20位</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Usage registration certificate no.</source>
        <translation>使用登记证编号</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>产品编号</translation>
    </message>
    <message>
        <source>Number within the unit</source>
        <translation>单位内编号</translation>
    </message>
    <message>
        <source>e.g. No. 1 lift</source>
        <translation>例如：1号梯</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>设备位置</translation>
    </message>
    <message>
        <source>First used on</source>
        <translation>投入使用日期</translation>
    </message>
    <message>
        <source>Last inspected on</source>
        <translation>上次检验日期</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>检验结论</translation>
    </message>
    <message>
        <source>Next inspection due</source>
        <translation>下次检验日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <source>Using unit: %1</source>
        <translation>使用单位：%1</translation>
    </message>
    <message>
        <source>%1 characters: a device code has 18, a registration code 20</source>
        <translation>已输入 %1 位：设备代码为18位，注册代码为20位</translation>
    </message>
    <message>
        <source>Device code, made in %1</source>
        <translation>设备代码，%1 年制造</translation>
    </message>
    <message>
        <source>Registration code, registered %1</source>
        <translation>注册代码，%1 登记</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>使用单位</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出%1…</translation>
    </message>
    <message>
        <source>Summary report (PDF)</source>
        <translation>汇总报告（PDF）</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>按月(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>按季度(&amp;Q)</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Summary report %1</source>
        <translation>汇总报告 %1</translation>
    </message>
    <message>
        <source>Summary report ready.</source>
        <translation>汇总报告已生成。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Writing the summary report…</source>
        <translation>正在生成汇总报告…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>any</source>
        <extracomment>filters that mean nothing for a list (the reports API ignores them there)</extracomment>
        <translation>不限</translation>
    </message>
    <message>
        <source>Search unit names, addresses, findings and notes (Ctrl+F)</source>
        <translation>搜索单位名称、地址、发现的问题和备注（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Equipment class</source>
        <translation>设备种类</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>监察员</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部监察员</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>起始日期（含）</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>截止日期（含）</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Any measure</source>
        <translation>全部措施</translation>
    </message>
    <message>
        <source>Key units only</source>
        <translation>仅重点单位</translation>
    </message>
    <message>
        <source>Show every unit again</source>
        <translation>重新显示全部单位</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Unit: %1  ✕</source>
        <translation>单位：%1  ✕</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>Re-inspected</source>
        <translation>复查时间</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>监察员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>共</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>后续处理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>移交/立案</translation>
    </message>
    <message>
        <source>Law-enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Seal expires</source>
        <translation>查封/扣押期满</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>按区县</translation>
    </message>
    <message>
        <source>By city</source>
        <translation>按市（州）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>统计层级</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Open notices</source>
        <translation>未结指令书</translation>
    </message>
    <message>
        <source>Re-inspections</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>移交/立案</translation>
    </message>
    <message>
        <source>Per officer</source>
        <translation>按监察员</translation>
    </message>
    <message>
        <source>Per district</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>Overdue periodic inspection</source>
        <translation>超期未检设备</translation>
    </message>
    <message>
        <source>Stop-use orders and seals in force</source>
        <translation>停用与查封扣押</translation>
    </message>
    <message>
        <source>%1 past their deadline</source>
        <translation>%1 份已逾期</translation>
    </message>
    <message>
        <source>%1 notices open</source>
        <translation>未结指令书 %1 份</translation>
    </message>
    <message>
        <source>%1 devices stopped, sealed or seized</source>
        <translation>%1 台设备被责令停止使用、查封或扣押</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source> (notice to be issued)</source>
        <translation>（待下达指令书）</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>&amp;New inspection (Ctrl+N)</source>
        <translation>新建检查(&amp;N)（Ctrl+N）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search unit, credit code, task</source>
        <translation>搜索单位、统一社会信用代码、任务来源</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>%1 unfinished drafts: open one to carry on where you stopped.</source>
        <translation>有 %1 个未完成的草稿：打开即可从上次停下的地方继续。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已被接收</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>开始于 %1，完成于 %2</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Unit representative</source>
        <translation>被检查单位陪同人员</translation>
    </message>
    <message>
        <source>not adopted: %1</source>
        <translation>未采纳：%1</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <source>awaiting re-inspection</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>已升级处理（待复查）</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Re-inspected %1: %2 of %3 rectified</source>
        <translation>%1 复查：%3 项中 %2 项已整改</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>The unit refused to sign: %1; witness: %2</source>
        <translation>被检查单位拒绝签字：%1；见证人：%2</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Amend a finished inspection</source>
        <translation>更正已完成的检查</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>更正项目(&amp;C)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前内容</translation>
    </message>
    <message>
        <source>&amp;New value</source>
        <translation>更正为(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>&amp;Issue the notice…</source>
        <translation>下达指令书(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Re-inspection…</source>
        <translation>复查(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>更正(&amp;A)…</translation>
    </message>
    <message>
        <source>Unit opinion</source>
        <translation>被检查单位意见</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Inspection record</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Seal decision</source>
        <translation>查封决定书</translation>
    </message>
    <message>
        <source>Seizure decision</source>
        <translation>扣押决定书</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Finding %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Unlock your signing key</source>
        <translation>解锁签名密钥</translation>
    </message>
    <message>
        <source>Passphrase of your signing key (asked once until you close the app):</source>
        <translation>请输入签名密钥的口令（在关闭程序前只需输入一次）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Special Equipment Safety Supervision — Field App</source>
        <translation>特种设备安全监察现场检查</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Verify a notice's QR code…</source>
        <translation>核验指令书二维码(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Inspections</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Units and Equipment</source>
        <translation>单位与设备(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>整改跟踪(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Data Exchange</source>
        <translation>数据交换(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Log File</source>
        <translation>查看日志文件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <source>Data Exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Units and Equipment</source>
        <translation>单位与设备</translation>
    </message>
    <message>
        <source>Opening the workspace…</source>
        <translation>正在打开工作区……</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>检查数据查询</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>demo workspace</source>
        <translation>演示工作区</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>监察员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Special Equipment Safety Supervision</source>
        <translation>特种设备安全监察现场检查</translation>
    </message>
</context>
<context>
    <name>NewInspection</name>
    <message>
        <source>Check type and task</source>
        <translation>检查类别与任务来源</translation>
    </message>
    <message>
        <source>Why this unit is inspected (SAMR Order No. 57).</source>
        <translation>说明本次检查的类别和任务来源（市场监管总局令第57号）。</translation>
    </message>
    <message>
        <source>Check &amp;type</source>
        <translation>检查类别(&amp;T)</translation>
    </message>
    <message>
        <source>(no campaign checklist)</source>
        <translation>（不使用专项检查表）</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>专项(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. 2026 annual plan; complaint No. …; referral</source>
        <translation>例如：2026年度计划；投诉举报编号……；转办</translation>
    </message>
    <message>
        <source>Task &amp;source</source>
        <translation>任务来源(&amp;S)</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Search by name or credit code, or add a unit not yet listed.</source>
        <translation>按名称或统一社会信用代码查找；名单中没有的单位可以新增。</translation>
    </message>
    <message>
        <source>Unit name or credit code</source>
        <translation>单位名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>&amp;Add unit…</source>
        <translation>新增单位(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 台超期未检</translation>
    </message>
    <message>
        <source>Sampled equipment</source>
        <translation>抽查设备</translation>
    </message>
    <message>
        <source>Tick the devices to inspect: at least one of each class the unit has.</source>
        <translation>勾选要检查的设备：单位拥有的每一类设备至少抽查一台。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>设备品种</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>No. / location</source>
        <translation>编号/位置</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>下次检验</translation>
    </message>
    <message>
        <source>Add &amp;device…</source>
        <translation>新增设备(&amp;D)…</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超期未检</translation>
    </message>
    <message>
        <source>No device chosen yet for: %1. Each class the unit has needs at least one sampled device.</source>
        <translation>以下类别尚未选择设备：%1。单位拥有的每类设备至少应抽查一台。</translation>
    </message>
    <message>
        <source>Every class of the unit's equipment is sampled.</source>
        <translation>单位拥有的各类设备均已抽查。</translation>
    </message>
    <message>
        <source>Officers present</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>At least two officers, each with a law-enforcement ID.</source>
        <translation>检查人员不少于二名，均须持有执法证。</translation>
    </message>
    <message>
        <source>Add &amp;colleague…</source>
        <translation>新增同事(&amp;C)…</translation>
    </message>
    <message>
        <source>You: %1, law-enforcement ID %2</source>
        <translation>本人：%1，执法证号 %2</translation>
    </message>
    <message>
        <source>The unit's representative</source>
        <translation>被检查单位陪同人员</translation>
    </message>
    <message>
        <source>The person who accompanies the inspection and signs the record.</source>
        <translation>陪同检查并在检查记录上签字的人员。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Only an officer's workspace can start inspections.</source>
        <translation>只有监察员工作区可以开始检查。</translation>
    </message>
    <message>
        <source>Add colleague</source>
        <translation>新增同事</translation>
    </message>
    <message>
        <source>&amp;Law-enforcement ID</source>
        <translation>执法证号(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Follow-ups</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Devices held</source>
        <translation>停用/查封设备</translation>
    </message>
    <message>
        <source>Notices to follow up</source>
        <translation>待跟踪的指令书</translation>
    </message>
    <message>
        <source>Overdue periodic inspection</source>
        <translation>超期未检设备</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>设备品种</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Inspection due</source>
        <translation>检验到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <source>%1 notices open, %2 past their deadline; %3 devices stopped or sealed under them.</source>
        <translation>共 %1 份指令书未结案，其中 %2 份已过整改期限；%3 台设备处于停用或查封状态。</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>%1 devices are overdue for periodic inspection. Under Article 40 of the Special Equipment Safety Law they must not be used until inspected.</source>
        <translation>共 %1 台设备超期未检。依据《特种设备安全法》第四十条，未经定期检验的设备不得继续使用。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.bmp *.tif *.tiff *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Choose photo files. Photos can also be dropped here or pasted with %1.</source>
        <translation>选择照片文件。也可以把照片拖到这里，或用 %1 粘贴。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected photo</source>
        <translation>删除所选照片</translation>
    </message>
    <message>
        <source>Double-click to enlarge</source>
        <translation>双击放大</translation>
    </message>
    <message>
        <source>This photo cannot be shown (not a readable image).</source>
        <translation>无法显示这张照片（不是可读取的图片）。</translation>
    </message>
    <message>
        <source>No photos yet. Drop photos here or paste with %1.</source>
        <translation>还没有照片。可把照片拖到这里，或用 %1 粘贴。</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <source>These files could not be read:</source>
        <translation>以下文件无法读取：</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>无法显示这张照片。</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>照片 %1 / %2</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Notice</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Inspection record</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Seal decision</source>
        <translation>查封决定书</translation>
    </message>
    <message>
        <source>Seizure decision</source>
        <translation>扣押决定书</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <source>awaiting re-inspection</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>已移交/立案</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Not re-inspected yet.</source>
        <translation>尚未复查。</translation>
    </message>
    <message>
        <source>Re-inspected %1: %2 of %3 rectified</source>
        <translation>%1 复查：%3 项中 %2 项已整改</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>%1 days past the deadline</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Problems ordered to be corrected</source>
        <translation>责令改正的问题</translation>
    </message>
    <message>
        <source>Re-inspections</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Violates</source>
        <translation>违反</translation>
    </message>
    <message>
        <source>Penalty basis</source>
        <translation>处罚依据</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <source>Officer's note</source>
        <translation>检查人员备注</translation>
    </message>
    <message>
        <source>Photos on site</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <source>Equipment (%1)</source>
        <translation>设备（%1 台）</translation>
    </message>
    <message>
        <source>%1 overdue for periodic inspection</source>
        <translation>%1 台超期未检</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>设备品种</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>下次检验</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期未检</translation>
    </message>
    <message>
        <source>%1 under %2</source>
        <translation>%1，依据 %2</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 返回</translation>
    </message>
    <message>
        <source>Whole inspection</source>
        <translation>查看整次检查</translation>
    </message>
    <message>
        <source>Only this unit</source>
        <translation>只看该单位</translation>
    </message>
    <message>
        <source>Show only this unit's records in every list</source>
        <translation>各列表只显示该单位的记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Open, print or save…</source>
        <translation>打开、打印或另存…</translation>
    </message>
    <message>
        <source>Documents (PDF)</source>
        <translation>文书（PDF）</translation>
    </message>
    <message>
        <source>Choose a row to see its details.</source>
        <translation>选择一行查看详情。</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>找到 %1 条</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>检查数据查询</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <source>Search unit name, credit code, address or equipment code (Ctrl+F)</source>
        <translation>搜索单位名称、统一社会信用代码、地址或设备代码（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Only units with &amp;overdue equipment</source>
        <translation>只看有超期未检设备的单位(&amp;O)</translation>
    </message>
    <message>
        <source>Using units</source>
        <translation>使用单位</translation>
    </message>
    <message>
        <source>Select a unit</source>
        <translation>请选择一个单位</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Equipment of the unit</source>
        <translation>单位的设备</translation>
    </message>
    <message>
        <source>Equipment details</source>
        <translation>设备详情</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>District</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期未检</translation>
    </message>
    <message>
        <source>Key unit for supervision</source>
        <translation>重点监督检查单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>设备品种</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>使用地点</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>下次检验</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Safety manager</source>
        <translation>安全管理员</translation>
    </message>
    <message>
        <source>Key unit</source>
        <translation>重点单位</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>older catalogue code</source>
        <translation>旧版目录代码</translation>
    </message>
    <message>
        <source>Overdue for periodic inspection: must not be used</source>
        <translation>超期未检：不得继续使用</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Registration certificate</source>
        <translation>使用登记证编号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>产品编号</translation>
    </message>
    <message>
        <source>Internal number</source>
        <translation>单位内编号</translation>
    </message>
    <message>
        <source>In use since</source>
        <translation>投入使用日期</translation>
    </message>
    <message>
        <source>Design life</source>
        <translation>设计使用年限</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>Maintenance unit</source>
        <translation>维护保养单位</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>上次检验</translation>
    </message>
    <message>
        <source>Next inspection due</source>
        <translation>下次检验日期</translation>
    </message>
    <message>
        <source>Inspection postponed until</source>
        <translation>延期检验至</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>技术参数</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部市州</translation>
    </message>
    <message>
        <source>%1 of %2 units</source>
        <translation>显示 %1 / 共 %2 个单位</translation>
    </message>
    <message>
        <source>No unit matches the search</source>
        <translation>没有符合条件的单位</translation>
    </message>
    <message>
        <source>Equipment (%1)</source>
        <translation>设备（%1 台）</translation>
    </message>
    <message>
        <source>%1 overdue for periodic inspection</source>
        <translation>%1 台超期未检</translation>
    </message>
    <message>
        <source>This unit has no registered equipment.</source>
        <translation>该单位没有已登记的设备。</translation>
    </message>
</context>
<context>
    <name>Reinspection</name>
    <message>
        <source>Re-inspection of %1</source>
        <translation>复查 %1</translation>
    </message>
    <message>
        <source>Tick each finding the unit has rectified; add a note and evidence photos.</source>
        <translation>请勾选单位已整改的问题，并填写复查情况、添加整改照片。</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>复查情况</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Not all rectified: &amp;escalate by</source>
        <translation>未全部整改，处理方式(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remarks</source>
        <translation>备注(&amp;R)</translation>
    </message>
    <message>
        <source>%1 photos</source>
        <translation>%1 张照片</translation>
    </message>
    <message>
        <source>All rectified: the notice will be closed.</source>
        <translation>全部整改完毕：指令书将结案。</translation>
    </message>
    <message>
        <source>Not all rectified: the notice stays open and the escalation is recorded.</source>
        <translation>尚未全部整改：指令书不结案，并记录后续处理方式。</translation>
    </message>
    <message>
        <source>Only an officer's workspace records re-inspections.</source>
        <translation>只有监察员工作区可以记录复查。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>&amp;Problem</source>
        <translation>问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Severity</source>
        <translation>隐患等级(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>措施(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>整改期限(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Violated article</source>
        <translation>违反条款(&amp;V)</translation>
    </message>
    <message>
        <source>Pe&amp;nalty article</source>
        <translation>处罚依据(&amp;N)</translation>
    </message>
    <message>
        <source>Add a finding</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>The unit as a whole</source>
        <translation>单位整体</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>涉及(&amp;A)</translation>
    </message>
    <message>
        <source>Review and sign</source>
        <translation>复核与签名</translation>
    </message>
    <message>
        <source>Back to the checklists</source>
        <translation>返回检查表</translation>
    </message>
    <message>
        <source>&amp;Finish inspection</source>
        <translation>完成检查(&amp;F)</translation>
    </message>
    <message>
        <source>Findings and measures</source>
        <translation>问题与措施</translation>
    </message>
    <message>
        <source>Opinion and signatures</source>
        <translation>意见与签名</translation>
    </message>
    <message>
        <source>About</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>Do &amp;not adopt…</source>
        <translation>不予采纳(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Adopt again</source>
        <translation>重新采纳(&amp;A)</translation>
    </message>
    <message>
        <source>Add a finding…</source>
        <translation>新增问题…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1 findings will go on the notice; %2 not adopted.</source>
        <translation>%1 个问题将写入指令书；%2 个未采纳。</translation>
    </message>
    <message>
        <source>Not adopted: %1</source>
        <translation>未采纳：%1</translation>
    </message>
    <message>
        <source>Do not adopt</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Why is this finding not adopted?</source>
        <translation>为什么不采纳这个问题？</translation>
    </message>
    <message>
        <source>The unit's representative</source>
        <translation>被检查单位陪同人员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>The unit's opinion on the findings (it may write it itself)</source>
        <translation>被检查单位对检查意见的意见（可由单位自行填写）</translation>
    </message>
    <message>
        <source>Unit's &amp;opinion</source>
        <translation>单位意见(&amp;O)</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Officer %1 (ID %2)</source>
        <translation>检查人员 %1（执法证号 %2）</translation>
    </message>
    <message>
        <source>The unit &amp;refused to sign</source>
        <translation>被检查单位拒绝签字(&amp;R)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>拒签情况</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Record the refusal</source>
        <translation>记录拒签</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Non-compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <source>Review &amp;&amp; sign (Ctrl+R)</source>
        <translation>复核与签名（Ctrl+R）</translation>
    </message>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Find an item (Ctrl+F)</source>
        <translation>查找检查项（Ctrl+F）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Note (required when non-compliant)</source>
        <translation>情况说明（不符合时必填）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>◀ Previous (Backspace)</source>
        <translation>◀ 上一项（Backspace）</translation>
    </message>
    <message>
        <source>Next (Enter) ▶</source>
        <translation>下一项（Enter） ▶</translation>
    </message>
    <message>
        <source>Keys: 1 compliant · 2 non-compliant · 3 not applicable · Enter next · Backspace back · Ctrl+F find · Ctrl+Enter save the note and go on</source>
        <translation>按键：1 符合 · 2 不符合 · 3 不适用 · Enter 下一项 · Backspace 上一项 · Ctrl+F 查找 · Ctrl+Enter 保存说明并继续</translation>
    </message>
    <message>
        <source>Nothing to answer in this checklist.</source>
        <translation>此检查表没有需要回答的项目。</translation>
    </message>
    <message>
        <source>official wording</source>
        <translation>正式表述</translation>
    </message>
    <message>
        <source>provisional wording</source>
        <translation>暂定表述</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>1  Compliant</source>
        <translation>1  符合</translation>
    </message>
    <message>
        <source>2  Non-compliant</source>
        <translation>2  不符合</translation>
    </message>
    <message>
        <source>3  Not applicable</source>
        <translation>3  不适用</translation>
    </message>
    <message>
        <source>Compliant: %1</source>
        <translation>合格范围：%1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>within %1 days</source>
        <translation>%1 日内</translation>
    </message>
    <message>
        <source>Proposed finding:</source>
        <translation>拟提出问题：</translation>
    </message>
    <message>
        <source>Violates %1; penalty %2</source>
        <translation>违反 %1；处罚依据 %2</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up this workspace</source>
        <translation>设置工作区</translation>
    </message>
    <message>
        <source>This folder has no workspace yet. Choose who uses it. An officer's name and law-enforcement ID are printed on every record and notice.</source>
        <translation>此文件夹中还没有工作区。请选择使用者。监察员的姓名和执法证号将印在每一份检查记录和指令书上。</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Law-enforcement ID</source>
        <translation>执法证号(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>所属机关(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. Changchun Administration for Market Regulation</source>
        <translation>例如：长春市市场监督管理局</translation>
    </message>
    <message>
        <source>&amp;Agency code</source>
        <translation>机关代字(&amp;A)</translation>
    </message>
    <message>
        <source>Used in notice numbers, e.g. 长</source>
        <translation>用于指令书编号，例如“长”</translation>
    </message>
    <message>
        <source>Officer &amp;code</source>
        <translation>监察员代码(&amp;C)</translation>
    </message>
    <message>
        <source>Unique code in notice numbers (default: the ID)</source>
        <translation>指令书编号中的唯一代码（默认为执法证号）</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation>口令(&amp;P)</translation>
    </message>
    <message>
        <source>Protects the key that signs your notices (at least 8 characters)</source>
        <translation>保护签发指令书所用的签名密钥（至少8个字符）</translation>
    </message>
    <message>
        <source>Passphrase &amp;again</source>
        <translation>再次输入口令(&amp;A)</translation>
    </message>
    <message>
        <source>Workspace folder: %1</source>
        <translation>工作区文件夹：%1</translation>
    </message>
    <message>
        <source>Officer (on-site inspections)</source>
        <translation>监察员（现场检查）</translation>
    </message>
    <message>
        <source>Supervisor (imports and follow-ups)</source>
        <translation>监管部门（汇总与跟踪）</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Erase the signature</source>
        <translation>擦除签名</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Exchange files (*.zip)</source>
        <translation>数据交换文件 (*.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Public key files (*.json)</source>
        <translation>公钥文件 (*.json)</translation>
    </message>
    <message>
        <source>Trust a public key</source>
        <translation>信任公钥</translation>
    </message>
    <message>
        <source>Export my public key</source>
        <translation>导出我的公钥</translation>
    </message>
    <message>
        <source>Trust this key? Files and notices signed with it will be accepted.

Name: %1
Law-enforcement ID: %2
Organisation: %3
Fingerprint: %4

Compare the fingerprint with its owner in person or by phone before you trust it.</source>
        <translation>是否信任这个公钥？用它签名的数据交换文件和指令书将被接受。

姓名：%1
执法证号：%2
单位：%3
指纹：%4

信任之前，请当面或通过电话与密钥持有人核对指纹。</translation>
    </message>
    <message>
        <source>Write a reference pack</source>
        <translation>生成参考包</translation>
    </message>
    <message>
        <source>Units and equipment of:</source>
        <translation>包含以下地区的单位和设备：</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Reference pack</source>
        <translation>参考包</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>监察员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>使用单位</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checklist answer</source>
        <translation>检查项结果</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>指令书</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Photo of an answer</source>
        <translation>检查项照片</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Inspecting officer</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Checklist of an inspection</source>
        <translation>检查所用检查表</translation>
    </message>
    <message>
        <source>Re-inspected finding</source>
        <translation>复查的问题</translation>
    </message>
    <message>
        <source>Trusted key</source>
        <translation>受信任密钥</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Confirmed record</source>
        <translation>确认接收的记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Officer or sender</source>
        <translation>监察员或发送方</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Write this batch again…</source>
        <translation>再次写出该批次…</translation>
    </message>
    <message>
        <source>Write receipt for this batch…</source>
        <translation>为该批次写回执…</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Write batch %1 again…</source>
        <translation>再次写出第 %1 批…</translation>
    </message>
    <message>
        <source>New %1, updated %2, unchanged %3, conflicts %4, refused %5.</source>
        <translation>新增 %1，更新 %2，未变 %3，冲突 %4，拒收 %5。</translation>
    </message>
    <message>
        <source>Missing batches: %1</source>
        <translation>缺少的批次：%1</translation>
    </message>
    <message>
        <source>A record that arrived with the same revision as the one held here but with other content was kept apart, not written over ours. Compare the two; if ours is right, keep it. If the incoming one is right, ask the officer to correct the record and send it in the next batch.</source>
        <translation>收到的记录与本地记录版本号相同而内容不同时，另存待核，不会覆盖本地记录。请比较两者：本地记录正确的，保留本地；收到的记录正确的，请监察员更正该记录并在下一批次中报送。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Held here (ours)</source>
        <translation>本地记录</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>收到的记录</translation>
    </message>
    <message>
        <source>Keep ours (mark resolved)</source>
        <translation>保留本地记录（标记为已处理）</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>The record held here no longer exists.</source>
        <translation>本地记录已不存在。</translation>
    </message>
    <message>
        <source>%1 differing fields: %2</source>
        <translation>%1 个字段不同：%2</translation>
    </message>
    <message>
        <source>Export my public key…</source>
        <translation>导出我的公钥…</translation>
    </message>
    <message>
        <source>Trust a key file…</source>
        <translation>信任公钥文件…</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>受信任的密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Law-enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>信任时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>My key's fingerprint</source>
        <translation>我的密钥指纹</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>数据库大小</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留的备份</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>已于 %1 撤销信任</translation>
    </message>
    <message>
        <source>Export my public key</source>
        <translation>导出我的公钥</translation>
    </message>
    <message>
        <source>Your public key is written to %1.
Fingerprint: %2

Give the file to the colleague who is to trust it, and read the fingerprint to them so that they can compare it.</source>
        <translation>您的公钥已写入 %1。
指纹：%2

请把文件交给需要信任它的同事，并向对方读出指纹，以便核对。</translation>
    </message>
    <message>
        <source>Trust a key file</source>
        <translation>信任公钥文件</translation>
    </message>
    <message>
        <source>%1's key is trusted now (fingerprint %2): files and notices it signs are accepted here.</source>
        <translation>现已信任 %1 的密钥（指纹 %2）：本工作区接受用它签名的文件和指令书。</translation>
    </message>
    <message>
        <source>Data Exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Send your finished inspections to the supervisor as a batch file (on a USB stick), and take in the reference packs and receipts the supervisor sends back. Drafts go once they are finished.</source>
        <translation>把已完成的检查导出为批次文件（用U盘）交给监督机构，并导入监督机构发回的参考包和回执。草稿要完成后才会导出。</translation>
    </message>
    <message>
        <source>Take in the officers' batch files (drop several at once), send each officer a receipt, and hand out reference packs with the registry, checklists and trusted keys.</source>
        <translation>导入监察员的批次文件（可一次拖入多个），给每位监察员写回执，并分发包含单位设备台账、检查表和受信任密钥的参考包。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>History</source>
        <translation>交换记录</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Keys and this workspace</source>
        <translation>密钥与本工作区</translation>
    </message>
    <message>
        <source>&amp;Export batch…</source>
        <translation>导出批次(&amp;E)…</translation>
    </message>
    <message>
        <source>Export everything again…</source>
        <translation>重新导出全部…</translation>
    </message>
    <message>
        <source>&amp;Import pack or receipt…</source>
        <translation>导入参考包或回执(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Import batches…</source>
        <translation>导入批次(&amp;I)…</translation>
    </message>
    <message>
        <source>Write reference &amp;pack…</source>
        <translation>生成参考包(&amp;P)…</translation>
    </message>
    <message>
        <source>Drop a reference pack or receipt from the supervisor here, or use Import pack or receipt.</source>
        <translation>把监督机构发来的参考包或回执拖到这里，或点击“导入参考包或回执”。</translation>
    </message>
    <message>
        <source>Drop officers' batch files (or a folder of them) here, or use Import batches. Each file is checked whole before anything is taken in.</source>
        <translation>把监察员的批次文件（或装有批次文件的文件夹）拖到这里，或点击“导入批次”。每个文件都先完整核验，再导入任何内容。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Missing batches</source>
        <translation>缺少的批次</translation>
    </message>
    <message>
        <source>Write &amp;receipt…</source>
        <translation>写回执(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written and nothing changed.</source>
        <translation>已取消：没有写出文件，数据没有任何改动。</translation>
    </message>
    <message>
        <source>Export everything again</source>
        <translation>重新导出全部</translation>
    </message>
    <message>
        <source>Export batch</source>
        <translation>导出批次</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Writing attachments: %1 of %2</source>
        <translation>正在写入附件：%1 / %2</translation>
    </message>
    <message>
        <source>Batch %1 written to %2: %3 records and %4 attachments (%5 MB). A copy is kept in %6; if the stick is lost, write it again from the history.</source>
        <translation>第 %1 批已写入 %2：%3 条记录、%4 个附件（%5 MB）。副本保存在 %6；U盘丢失时，可在交换记录中再写一次。</translation>
    </message>
    <message>
        <source>Write batch %1 again</source>
        <translation>再次写出第 %1 批</translation>
    </message>
    <message>
        <source>Batch %1 written again to %2 (the same file, byte for byte).</source>
        <translation>第 %1 批已再次写入 %2（与原文件逐字节相同）。</translation>
    </message>
    <message>
        <source>Import a reference pack or receipt</source>
        <translation>导入参考包或回执</translation>
    </message>
    <message>
        <source>Import officers' batches</source>
        <translation>导入监察员批次</translation>
    </message>
    <message>
        <source>Wait until the current work has ended.</source>
        <translation>请等待当前操作结束。</translation>
    </message>
    <message>
        <source>The folder holds no .zip files.</source>
        <translation>文件夹里没有 .zip 文件。</translation>
    </message>
    <message>
        <source>File %1 of %2: checking %3…</source>
        <translation>第 %1 / %2 个文件：正在核验 %3…</translation>
    </message>
    <message>
        <source>File %1 of %2: taking in the records of %3…</source>
        <translation>第 %1 / %2 个文件：正在导入 %3 的记录…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Not imported (cancelled)</source>
        <translation>未导入（已取消）</translation>
    </message>
    <message>
        <source>Already imported: nothing changed</source>
        <translation>已导入过：没有改动</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入%1</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>第 %1 批</translation>
    </message>
    <message>
        <source>%1: not imported, the import was cancelled.</source>
        <translation>%1：未导入，导入已取消。</translation>
    </message>
    <message>
        <source>Files: %1 — %2 imported, %3 already imported before, %4 refused, %5 cancelled.</source>
        <translation>共 %1 个文件：导入 %2 个，此前已导入 %3 个，拒收 %4 个，取消 %5 个。</translation>
    </message>
    <message>
        <source>Write receipt</source>
        <translation>写回执</translation>
    </message>
    <message>
        <source>Receipt for batch %1 of %2 written to %3 (%4 records). Give it to the officer to import: those records then show as received.</source>
        <translation>%2 第 %1 批的回执已写入 %3（%4 条记录）。请交给该监察员导入，这些记录随后显示为“已被接收”。</translation>
    </message>
    <message>
        <source>The whole registry</source>
        <translation>全部单位和设备</translation>
    </message>
    <message>
        <source>Write reference pack</source>
        <translation>生成参考包</translation>
    </message>
    <message>
        <source>Reference pack written to %1: %2 units, %3 devices, %4 officers, %5 trusted keys, %6 checklists.</source>
        <translation>参考包已写入 %1：使用单位 %2 家、设备 %3 台、监察员 %4 名、受信任密钥 %5 个、检查表 %6 份。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Add a using unit</source>
        <extracomment>Kinds of 重点监督检查单位 (data, stored as written; the officer may type another). Conclusions of a periodic inspection report (data, stored as written).</extracomment>
        <translation>新增使用单位</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Type a name or a 6-digit code</source>
        <translation>输入名称或6位代码</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Safety manager</source>
        <translation>安全管理员</translation>
    </message>
    <message>
        <source>Safety manager's mobile</source>
        <translation>安全管理员手机</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Key unit for supervision</source>
        <translation>重点监督检查单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Key unit</source>
        <translation>重点单位</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Open a notice</source>
        <translation>打开指令书</translation>
    </message>
    <message>
        <source>Notices (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>指令书 (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Verify a notice's QR code</source>
        <translation>核验指令书二维码</translation>
    </message>
    <message>
        <source>Paste the text read from the QR code (it starts with FAN1:), or open the notice as PDF or as a photo.</source>
        <translation>粘贴扫描二维码得到的文本（以 FAN1: 开头），或打开指令书的 PDF 文件或照片。</translation>
    </message>
    <message>
        <source>&amp;Check the text</source>
        <translation>核验文本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open a PDF or image…</source>
        <translation>打开 PDF 或图片(&amp;O)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No notice QR code was found in %1.</source>
        <translation>在 %1 中没有找到指令书二维码。</translation>
    </message>
    <message>
        <source>Valid: signed by a trusted officer's key</source>
        <translation>有效：由受信任的监察员密钥签发</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>fieldapp hit an unexpected error</source>
        <translation>fieldapp 遇到意外错误</translation>
    </message>
    <message>
        <source>(no workspace open yet: nothing was logged)</source>
        <translation>（尚未打开工作区，没有写入日志）</translation>
    </message>
    <message>
        <source>This is a bug in fieldapp, not something you did. Everything you saved before is safe. Please send the log file to your support contact:</source>
        <translation>这是 fieldapp 的程序错误，与您的操作无关。此前保存的数据都完好无损。请把日志文件发送给技术支持人员：</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
</TS>