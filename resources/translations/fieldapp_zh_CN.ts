<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>This workspace holds no inspections yet. Guided on-site inspections (checklists, findings, photos, signatures and notices) are not available in this version; the registry of units and equipment is.</source>
        <translation>本工作区还没有检查记录。本版本尚不能进行引导式现场检查（检查表、问题、照片、签名和指令书）；单位与设备台账已可使用。</translation>
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
    <name>Pages</name>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
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
