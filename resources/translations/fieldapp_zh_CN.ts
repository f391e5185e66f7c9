<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>%1 unfinished drafts: open one to carry on where you stopped.</source>
        <translation>有 %1 个未完成的草稿：打开即可从上次停下的地方继续。</translation>
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
        <source>&amp;Verify a notice&apos;s QR code…</source>
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
        <source>Exporting batches for the supervisor and importing reference packs are not available in this version yet.</source>
        <translation>本版本尚不能导出检查批次文件或导入基础数据包。</translation>
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
    <message>
        <source>About fieldapp</source>
        <translation>关于 fieldapp</translation>
    </message>
    <message>
        <source>fieldapp %1 — offline field app for special-equipment safety supervision.</source>
        <translation>fieldapp %1 — 特种设备安全监察离线现场检查程序。</translation>
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
        <source>Every class of the unit&apos;s equipment is sampled.</source>
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
        <source>The unit&apos;s representative</source>
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
        <source>Only an officer&apos;s workspace can start inspections.</source>
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
    <message>
        <source>Data Exchange</source>
        <translation>数据交换</translation>
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
        <translation>设备标识</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>数据库大小</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>已保留备份</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
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
        <source>Only an officer&apos;s workspace records re-inspections.</source>
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
        <source>The unit&apos;s representative</source>
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
        <source>The unit&apos;s opinion on the findings (it may write it itself)</source>
        <translation>被检查单位对检查意见的意见（可由单位自行填写）</translation>
    </message>
    <message>
        <source>Unit&apos;s &amp;opinion</source>
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
        <source>This folder has no workspace yet. Choose who uses it. An officer&apos;s name and law-enforcement ID are printed on every record and notice.</source>
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
        <source>Safety manager&apos;s mobile</source>
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
        <source>Verify a notice&apos;s QR code</source>
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
        <source>Valid: signed by a trusted officer&apos;s key</source>
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
