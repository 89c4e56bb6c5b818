<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Select</source>
        <extracomment>Translated text -&gt; (context, source) of every text this module made, for retranslation. Single-key tool shortcuts (as in most drawing programs). The actions that need a selection. (object, setter name, context, source) of every text to translate again on a language change.</extracomment>
        <translation>选择</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Rectangular Room</source>
        <translation>矩形房间</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Rectangular Zone</source>
        <translation>矩形区域</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Doorway</source>
        <translation>门洞</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Calibrate Scale</source>
        <translation>校准比例</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import Plan…</source>
        <translation>导入平面图(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Background…</source>
        <translation>导入底图(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Signs (PDF)…</source>
        <translation>提示标识 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Placement &amp;Guide (PDF)…</source>
        <translation>安装指南 PDF(&amp;G)…</translation>
    </message>
    <message>
        <source>Compliance &amp;Report (PDF)…</source>
        <translation>合规报告 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print Signs…</source>
        <translation>打印提示标识(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>再制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Venue &amp;&amp; Notice…</source>
        <translation>场所与告知(&amp;V)…</translation>
    </message>
    <message>
        <source>Add Suggested &amp;Signs</source>
        <translation>添加建议的提示标识(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>显示网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Snap (hold Alt to suspend)</source>
        <translation>吸附(&amp;S)(按住 Alt 暂停)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add Level…</source>
        <translation>添加楼层(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Delete Level</source>
        <translation>删除楼层(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>楼层(&amp;L)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About Venue Planner</source>
        <translation>关于场所规划器(&amp;A)</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>BlindSpots</name>
    <message>
        <source>&amp;Blind Spots</source>
        <extracomment>Fill per required level: the higher the density asked for, the hotter.</extracomment>
        <translation>盲区(&amp;B)</translation>
    </message>
    <message>
        <source>Show the required areas that no camera covers at the required pixel density</source>
        <translation>显示没有摄像机以所需像素密度覆盖的须监控区域</translation>
    </message>
    <message>
        <source>Blind spots: {0} of {1} m² required not covered at the required density</source>
        <translation>盲区：须监控的 {1} 平方米中有 {0} 平方米未达到所需密度</translation>
    </message>
</context>
<context>
    <name>CalibrateTool</name>
    <message>
        <source>Click two points on the background whose real distance you know</source>
        <translation>在底图上点击两个已知实际距离的点</translation>
    </message>
    <message>
        <source>This level has no background to calibrate; import one first (File ▸ Import Background…)</source>
        <translation>本楼层没有可校准的底图，请先导入（文件 ▸ 导入底图…）</translation>
    </message>
    <message>
        <source>Calibrate background scale</source>
        <translation>校准底图比例</translation>
    </message>
    <message>
        <source>Background scaled by {0}</source>
        <translation>底图已按 {0} 倍缩放</translation>
    </message>
</context>
<context>
    <name>CameraTool</name>
    <message>
        <source>Press where the camera hangs and drag toward where it looks (Shift: steps of 15°); Esc cancels</source>
        <extracomment>Radius of the lens wedge drawn while aiming a new camera, in metres.</extracomment>
        <translation>在摄像机安装位置按下鼠标，朝拍摄方向拖动（按住 Shift 以 15° 为步长）；Esc 取消</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>添加{0}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n zones</source>
        <translation>
            <numerusform>%n 个区域</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walls</source>
        <translation>
            <numerusform>%n 段墙</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n openings</source>
        <translation>
            <numerusform>%n 个门窗</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cameras</source>
        <translation>
            <numerusform>%n 台摄像机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signs</source>
        <translation>
            <numerusform>%n 个标识</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Venue Planner projects (*.vplan *.json);;All files (*)</source>
        <translation>场所规划器项目 (*.vplan *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Plans (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf);;All files (*)</source>
        <translation>平面图 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Floor plans (*.dxf *.zip *.imdf *.geojson *.osm *.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>平面图 (*.dxf *.zip *.imdf *.geojson *.osm *.png *.jpg *.jpeg *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before closing it?</source>
        <translation>关闭前是否保存对“{0}”的更改？</translation>
    </message>
    <message>
        <source>Calibrate scale</source>
        <translation>校准比例</translation>
    </message>
    <message>
        <source>The two points are {0} m apart on the plan now. Their real distance (m):</source>
        <translation>这两点在图上目前相距 {0} 米。实际距离（米）：</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Venue Planner was not closed properly. Open the automatically saved copy of:
{0}

If you do not, the copies are deleted.</source>
        <translation>场所规划器上次未正常关闭。是否打开以下项目的自动保存副本：
{0}

如不打开，这些副本将被删除。</translation>
    </message>
    <message>
        <source>Print signs</source>
        <translation>打印提示标识</translation>
    </message>
</context>
<context>
    <name>EditOps</name>
    <message>
        <source>Cut {0}</source>
        <extracomment>Pasted and duplicated items land this far east and south of the originals (metres).</extracomment>
        <translation>剪切 {0}</translation>
    </message>
    <message>
        <source>The clipboard holds nothing to paste</source>
        <translation>剪贴板中没有可粘贴的内容</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <source>Applied: {0} (Undo takes it back)</source>
        <translation>已执行：{0}（可撤销）</translation>
    </message>
    <message>
        <source>No sign is missing</source>
        <translation>没有缺少的提示标识</translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation>
            <numerusform>剪切 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>粘贴 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n items</source>
        <translation>
            <numerusform>复制出 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n suggested signs</source>
        <translation>
            <numerusform>添加 %n 个建议标识</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit venue and notice</source>
        <translation>编辑场所与告知信息</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>楼层 {0}</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <source>Name of the new level:</source>
        <translation>新楼层名称：</translation>
    </message>
    <message>
        <source>Add level {0}</source>
        <translation>添加楼层 {0}</translation>
    </message>
    <message>
        <source>A project keeps at least one level</source>
        <translation>项目至少要保留一个楼层</translation>
    </message>
    <message>
        <source>Delete level {0}</source>
        <translation>删除楼层 {0}</translation>
    </message>
    <message>
        <source>About Venue Planner</source>
        <translation>关于场所规划器</translation>
    </message>
    <message>
        <source>&lt;b&gt;Venue Planner&lt;/b&gt; {0}&lt;br&gt;Plan CCTV and face-recognition cameras, see what they really cover, and check them against privacy rules.</source>
        <translation>&lt;b&gt;场所规划器&lt;/b&gt; {0}&lt;br&gt;规划视频监控与人脸识别摄像机，查看其实际覆盖范围，并对照隐私保护规定进行检查。</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开口</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Venue name</source>
        <translation>场所名称</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运营者</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>处理目的</translation>
    </message>
    <message>
        <source>Why the cameras are necessary</source>
        <translation>安装摄像机的必要性</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储方式</translation>
    </message>
    <message>
        <source>Alternative to face recognition</source>
        <translation>人脸识别的替代方式</translation>
    </message>
    <message>
        <source>How to exercise rights</source>
        <translation>个人权利行使方式</translation>
    </message>
    <message>
        <source>Notice URL</source>
        <translation>告知网址</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>Sign languages</source>
        <translation>标识语言</translation>
    </message>
    <message>
        <source>Expected enrolled people</source>
        <translation>预计录入人数</translation>
    </message>
    <message>
        <source>Face height</source>
        <translation>人脸高度</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>安全措施</translation>
    </message>
    <message>
        <source>Impact assessment date</source>
        <translation>个人信息保护影响评估日期</translation>
    </message>
    <message>
        <source>Filing reference</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Security audit</source>
        <translation>安全审计</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>访问控制</translation>
    </message>
    <message>
        <source>Authorisation management</source>
        <translation>授权管理</translation>
    </message>
    <message>
        <source>Intrusion detection</source>
        <translation>入侵检测</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>Open project</source>
        <extracomment>Scale of a background imported without a known scale (then calibrate it). Crashed sessions&apos; copies opened here: deleted once their work is saved or discarded.</extracomment>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Ground floor</source>
        <translation>首层</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{0} no longer exists</source>
        <translation>{0} 已不存在</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Import plan</source>
        <translation>导入平面图</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>The importers are not installed</source>
        <translation>未安装导入组件</translation>
    </message>
    <message>
        <source>Drawing units</source>
        <translation>图纸单位</translation>
    </message>
    <message>
        <source>The drawing does not say its units. Units (mm, cm, m, in, ft):</source>
        <translation>图纸未注明单位。单位（mm、cm、m、in、ft）：</translation>
    </message>
    <message>
        <source>Import background</source>
        <translation>导入底图</translation>
    </message>
    <message>
        <source>Cannot import background</source>
        <translation>无法导入底图</translation>
    </message>
    <message>
        <source>Import background {0}</source>
        <translation>导入底图 {0}</translation>
    </message>
    <message>
        <source>Background imported; use Calibrate Scale (K) to set its scale</source>
        <translation>底图已导入；请用“校准比例”（K）设置比例</translation>
    </message>
    <message>
        <source>not an image this program can read</source>
        <translation>不是本程序可读取的图像</translation>
    </message>
    <message>
        <source>Export signs</source>
        <translation>导出提示标识</translation>
    </message>
    <message>
        <source>Export placement guide</source>
        <translation>导出安装指南</translation>
    </message>
    <message>
        <source>Export compliance report</source>
        <translation>导出合规报告</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>This export is not available in this version</source>
        <translation>此版本不提供该导出</translation>
    </message>
    <message>
        <source>Wrote {0} pages to {1}</source>
        <translation>已将 {0} 页写入 {1}</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>There is no sign to print</source>
        <translation>没有需要打印的提示标识</translation>
    </message>
    <message>
        <source>Sent {0} sign pages to {1}</source>
        <translation>已将 {0} 页提示标识发送到 {1}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>error</source>
        <extracomment>Item data role holding what a row shows (severity, column texts, remedy texts), to update by difference.</extracomment>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Findings</source>
        <extracomment>The pointer is on a remedy (Finding, Remedy), or left it (None, None). &quot;Fix all&quot; for one camera: (camera id, Remedy) clearing every finding of that camera.</extracomment>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Add Suggested Signs</source>
        <extracomment>The tree&apos;s top-level rows and the finding keys they show, in list order. What the remedy buttons below the list show (rebuilt only when it changes). id(remedy) -&gt; (remedy, language, its text), for the remedies listed now. Widths of names in the list&apos;s font, and the widest names when the columns were last fitted. Entity id -&gt; the name to show (the window sets it to the project&apos;s names).</extracomment>
        <translation>添加建议的提示标识</translation>
    </message>
    <message>
        <source>Place every notice sign the checks ask for, as one undoable step</source>
        <translation>一次放置检查要求的全部提示标识（可一步撤销）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Remedies:</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <source>Fix All for This Camera</source>
        <translation>一次修正此摄像机的全部问题</translation>
    </message>
    <message>
        <source>Point to preview it on the plan; click to apply it</source>
        <translation>指向即在平面上预览，点击即应用</translation>
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>检查结果（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Findings (checks failed)</source>
        <translation>检查结果（检查未能运行）</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Shift (while aiming)</source>
        <extracomment>Keys of the plan&apos;s gestures, which no menu item shows.</extracomment>
        <translation>Shift（调整朝向时）</translation>
    </message>
    <message>
        <source>Turn in steps of 15°</source>
        <translation>以 15° 为步长转动</translation>
    </message>
    <message>
        <source>Alt (while placing)</source>
        <translation>Alt（放置时）</translation>
    </message>
    <message>
        <source>Place without snapping</source>
        <translation>不吸附地放置</translation>
    </message>
    <message>
        <source>Space + drag, middle button</source>
        <translation>空格 + 拖动、中键</translation>
    </message>
    <message>
        <source>Pan the plan</source>
        <translation>平移平面图</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zoom the plan</source>
        <translation>缩放平面图</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the drawing or the drag</source>
        <translation>取消绘制或拖动</translation>
    </message>
    <message>
        <source>Right button</source>
        <translation>右键</translation>
    </message>
    <message>
        <source>Actions for what is under the pointer</source>
        <translation>对指针下的对象执行操作</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>从这里开始</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>Review imported zones</source>
        <extracomment>Suggestions below this confidence are highlighted for a closer look. What the user can say a layer is, and the import option each choice feeds. The id of the level shown (``None`` before one is).</extracomment>
        <translation>核对导入的区域</translation>
    </message>
    <message>
        <source>Check the use of every zone before the first check: private spaces (restrooms, changing rooms, guest rooms …) must be marked as such. Rows in yellow are guesses.</source>
        <translation>首次检查前请核对每个区域的用途：私密空间（卫生间、更衣室、客房……）必须正确标注。黄色行是推测结果。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Label in the plan</source>
        <translation>图中标注</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Confirm uses</source>
        <translation>确认用途</translation>
    </message>
    <message>
        <source>Level shown</source>
        <translation>显示的楼层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>This layer is</source>
        <translation>此图层是</translation>
    </message>
    <message>
        <source>Import again with these layers</source>
        <translation>按这些图层重新导入</translation>
    </message>
    <message>
        <source>{0} zones, {1} walls, {2} doors and windows</source>
        <translation>{0} 个区域，{1} 道墙，{2} 个门窗</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>as found</source>
        <translation>按识别结果</translation>
    </message>
    <message>
        <source>walls</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>doors</source>
        <translation>门</translation>
    </message>
    <message>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>“{0}” is not a number; enter {1} to {2}{3}. The value was not changed.</source>
        <translation>“{0}”不是数字；请输入 {1} 到 {2}{3}。数值未更改。</translation>
    </message>
    <message>
        <source>{0}{3} is out of range; enter {1} to {2}{3}. The value was not changed.</source>
        <translation>{0}{3} 超出范围；请输入 {1} 到 {2}{3}。数值未更改。</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Backgrounds</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Walls and openings</source>
        <translation>墙与门窗</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <source>Pixel-density bands (all cameras)</source>
        <translation>像素密度分带（全部摄像机）</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>提示标识</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open the sample</source>
        <extracomment>The desktop entry&apos;s id (packaging/linux/DESKTOP_ID.desktop). Set once the editor has started: later starts reopen the last file instead of the sample.</extracomment>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Not done: </source>
        <extracomment>Closest zoom when focusing a finding (pixels per metre).</extracomment>
        <translation>未执行：</translation>
    </message>
    <message>
        <source>The checks could not run: </source>
        <translation>检查无法运行：</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{0} (imported from {1}, not saved yet)</source>
        <translation>{0}（从 {1} 导入，尚未保存）</translation>
    </message>
    <message>
        <source>Import a plan (DXF, IMDF, image or PDF)</source>
        <translation>导入平面图（DXF、IMDF、图片或 PDF）</translation>
    </message>
    <message>
        <source>Calibrate the scale on a plan image</source>
        <translation>在平面图图片上校准比例</translation>
    </message>
    <message>
        <source>Draw rooms</source>
        <translation>绘制房间</translation>
    </message>
    <message>
        <source>Place cameras</source>
        <translation>布置摄像机</translation>
    </message>
    <message>
        <source>Check: the findings below follow every edit</source>
        <translation>检查：下方的检查结果随每次编辑更新</translation>
    </message>
    <message>
        <source>Print the signs</source>
        <translation>打印提示标识</translation>
    </message>
    <message>
        <source>Show its findings</source>
        <translation>显示其检查结果</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Switch face recognition of {0}</source>
        <translation>切换{0}的人脸识别</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Change use of {0}</source>
        <translation>更改{0}的用途</translation>
    </message>
    <message>
        <source>Place a camera here</source>
        <translation>在此处放置摄像机</translation>
    </message>
    <message>
        <source>corner</source>
        <translation>角点</translation>
    </message>
    <message>
        <source>on edge</source>
        <translation>边线上</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>1 m = {0} px  (≈1:{1})</source>
        <translation>1 米 = {0} 像素（≈1:{1}）</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <source>Click two points to measure their distance</source>
        <translation>点击两点测量距离</translation>
    </message>
    <message>
        <source>Distance: {0} m, bearing {1}°</source>
        <translation>距离：{0} 米，方位 {1}°</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source> (private)</source>
        <translation>（私密）</translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation>不透明</translation>
    </message>
    <message>
        <source>Glass (see-through)</source>
        <translation>玻璃（透明）</translation>
    </message>
    <message>
        <source>Frosted glass</source>
        <translation>磨砂玻璃</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Doorway</source>
        <translation>门洞</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定式</translation>
    </message>
    <message>
        <source>PTZ (pan-tilt-zoom)</source>
        <translation>云台（PTZ）</translation>
    </message>
    <message>
        <source>Fisheye (360°)</source>
        <translation>鱼眼（360°）</translation>
    </message>
    <message>
        <source>face-recognition notice</source>
        <translation>人脸识别提示</translation>
    </message>
    <message>
        <source>CCTV notice</source>
        <translation>视频监控提示</translation>
    </message>
    <message>
        <source>{0} entrance</source>
        <translation>{0}入口</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Sign at {0}</source>
        <translation>{0}的标识</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场所</translation>
    </message>
</context>
<context>
    <name>OpeningTool</name>
    <message>
        <source>Click on a wall to place it ({0} m wide; change the width in the Tools panel)</source>
        <translation>点击墙体放置（宽 {0} 米；可在工具面板中修改宽度）</translation>
    </message>
    <message>
        <source>Click on a wall or a zone edge long enough for the opening</source>
        <translation>请点击足够长的墙体或区域边线</translation>
    </message>
    <message>
        <source>Add a door</source>
        <translation>添加门</translation>
    </message>
    <message>
        <source>Add a doorway</source>
        <translation>添加门洞</translation>
    </message>
    <message>
        <source>Add a window</source>
        <translation>添加窗</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <source>Properties</source>
        <extracomment>Field name -&gt; the line under it that says why an input was refused. Interval of the fields&apos; updates during a drag (ms).</extracomment>
        <translation>属性</translation>
    </message>
    <message>
        <source>Open or create a project</source>
        <translation>请打开或新建项目</translation>
    </message>
    <message>
        <source>Select one item to edit its properties. Drag to move them together; Delete removes them.</source>
        <translation>选择单个对象以编辑其属性。拖动可整体移动；按 Delete 删除。</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>未应用：{0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename level {0}</source>
        <translation>重命名楼层 {0}</translation>
    </message>
    <message>
        <source>Elevation</source>
        <translation>标高</translation>
    </message>
    <message>
        <source>Change elevation of level {0}</source>
        <translation>修改楼层 {0} 的标高</translation>
    </message>
    <message>
        <source>Ceiling height</source>
        <translation>层高</translation>
    </message>
    <message>
        <source>Change ceiling height of level {0}</source>
        <translation>修改楼层 {0} 的层高</translation>
    </message>
    <message>
        <source>Background opacity</source>
        <translation>底图不透明度</translation>
    </message>
    <message>
        <source>Change background opacity</source>
        <translation>修改底图不透明度</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Rename zone {0}</source>
        <translation>重命名区域 {0}</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Change use of zone {0}</source>
        <translation>修改区域 {0} 的用途</translation>
    </message>
    <message>
        <source>Ceiling (0: the level&apos;s)</source>
        <translation>吊顶高度（0：同楼层）</translation>
    </message>
    <message>
        <source>Change ceiling of zone {0}</source>
        <translation>修改区域 {0} 的吊顶高度</translation>
    </message>
    <message>
        <source>as the level</source>
        <translation>同楼层</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Overrides the coverage profile for this zone (private uses are never watched)</source>
        <translation>为此区域覆盖覆盖要求配置（私密空间永不监控）</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>不监控</translation>
    </message>
    <message>
        <source>Detect (25 px/m)</source>
        <translation>侦测（25 像素/米）</translation>
    </message>
    <message>
        <source>Observe (62.5 px/m)</source>
        <translation>观察（62.5 像素/米）</translation>
    </message>
    <message>
        <source>Recognise (125 px/m)</source>
        <translation>识别（125 像素/米）</translation>
    </message>
    <message>
        <source>Identify (250 px/m)</source>
        <translation>辨认（250 像素/米）</translation>
    </message>
    <message>
        <source>As the profile says</source>
        <translation>按覆盖要求配置</translation>
    </message>
    <message>
        <source>Change coverage of zone {0}</source>
        <translation>更改区域 {0} 的覆盖要求</translation>
    </message>
    <message>
        <source>Thickness</source>
        <translation>厚度</translation>
    </message>
    <message>
        <source>Change thickness of wall {0}</source>
        <translation>修改墙 {0} 的厚度</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材质</translation>
    </message>
    <message>
        <source>Change material of wall {0}</source>
        <translation>修改墙 {0} 的材质</translation>
    </message>
    <message>
        <source>Height (0: full)</source>
        <translation>高度（0：通高）</translation>
    </message>
    <message>
        <source>Change height of wall {0}</source>
        <translation>修改墙 {0} 的高度</translation>
    </message>
    <message>
        <source>floor to ceiling</source>
        <translation>通高</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Change kind of opening {0}</source>
        <translation>修改开口 {0} 的类型</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Resize opening {0}</source>
        <translation>修改开口 {0} 的宽度</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>Rename camera {0}</source>
        <translation>重命名摄像机 {0}</translation>
    </message>
    <message>
        <source>Position x</source>
        <translation>位置 x</translation>
    </message>
    <message>
        <source>Position y</source>
        <translation>位置 y</translation>
    </message>
    <message>
        <source>Move camera {0}</source>
        <translation>移动摄像机 {0}</translation>
    </message>
    <message>
        <source>Mounting height</source>
        <translation>安装高度</translation>
    </message>
    <message>
        <source>Change mounting height of camera {0}</source>
        <translation>修改摄像机 {0} 的安装高度</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>朝向</translation>
    </message>
    <message>
        <source>Aim camera {0}</source>
        <translation>调整摄像机 {0} 的朝向</translation>
    </message>
    <message>
        <source>Field of view</source>
        <translation>水平视场角</translation>
    </message>
    <message>
        <source>Change field of view of camera {0}</source>
        <translation>修改摄像机 {0} 的视场角</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Automatic range: as far as the pixel density reaches the detect level (25 px/m)</source>
        <translation>自动距离：像素密度降至可探测级别（25 像素/米）处为止</translation>
    </message>
    <message>
        <source>Tilt camera {0}</source>
        <translation>修改摄像机 {0} 的俯角</translation>
    </message>
    <message>
        <source>Self-closing (checked shut)</source>
        <translation>自闭门（按关闭检查）</translation>
    </message>
    <message>
        <source>Switch self-closing of door {0}</source>
        <translation>切换门 {0} 的自闭设置</translation>
    </message>
    <message>
        <source>A door that closes by itself (guest rooms, toilet cubicles): views are judged with it shut, and what a camera sees while it stands open is a warning</source>
        <translation>会自动关闭的门（客房、卫生间隔间）：按门关闭判断视野；门开启时摄像机能看到的部分作为警告列出</translation>
    </message>
    <message>
        <source>(none: on no wall)</source>
        <translation>（无：不在墙上）</translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation>俯角</translation>
    </message>
    <message>
        <source>Angle of the optical axis below the horizontal (90°: straight down)</source>
        <translation>光轴低于水平面的角度（90°：垂直向下）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Change resolution of camera {0}</source>
        <translation>修改摄像机 {0} 的分辨率</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>作用距离</translation>
    </message>
    <message>
        <source>Change range of camera {0}</source>
        <translation>修改摄像机 {0} 的作用距离</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Switch face recognition of camera {0}</source>
        <translation>切换摄像机 {0} 的人脸识别</translation>
    </message>
    <message>
        <source>Change kind of camera {0}</source>
        <translation>修改摄像机 {0} 的类型</translation>
    </message>
    <message>
        <source>none, e.g. -20..-5; 10..30</source>
        <translation>无，例如 -20..-5; 10..30</translation>
    </message>
    <message>
        <source>Masked angles off the optical axis in degrees, clockwise positive</source>
        <translation>相对光轴的遮挡角度（度，顺时针为正）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Privacy masks</source>
        <translation>隐私遮挡</translation>
    </message>
    <message>
        <source>Change privacy masks of camera {0}</source>
        <translation>修改摄像机 {0} 的隐私遮挡</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message numerus="yes">
        <source>%n items selected</source>
        <translation>
            <numerusform>已选择 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} m² seen, reach {1} m</source>
        <translation>可见面积 {0} 平方米，最远 {1} 米</translation>
    </message>
    <message>
        <source>faces identifiable over {0} m²</source>
        <translation>可识别人脸面积 {0} 平方米</translation>
    </message>
    <message>
        <source>Lens calculator</source>
        <translation>镜头计算器</translation>
    </message>
    <message>
        <source>Use this field of view</source>
        <translation>使用此视场角</translation>
    </message>
    <message>
        <source>Sensor format</source>
        <translation>传感器尺寸</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>焦距</translation>
    </message>
    <message>
        <source>Set lens of camera {0} to {1} mm</source>
        <translation>将摄像机 {0} 的镜头设为 {1} 毫米</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用此型号</translation>
    </message>
    <message>
        <source>Catalogue model</source>
        <translation>产品目录型号</translation>
    </message>
    <message>
        <source>Set camera {0} to {1}</source>
        <translation>将摄像机 {0} 设为 {1}</translation>
    </message>
    <message>
        <source>Rename sign {0}</source>
        <translation>重命名标识 {0}</translation>
    </message>
    <message>
        <source>Change kind of sign {0}</source>
        <translation>修改标识 {0} 的类型</translation>
    </message>
    <message>
        <source>Move sign {0}</source>
        <translation>移动标识 {0}</translation>
    </message>
    <message>
        <source>Facing</source>
        <translation>朝向</translation>
    </message>
    <message>
        <source>Turn sign {0}</source>
        <translation>转动标识 {0}</translation>
    </message>
    <message>
        <source>Change mounting height of sign {0}</source>
        <translation>修改标识 {0} 的安装高度</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张尺寸</translation>
    </message>
    <message>
        <source>Change paper size of sign {0}</source>
        <translation>修改标识 {0} 的纸张尺寸</translation>
    </message>
</context>
<context>
    <name>RectangleTool</name>
    <message>
        <source>Drag from one corner to the opposite corner (or click both corners)</source>
        <extracomment>Fewest points of a finished shape. The shape is a closed ring (a room or zone) rather than a polyline. Fill of the preview of closed shapes.</extracomment>
        <translation>从一个角拖到对角（或分别点击两个角）</translation>
    </message>
</context>
<context>
    <name>RoomTool</name>
    <message>
        <source>Add zone ({0})</source>
        <translation>添加区域（{0}）</translation>
    </message>
    <message>
        <source>Add room ({0})</source>
        <translation>添加房间（{0}）</translation>
    </message>
    <message>
        <source>Click the corners of the room; click the first corner, double-click or press Enter to close it; Esc cancels</source>
        <translation>依次点击房间的各个角点；点击第一个角点、双击或按 Enter 闭合；Esc 取消</translation>
    </message>
    <message>
        <source>Click the corners of the zone (no walls); click the first corner, double-click or press Enter to close it; Esc cancels</source>
        <translation>依次点击区域（不含墙）的各个角点；点击第一个角点、双击或按 Enter 闭合；Esc 取消</translation>
    </message>
</context>
<context>
    <name>SelectTool</name>
    <message>
        <source>Click to select, Shift+click to add, drag to move or to select an area; drag a camera&apos;s handles to aim it</source>
        <extracomment>Camera handle distance from the camera, in screen pixels. A press becomes a drag after the pointer moved this far (pixels).</extracomment>
        <translation>单击选择，Shift+单击追加，拖动可移动对象或框选；拖动摄像机的控制点可调整朝向</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>移动 {0}</translation>
    </message>
    <message>
        <source>Turn {0}</source>
        <translation>转动{0}</translation>
    </message>
    <message>
        <source>Aim {0}</source>
        <translation>调整{0}朝向</translation>
    </message>
    <message>
        <source>Change field of view of {0}</source>
        <translation>更改{0}的视场角</translation>
    </message>
    <message>
        <source>Move {n} items</source>
        <translation>移动 {n} 项</translation>
    </message>
    <message>
        <source>Reshape {0}</source>
        <translation>修改 {0} 的形状</translation>
    </message>
</context>
<context>
    <name>SignTool</name>
    <message>
        <source>Press where the sign hangs and drag toward the people approaching it; Esc cancels</source>
        <translation>在标识安装位置按下鼠标，朝来人方向拖动；Esc 取消</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>添加{0}</translation>
    </message>
</context>
<context>
    <name>Suggest</name>
    <message>
        <source>door {0}</source>
        <extracomment>Workers still running (kept alive past their window: a QThread must not be destroyed while it runs).</extracomment>
        <translation>门口 {0}</translation>
    </message>
    <message>
        <source>Suggested Cameras</source>
        <translation>建议的摄像机</translation>
    </message>
    <message>
        <source>{0} cameras, relative cost {1}; {2} of {3} m² required met at the required density ({4} m² reachable at all).</source>
        <translation>{0} 台摄像机，相对成本 {1}；须监控的 {3} 平方米中 {2} 平方米达到所需密度（可达到的共 {4} 平方米）。</translation>
    </message>
    <message>
        <source>Solver bound {0}, gap {1} %.</source>
        <translation>求解下界 {0}，差距 {1}%。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Requires</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Required m²</source>
        <translation>须监控（平方米）</translation>
    </message>
    <message>
        <source>Met m²</source>
        <translation>已达到（平方米）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Place Checked Cameras</source>
        <translation>放置勾选的摄像机</translation>
    </message>
    <message>
        <source>Suggest &amp;Cameras…</source>
        <extracomment>Emitted when a proposal is ready (shown) or failed. Solver time limit in the editor (seconds).</extracomment>
        <translation>建议摄像机布局(&amp;C)…</translation>
    </message>
    <message>
        <source>Propose cameras for this level (or the selected zones) that cover what must be watched, out of every private space</source>
        <translation>为本楼层（或所选区域）建议摄像机，覆盖须监控的范围，且不拍摄任何私密空间</translation>
    </message>
    <message>
        <source>Suggesting cameras…</source>
        <translation>正在计算摄像机布局…</translation>
    </message>
    <message>
        <source>Suggest Cameras</source>
        <translation>建议摄像机布局</translation>
    </message>
    <message>
        <source>Suggest {0} cameras</source>
        <translation>建议 {0} 台摄像机</translation>
    </message>
</context>
<context>
    <name>ToolsPanel</name>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>New items</source>
        <translation>新建对象</translation>
    </message>
    <message>
        <source>Room use</source>
        <translation>房间用途</translation>
    </message>
    <message>
        <source>Wall thickness</source>
        <translation>墙厚</translation>
    </message>
    <message>
        <source>Wall material</source>
        <translation>墙体材质</translation>
    </message>
    <message>
        <source>Door width</source>
        <translation>门宽</translation>
    </message>
    <message>
        <source>Doorway width</source>
        <translation>门洞宽</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>窗宽</translation>
    </message>
    <message>
        <source>Camera field of view</source>
        <translation>摄像机视场角</translation>
    </message>
    <message>
        <source>Camera height</source>
        <translation>摄像机安装高度</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Sign paper</source>
        <translation>标识纸张</translation>
    </message>
</context>
<context>
    <name>Uses</name>
    <message>
        <source>Hotel guest room</source>
        <translation>客房</translation>
    </message>
    <message>
        <source>Private dining room</source>
        <translation>包间</translation>
    </message>
    <message>
        <source>Dormitory room</source>
        <translation>宿舍房间</translation>
    </message>
    <message>
        <source>Staff rest room</source>
        <translation>员工休息室</translation>
    </message>
    <message>
        <source>Restroom</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>Bath / shower</source>
        <translation>浴室/淋浴间</translation>
    </message>
    <message>
        <source>Changing room</source>
        <translation>更衣室</translation>
    </message>
    <message>
        <source>Fitting room</source>
        <translation>试衣间</translation>
    </message>
    <message>
        <source>Lactation room</source>
        <translation>哺乳室</translation>
    </message>
    <message>
        <source>Lobby</source>
        <translation>大堂</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>走廊</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Elevator lobby</source>
        <translation>电梯厅</translation>
    </message>
    <message>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <source>Stairs</source>
        <translation>楼梯</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <source>Restaurant</source>
        <translation>餐厅</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Meeting room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Gym</source>
        <translation>健身房</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>泳池</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>后勤设备区</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>储藏室</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <source>Venue &amp; Notice</source>
        <extracomment>One-line text fields, in the order shown. Fields that often take a sentence or two.</extracomment>
        <translation>场所与告知</translation>
    </message>
    <message>
        <source>Venue and notice</source>
        <translation>场所与告知</translation>
    </message>
    <message>
        <source>Face recognition duties</source>
        <translation>人脸识别义务</translation>
    </message>
    <message>
        <source>Notices and signs show these facts; face recognition needs all of them (operator, contact, purpose, retention, rights, alternative).</source>
        <translation>告知与提示标识会显示这些信息；使用人脸识别时须全部填写（运营者、联系方式、目的、保存期限、权利行使方式、替代方式）。</translation>
    </message>
    <message>
        <source>e.g. 30 days</source>
        <translation>例如 30 天</translation>
    </message>
    <message>
        <source>e.g. on the device only</source>
        <translation>例如 仅存储于设备本地</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成于</translation>
    </message>
    <message>
        <source>Filing with the provincial cyberspace administration is required when face data of 100,000 people or more is stored.</source>
        <translation>存储 10 万人以上人脸信息的，应向所在地省级网信部门备案。</translation>
    </message>
</context>
<context>
    <name>WallTool</name>
    <message>
        <source>Click the corners of the wall; double-click or Enter to finish, click the first corner to close it, Backspace removes the last corner, Esc cancels</source>
        <translation>依次点击墙的各个拐点；双击或按 Enter 结束，点击第一个拐点可闭合，Backspace 删除上一个拐点，Esc 取消</translation>
    </message>
    <message>
        <source>Add a wall</source>
        <translation>添加墙</translation>
    </message>
</context>
</TS>
