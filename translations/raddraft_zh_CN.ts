<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConsistencyChecker</name>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>印象</translation>
    </message>
    <message>
        <source>%1 sentence %2</source>
        <translation>%1第 %2 句</translation>
    </message>
    <message>
        <source>%1 says %2</source>
        <translation>%1称存在%2</translation>
    </message>
    <message>
        <source>%1 says no %2</source>
        <translation>%1称无%2</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it present.</source>
        <translation>%1，但标注者已将其标记为存在。</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it absent.</source>
        <translation>%1，但标注者已将其标记为不存在。</translation>
    </message>
    <message>
        <source>%1, but the model finds it present (%2 ≥ %3).</source>
        <translation>%1，但模型判定为存在（%2 ≥ %3）。</translation>
    </message>
    <message>
        <source>%1, but the model finds it absent (%2 &lt; %3).</source>
        <translation>%1，但模型判定为不存在（%2 &lt; %3）。</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>cardiomegaly</source>
        <translation>心脏增大</translation>
    </message>
    <message>
        <source>scoliosis</source>
        <translation>脊柱侧弯</translation>
    </message>
    <message>
        <source>fracture</source>
        <translation>骨折</translation>
    </message>
    <message>
        <source>pleural effusion</source>
        <translation>胸腔积液</translation>
    </message>
    <message>
        <source>pleural thickening</source>
        <translation>胸膜增厚</translation>
    </message>
    <message>
        <source>pneumothorax</source>
        <translation>气胸</translation>
    </message>
    <message>
        <source>hiatal hernia</source>
        <translation>食管裂孔疝</translation>
    </message>
    <message>
        <source>calcinosis</source>
        <translation>钙化</translation>
    </message>
    <message>
        <source>emphysema</source>
        <translation>肺气肿</translation>
    </message>
    <message>
        <source>pneumonia</source>
        <translation>肺炎</translation>
    </message>
    <message>
        <source>pulmonary edema</source>
        <translation>肺水肿</translation>
    </message>
    <message>
        <source>atelectasis</source>
        <translation>肺不张</translation>
    </message>
    <message>
        <source>cicatrix</source>
        <translation>瘢痕</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>密度增高影</translation>
    </message>
    <message>
        <source>nodule</source>
        <translation>结节</translation>
    </message>
    <message>
        <source>airspace disease</source>
        <translation>气腔病变</translation>
    </message>
    <message>
        <source>hypoinflation</source>
        <translation>肺充气不足</translation>
    </message>
    <message>
        <source>medical device</source>
        <translation>医疗器械</translation>
    </message>
    <message>
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>无异常发现</translation>
    </message>
    <message>
        <source>enlarged cardiomediastinum</source>
        <translation>心纵隔影增宽</translation>
    </message>
    <message>
        <source>lung lesion</source>
        <translation>肺部病变</translation>
    </message>
    <message>
        <source>lung opacity</source>
        <translation>肺部阴影</translation>
    </message>
    <message>
        <source>edema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>consolidation</source>
        <translation>实变</translation>
    </message>
    <message>
        <source>pleural other</source>
        <translation>其他胸膜病变</translation>
    </message>
    <message>
        <source>support devices</source>
        <translation>支持装置</translation>
    </message>
    <message>
        <source>scoliosis/degenerative</source>
        <translation>脊柱侧弯/退行性改变</translation>
    </message>
    <message>
        <source>nodule/mass</source>
        <translation>结节/肿块</translation>
    </message>
</context>
<context>
    <name>HeatmapOverlayPainter</name>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>scaled to this map&apos;s max</source>
        <translation>按此热图最大值缩放</translation>
    </message>
    <message>
        <source>max = %1</source>
        <translation>最大值 = %1</translation>
    </message>
</context>
<context>
    <name>Measurement</name>
    <message>
        <source>%1 mm (detector)</source>
        <translation>%1 mm（探测器）</translation>
    </message>
</context>
<context>
    <name>MemoryDraftRepository</name>
    <message>
        <source>no edit log is open; edits are kept in memory only</source>
        <translation>未打开编辑日志；编辑仅保存在内存中</translation>
    </message>
</context>
<context>
    <name>OverlaySource</name>
    <message>
        <source>Sentence %1</source>
        <translation>第 %1 句</translation>
    </message>
    <message>
        <source>Word “%1”</source>
        <translation>词“%1”</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Graph node %1 (%2)</source>
        <translation>图节点 %1（%2）</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>主题 %1</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 %2 (%3), bundle %4</source>
        <translation>%1 %2（%3），模型包 %4</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1：无法写入报告（%2）</translation>
    </message>
    <message>
        <source>Signed: not signed (draft)</source>
        <translation>签发：未签发（草稿）</translation>
    </message>
    <message>
        <source>Signed: %1, %2</source>
        <translation>签发：%1，%2</translation>
    </message>
    <message>
        <source>Study: %1</source>
        <translation>检查：%1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>导出时间：%1</translation>
    </message>
    <message>
        <source>RadDraft report</source>
        <translation>RadDraft 报告</translation>
    </message>
    <message>
        <source>(The report has no text.)</source>
        <translation>（报告无文本。）</translation>
    </message>
    <message>
        <source>RadDraft report %1</source>
        <translation>RadDraft 报告 %1</translation>
    </message>
</context>
<context>
    <name>SentenceAlternatives</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>report %1 (%2)</source>
        <translation>报告 %1（%2）</translation>
    </message>
</context>
<context>
    <name>WindowPresets</name>
    <message>
        <source>Full range</source>
        <translation>全范围</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>文件窗 %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>File VOI LUT %1</source>
        <translation>文件 VOI LUT %1</translation>
    </message>
    <message>
        <source>File LUT: %1</source>
        <translation>文件 LUT：%1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Soft tissue 40/400</source>
        <translation>软组织 40/400</translation>
    </message>
    <message>
        <source>Lung −600/1500</source>
        <translation>肺 −600/1500</translation>
    </message>
    <message>
        <source>Bone 480/2500</source>
        <translation>骨 480/2500</translation>
    </message>
    <message>
        <source>Brain 40/80</source>
        <translation>脑 40/80</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RadDraft radiology reporting workstation</source>
        <translation>RadDraft 放射学报告工作站</translation>
    </message>
    <message>
        <source>DICOM file, folder or DICOMDIR to open (default: the last study)</source>
        <translation>要打开的 DICOM 文件、文件夹或 DICOMDIR（默认：上次的检查）</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the study (with --draft: its draft) is on screen, then quit.</source>
        <translation>在检查（使用 --draft 时为其草稿）显示后将窗口保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Initial window size, e.g. 1600x1000.</source>
        <translation>初始窗口大小，例如 1600x1000。</translation>
    </message>
    <message>
        <source>Model bundle folder to draft with (default: the one chosen last).</source>
        <translation>用于起草的模型包文件夹（默认：上次选择的）。</translation>
    </message>
    <message>
        <source>Draft the report as soon as the study is on screen.</source>
        <translation>检查显示后立即起草报告。</translation>
    </message>
    <message>
        <source>With --draft: select sentence N (1 = first) of the draft and show its map.</source>
        <translation>配合 --draft：选择草稿的第 N 句（1 = 第一句）并显示其热图。</translation>
    </message>
    <message>
        <source>Edit log (SQLite) to keep drafts and every edit in (default: the setting, else %1).</source>
        <translation>保存草稿和每次编辑的编辑日志（SQLite）（默认：设置中的路径，否则为 %1）。</translation>
    </message>
    <message>
        <source>Your name, stamped on every edit and sign-off (default: the name given before).</source>
        <translation>您的姓名，记录在每次编辑和签发上（默认：之前输入的姓名）。</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de or zh_CN (default: the setting, else the system&apos;s).</source>
        <translation>本次运行的界面语言：en、de 或 zh_CN（默认：设置中的语言，否则为系统语言）。</translation>
    </message>
    <message>
        <source>Compare the installed models on the study as soon as it is on screen (with --screenshot: grab the comparison).</source>
        <translation>检查显示后立即比较已安装的模型（与 --screenshot 一起使用：截取比较窗口）。</translation>
    </message>
</context>
<context>
    <name>raddraft::mpr::MprSliceView</name>
    <message>
        <source>Axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>无容积数据</translation>
    </message>
    <message>
        <source>%1  %2/%3</source>
        <translation>%1  %2/%3</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
</context>
<context>
    <name>raddraft::mpr::MprView</name>
    <message>
        <source>CT soft tissue</source>
        <translation>CT 软组织</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <source>Window preset</source>
        <translation>窗预设</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>无容积数据</translation>
    </message>
    <message>
        <source>(no series description)</source>
        <translation>（无序列描述）</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 voxels</source>
        <translation>%1 × %2 × %3 体素</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 mm</source>
        <translation>%1 × %2 × %3 mm</translation>
    </message>
    <message>
        <source>Crosshair (x, y, z): %1, %2, %3 mm</source>
        <translation>十字线 (x, y, z)：%1, %2, %3 mm</translation>
    </message>
    <message>
        <source>Value: %1 %2</source>
        <translation>值：%1 %2</translation>
    </message>
    <message>
        <source>Value: outside the volume</source>
        <translation>值：容积之外</translation>
    </message>
    <message>
        <source>Window: W %1  L %2</source>
        <translation>窗：W %1  L %2</translation>
    </message>
    <message>
        <source>Wheel: move through slices
Left drag: window (right = wider, down = higher level)
Click: move the crosshair</source>
        <translation>滚轮：逐层浏览
左键拖动：调窗（向右 = 窗宽增大，向下 = 窗位升高）
单击：移动十字线</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftPane</name>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>正在准备图像…</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <source>Encoding the image features…</source>
        <translation>正在编码图像特征…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在撰写报告…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>AI text</source>
        <translation>AI 文本</translation>
    </message>
    <message>
        <source>AI text, edited</source>
        <translation>AI 文本（已编辑）</translation>
    </message>
    <message>
        <source>written here</source>
        <translation>在此撰写</translation>
    </message>
    <message>
        <source>chosen alternative</source>
        <translation>选用的替代句</translation>
    </message>
    <message>
        <source>○ to review ✓ accepted ✗ rejected</source>
        <translation>○ 待审阅 ✓ 已接受 ✗ 已拒绝</translation>
    </message>
    <message>
        <source>Drafted earlier by %1 on %2.</source>
        <translation>此前已由 %1 在 %2 上起草。</translation>
    </message>
    <message>
        <source>Drafted by %1 on %2 in %3 s.</source>
        <translation>由 %1 在 %2 上起草，用时 %3 秒。</translation>
    </message>
    <message numerus="yes">
        <source>Restored as it was left (%n logged edit(s)).</source>
        <translation>
            <numerusform>已恢复为上次离开时的状态（%n 处已记录的编辑）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a sentence for its evidence; point at a word for its map; type to edit.</source>
        <translation>单击句子查看其依据；指向单词查看其热图；直接输入即可编辑。</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2. The report is locked.</source>
        <translation>已由 %1 于 %2 签发。报告已锁定。</translation>
    </message>
    <message>
        <source>Edits are not being logged: %1</source>
        <translation>编辑未被记录：%1</translation>
    </message>
    <message>
        <source>Click to select the sentence.</source>
        <translation>单击以选中该句。</translation>
    </message>
    <message>
        <source>Consistency: the text agrees with the findings.</source>
        <translation>一致性：文本与所见一致。</translation>
    </message>
    <message numerus="yes">
        <source>Consistency: %n warning(s) — the text contradicts the findings.</source>
        <translation>
            <numerusform>一致性：%n 条警告 — 文本与所见矛盾。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftingWorkspace</name>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>Drafting failed: %1</source>
        <translation>起草失败：%1</translation>
    </message>
    <message>
        <source>Drafting failed</source>
        <translation>起草失败</translation>
    </message>
    <message>
        <source>Drafting cancelled; no draft was made.</source>
        <translation>已取消起草；未生成草稿。</translation>
    </message>
    <message>
        <source>%1: the model gives no map for this.</source>
        <translation>%1：模型未为此提供热图。</translation>
    </message>
    <message>
        <source>Choose a model bundle folder</source>
        <translation>选择模型包文件夹</translation>
    </message>
    <message>
        <source>Not a model bundle</source>
        <translation>不是模型包</translation>
    </message>
    <message>
        <source>the edit log %1 cannot be used (%2); drafts and edits are kept in memory only and are lost when RadDraft closes</source>
        <translation>无法使用编辑日志 %1（%2）；草稿和编辑仅保存在内存中，RadDraft 关闭后将丢失</translation>
    </message>
    <message>
        <source>Edit log unavailable</source>
        <translation>编辑日志不可用</translation>
    </message>
    <message>
        <source>The edit log %1 cannot be used: %2

You can keep working: what is on screen stays, but drafts and edits are NOT being logged and are lost when RadDraft closes. Close the other program that uses the file, or start RadDraft with another file (--db PATH).</source>
        <translation>无法使用编辑日志 %1：%2

您可以继续工作：屏幕上的内容保持不变，但草稿和编辑不会被记录，RadDraft 关闭后将丢失。请关闭正在使用该文件的其他程序，或使用其他文件启动 RadDraft（--db PATH）。</translation>
    </message>
    <message>
        <source>Edit log: %1</source>
        <translation>编辑日志：%1</translation>
    </message>
    <message>
        <source>Edit log: writing works again; nothing was lost.</source>
        <translation>编辑日志：已恢复写入；未丢失任何内容。</translation>
    </message>
    <message>
        <source>Set &amp;User Name…</source>
        <translation>设置用户名(&amp;U)…</translation>
    </message>
    <message>
        <source>Change &amp;User Name (%1)…</source>
        <translation>更改用户名（%1）(&amp;U)…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your name is recorded with every edit of a report and with its sign-off:</source>
        <translation>您的姓名将记录在报告的每次编辑及其签发中：</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1；编辑已保留，每秒重试写入</translation>
    </message>
    <message>
        <source>Sign-off not yet saved</source>
        <translation>签发尚未保存</translation>
    </message>
    <message>
        <source>The sign-off could not be written to the edit log yet: %1

It stays queued and is written again every second; keep RadDraft open until the status bar says writing works again.</source>
        <translation>签发尚未能写入编辑日志：%1

它将保留在队列中并每秒重试写入；请保持 RadDraft 打开，直到状态栏提示已恢复写入。</translation>
    </message>
    <message>
        <source>&amp;Draft Report</source>
        <translation>起草报告(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Draft the report of the displayed study with the chosen model</source>
        <translation>使用所选模型为当前显示的检查起草报告</translation>
    </message>
    <message>
        <source>&amp;Cancel Drafting</source>
        <translation>取消起草(&amp;C)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Show Heatmap &amp;Overlay</source>
        <translation>显示热图叠加(&amp;O)</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay: Filled Colour &amp;Map</source>
        <translation>叠加：填充色图(&amp;M)</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>Overlay: Contour &amp;Lines (50 %, 70 % of max)</source>
        <translation>叠加：等值线（最大值的 50%、70%）(&amp;L)</translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation>Shift+L</translation>
    </message>
    <message>
        <source>Overlay: Thresholded Region and &amp;Box (≥ 70 % of max)</source>
        <translation>叠加：阈值区域和边框（≥ 最大值的 70%）(&amp;B)</translation>
    </message>
    <message>
        <source>Shift+B</source>
        <translation>Shift+B</translation>
    </message>
    <message>
        <source>Overlay: Next Colour Ma&amp;p</source>
        <translation>叠加：下一个色图(&amp;P)</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>&amp;Refresh Model List</source>
        <translation>刷新模型列表(&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Compare &amp;Models…</source>
        <translation>比较模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Draft the displayed study with every installed model and show where the drafts disagree</source>
        <translation>使用每个已安装的模型起草当前检查，并显示草稿之间的分歧</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>The name recorded with every edit and sign-off</source>
        <translation>记录在每次编辑和签发上的姓名</translation>
    </message>
    <message>
        <source>Draft Report</source>
        <translation>报告草稿</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Knowledge Graph</source>
        <translation>知识图谱</translation>
    </message>
    <message>
        <source>Retrieved Reports</source>
        <translation>相似报告</translation>
    </message>
    <message>
        <source>No model chosen: see the Models tab.</source>
        <translation>未选择模型：请查看“模型”选项卡。</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt; %2 · %3</source>
        <translation>模型：&lt;b&gt;%1&lt;/b&gt; %2 · %3</translation>
    </message>
    <message>
        <source>An unsigned report of this study drafted by %1 %2 is in the edit log: choose that model in the Models tab to continue it.</source>
        <translation>编辑日志中有此检查由 %1 %2 起草的未签发报告：请在“模型”选项卡中选择该模型以继续。</translation>
    </message>
    <message>
        <source>Choose a model first (Models tab).</source>
        <translation>请先选择模型（“模型”选项卡）。</translation>
    </message>
    <message>
        <source>Drafting needs a frontal or lateral chest radiograph on screen (ViewPosition PA, AP or LL).</source>
        <translation>起草需要屏幕上显示正位或侧位胸片（ViewPosition 为 PA、AP 或 LL）。</translation>
    </message>
    <message>
        <source>Drafting with %1…</source>
        <translation>正在使用 %1 起草…</translation>
    </message>
    <message>
        <source>No model is installed: there is nothing to compare.</source>
        <translation>未安装任何模型：没有可比较的内容。</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>比较模型</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EditLogDraftRepository</name>
    <message>
        <source>%1 (the stored draft of this study could not be read)</source>
        <translation>%1（无法读取此检查已保存的草稿）</translation>
    </message>
    <message>
        <source>%1; the draft and its edits are kept in memory only</source>
        <translation>%1；草稿及其编辑仅保存在内存中</translation>
    </message>
    <message>
        <source>%1; the report is shown as the model wrote it, and its edits are kept in memory only</source>
        <translation>%1；报告按模型原文显示，其编辑仅保存在内存中</translation>
    </message>
    <message>
        <source>%1; the report continues as a new draft from the edits that were restored</source>
        <translation>%1；报告将根据已恢复的编辑作为新草稿继续</translation>
    </message>
    <message>
        <source>%1; and %2: the restored report is kept in memory only</source>
        <translation>%1；以及 %2：恢复的报告仅保存在内存中</translation>
    </message>
    <message>
        <source>this report is not in the edit log</source>
        <translation>此报告不在编辑日志中</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1；编辑已保留，每秒重试写入</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EvidenceView</name>
    <message>
        <source>Put the caret in a sentence to see its evidence.</source>
        <translation>将光标置于句子中以查看其依据。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>written in the workstation</source>
        <translation>在工作站中撰写</translation>
    </message>
    <message>
        <source>model %1 %2, sentence %3 of its draft</source>
        <translation>模型 %1 %2，其草稿第 %3 句</translation>
    </message>
    <message>
        <source>retrieved report %1</source>
        <translation>相似报告 %1</translation>
    </message>
    <message>
        <source>Originally</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Graph nodes</source>
        <translation>图节点</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>相似报告</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>none from this model</source>
        <translation>此模型未提供</translation>
    </message>
    <message>
        <source>on the views</source>
        <translation>显示在图像上</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>this model&apos;s draft has none for it</source>
        <translation>此模型的草稿中没有相关依据</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>替代句</translation>
    </message>
    <message numerus="yes">
        <source>%n other wording(s) to choose from</source>
        <translation>
            <numerusform>有 %n 种其他措辞可选</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsModel</name>
    <message>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>%1: probability %2, threshold %3 — the model finds it %4</source>
        <translation>%1：概率 %2，阈值 %3 — 模型判定为%4</translation>
    </message>
    <message>
        <source>
An annotator set it to %1.</source>
        <translation>
标注者已将其设为%1。</translation>
    </message>
    <message>
        <source>
No map: the model has no evidence map for this finding.</source>
        <translation>
无热图：模型未为此所见提供依据热图。</translation>
    </message>
    <message>
        <source>
Click to show where the model saw it.</source>
        <translation>
单击以显示模型在何处发现它。</translation>
    </message>
    <message>
        <source>%1, %2 percent, %3</source>
        <translation>%1，百分之 %2，%3</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsPanel</name>
    <message>
        <source>Label:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>无草稿。</translation>
    </message>
    <message>
        <source>This model predicts no findings.</source>
        <translation>此模型不预测任何所见。</translation>
    </message>
    <message>
        <source>%1 of %2 present · decision threshold %3 (the mark on each bar)</source>
        <translation>%2 项中 %1 项存在 · 判定阈值 %3（每个条形上的标记）</translation>
    </message>
    <message numerus="yes">
        <source>· %n corrected by an annotator (✎)</source>
        <translation>
            <numerusform>· %n 项已由标注者更正 (✎)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphPanel</name>
    <message>
        <source>A node supports a sentence when its attention there exceeds this</source>
        <translation>当节点在某句上的注意力超过此值时，即视为支持该句</translation>
    </message>
    <message>
        <source>Nodes at or above this activation are drawn in colour</source>
        <translation>激活值达到或超过此值的节点以彩色绘制</translation>
    </message>
    <message>
        <source>Edges at or above this weight are drawn</source>
        <translation>权重达到或超过此值的边会被绘制</translation>
    </message>
    <message>
        <source>Click a node to see its map and the sentences it supports.</source>
        <translation>单击节点以查看其热图及其支持的句子。</translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation>注意力(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edge</source>
        <translation>边(&amp;E)</translation>
    </message>
    <message>
        <source>%1 supports no sentence of this draft.</source>
        <translation>%1 不支持此草稿中的任何句子。</translation>
    </message>
    <message>
        <source>%1 supports sentence(s) %2.</source>
        <translation>%1 支持第 %2 句。</translation>
    </message>
    <message>
        <source>The model gives it no map on the images.</source>
        <translation>模型未在图像上为其提供热图。</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphView</name>
    <message>
        <source>Knowledge graph: size and colour show each finding&apos;s activation, line width the edge weight. Click a node to show its map and the sentences it supports.</source>
        <translation>知识图谱：大小和颜色表示每个所见的激活程度，线宽表示边的权重。单击节点可显示其热图及其支持的句子。</translation>
    </message>
    <message>
        <source>No knowledge graph: draft a report with a model that has one.</source>
        <translation>无知识图谱：请使用带有知识图谱的模型起草报告。</translation>
    </message>
    <message>
        <source>%1 (group %2): activation %3</source>
        <translation>%1（组 %2）：激活值 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::MainWindow</name>
    <message>
        <source>RadDraft</source>
        <translation>RadDraft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading %1 of %2 files…</source>
        <translation>正在读取第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>Building the volume: slice %1 of %2…</source>
        <translation>正在构建容积：第 %1 层，共 %2 层…</translation>
    </message>
    <message>
        <source>&amp;Open File or DICOMDIR…</source>
        <translation>打开文件或 DICOMDIR(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language, theme and the edit log</source>
        <translation>语言、主题和编辑日志</translation>
    </message>
    <message>
        <source>Layout 1×1</source>
        <translation>布局 1×1</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>Layout 1×2</source>
        <translation>布局 1×2</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>Layout MPR (axial, coronal, sagittal)</source>
        <translation>布局 MPR（轴位、冠状位、矢状位）</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>实际像素 (1:1)(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>反色(&amp;I)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Clockwise</source>
        <translation>顺时针旋转 90°(&amp;C)</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Rotate 90° Counter-clockwise</source>
        <translation>逆时针旋转 90°</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Flip &amp;Horizontally</source>
        <translation>水平翻转(&amp;H)</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Flip &amp;Vertically</source>
        <translation>垂直翻转(&amp;V)</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Corner &amp;Annotations</source>
        <translation>四角信息(&amp;A)</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>&amp;Window/Level Tool</source>
        <translation>窗宽/窗位工具(&amp;W)</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>&amp;Pan Tool</source>
        <translation>平移工具(&amp;P)</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>&amp;Zoom Tool</source>
        <translation>缩放工具(&amp;Z)</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>&amp;Distance Measurement</source>
        <translation>距离测量(&amp;D)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>An&amp;gle Measurement</source>
        <translation>角度测量(&amp;G)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Delete Selected Measurement</source>
        <translation>删除所选测量</translation>
    </message>
    <message>
        <source>Delete All Measurements</source>
        <translation>删除所有测量</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Next Image</source>
        <translation>下一幅图像</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Previous Image</source>
        <translation>上一幅图像</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>First Image</source>
        <translation>第一幅图像</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Last Image</source>
        <translation>最后一幅图像</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Play/Pause &amp;Cine</source>
        <translation>播放/暂停电影模式(&amp;C)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Cine Faster</source>
        <translation>电影模式加速</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Cine Slower</source>
        <translation>电影模式减速</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>Window Preset %1</source>
        <translation>窗预设 %1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About RadDraft</source>
        <translation>关于 RadDraft(&amp;A)</translation>
    </message>
    <message>
        <source>About RadDraft</source>
        <translation>关于 RadDraft</translation>
    </message>
    <message>
        <source>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;Radiology report drafting workstation.&lt;/p&gt;&lt;p&gt;Not for primary diagnosis unless validated in your department.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;放射学报告起草工作站。&lt;/p&gt;&lt;p&gt;未经贵科室验证，不得用于初步诊断。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>窗预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation>图像堆栈(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看器</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>1×1</source>
        <translation>1×1</translation>
    </message>
    <message>
        <source>1×2</source>
        <translation>1×2</translation>
    </message>
    <message>
        <source>MPR</source>
        <translation>MPR</translation>
    </message>
    <message>
        <source>W/L</source>
        <translation>窗宽/窗位</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Open DICOM file, DICOMDIR or image</source>
        <translation>打开 DICOM 文件、DICOMDIR 或图像</translation>
    </message>
    <message>
        <source>DICOM and images (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;All files (*)</source>
        <translation>DICOM 和图像 (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>RadDraft — %1</source>
        <translation>RadDraft — %1</translation>
    </message>
    <message numerus="yes">
        <source>Opening cancelled: %n series found so far</source>
        <translation>
            <numerusform>已取消打开：目前已找到 %n 个序列</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found in %1</source>
        <translation>在 %1 中未找到图像</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message>
        <source>MPR: open a CT or MR series in the active viewport first</source>
        <translation>MPR：请先在活动视口中打开 CT 或 MR 序列</translation>
    </message>
    <message>
        <source>Building the volume of %1…</source>
        <translation>正在构建 %1 的容积…</translation>
    </message>
    <message>
        <source>MPR cancelled</source>
        <translation>已取消 MPR</translation>
    </message>
    <message>
        <source>MPR not possible: see Problems</source>
        <translation>无法进行 MPR：请查看“问题”</translation>
    </message>
    <message>
        <source>MPR: %1 × %2 × %3 voxels</source>
        <translation>MPR：%1 × %2 × %3 体素</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题 (%1)</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelComparisonDialog</name>
    <message>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>not mentioned</source>
        <translation>未提及</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>比较模型</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Not run (cancelled).</source>
        <translation>未运行（已取消）。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Findings as the report labeler reads each draft. Rows where the models disagree come first, marked ⚠; the sentences behind them are highlighted in the drafts above.</source>
        <translation>报告标注器从每份草稿中读出的所见。模型之间存在分歧的行排在前面并标记为 ⚠；其对应的句子在上方的草稿中高亮显示。</translation>
    </message>
    <message>
        <source>Drafting with %1 (%2 of %3): %4</source>
        <translation>正在使用 %1 起草（第 %2 个，共 %3 个）：%4</translation>
    </message>
    <message>
        <source>No model is installed.</source>
        <translation>未安装任何模型。</translation>
    </message>
    <message>
        <source>%1 of %2 models drafted; they disagree on %3 finding(s).</source>
        <translation>%2 个模型中有 %1 个完成起草；它们在 %3 项所见上存在分歧。</translation>
    </message>
    <message>
        <source>%1 models will draft this study.</source>
        <translation>将有 %1 个模型起草此检查。</translation>
    </message>
    <message>
        <source>The models disagree on %1.</source>
        <translation>模型在以下方面存在分歧：%1。</translation>
    </message>
    <message>
        <source>drafted earlier</source>
        <translation>此前已起草</translation>
    </message>
    <message>
        <source>drafted in %1 s</source>
        <translation>起草用时 %1 秒</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelSelector</name>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>No model bundles installed. Put bundle folders into %1, or start RadDraft with --model BUNDLE.</source>
        <translation>未安装模型包。请将模型包文件夹放入 %1，或使用 --model BUNDLE 启动 RadDraft。</translation>
    </message>
    <message>
        <source>Add Bundle…</source>
        <translation>添加模型包…</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · %4 findings · %5</source>
        <translation>%1
%2 · %3 · %4 项所见 · %5</translation>
    </message>
    <message>
        <source>%1
Type: %2
Manifest SHA-256: %3</source>
        <translation>%1
类型：%2
清单 SHA-256：%3</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::OverlayToolBar</name>
    <message>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Contours</source>
        <translation>等值线</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Colour map of the overlay</source>
        <translation>叠加层色图</translation>
    </message>
    <message>
        <source>Opacity of the filled colour map</source>
        <translation>填充色图的不透明度</translation>
    </message>
    <message>
        <source> Opacity </source>
        <translation> 不透明度 </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Dark (for dim reading rooms)</source>
        <translation>深色（适用于昏暗的阅片室）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The new language is used when RadDraft is started again.</source>
        <translation>新语言将在 RadDraft 下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>The theme changes at once. The images are always shown on black.</source>
        <translation>主题立即生效。图像始终以黑色背景显示。</translation>
    </message>
    <message>
        <source>&amp;Edit log:</source>
        <translation>编辑日志(&amp;E)：</translation>
    </message>
    <message>
        <source>The SQLite file that keeps every draft, edit and sign-off. Empty: the default file shown in grey. A new file is used when RadDraft is started again.</source>
        <translation>保存每份草稿、每次编辑和签发的 SQLite 文件。留空：使用灰色显示的默认文件。新文件将在 RadDraft 下次启动时生效。</translation>
    </message>
    <message>
        <source>Edit log</source>
        <translation>编辑日志</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file for the edit log.</source>
        <translation>%1 是文件夹：请为编辑日志选择一个文件。</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportEditor</name>
    <message>
        <source>FINDINGS</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>No draft yet. Choose a model and press Ctrl+D to draft the report.</source>
        <translation>尚无草稿。请选择模型并按 Ctrl+D 起草报告。</translation>
    </message>
    <message>
        <source>IMPRESSION</source>
        <translation>印象</translation>
    </message>
    <message>
        <source>Written by the model %1, unchanged.</source>
        <translation>由模型 %1 撰写，未修改。</translation>
    </message>
    <message>
        <source>Written by the model %1 and edited. The model wrote: “%2”</source>
        <translation>由模型 %1 撰写并经过编辑。模型原文：“%2”</translation>
    </message>
    <message>
        <source>Written in the workstation.</source>
        <translation>在工作站中撰写。</translation>
    </message>
    <message>
        <source>Chosen from the retrieved report %1.</source>
        <translation>选自相似报告 %1。</translation>
    </message>
    <message>
        <source>Chosen from the model %1.</source>
        <translation>选自模型 %1。</translation>
    </message>
    <message>
        <source>Edited since.</source>
        <translation>此后已编辑。</translation>
    </message>
    <message>
        <source>○ Not reviewed yet.</source>
        <translation>○ 尚未审阅。</translation>
    </message>
    <message>
        <source>✓ Accepted.</source>
        <translation>✓ 已接受。</translation>
    </message>
    <message>
        <source>✗ Rejected: left out of the report.</source>
        <translation>✗ 已拒绝：不纳入报告。</translation>
    </message>
    <message>
        <source>Type here to write the findings.</source>
        <translation>在此输入所见。</translation>
    </message>
    <message>
        <source>Type here to write the impression.</source>
        <translation>在此输入印象。</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportReview</name>
    <message>
        <source>Alternatives</source>
        <translation>替代句</translation>
    </message>
    <message>
        <source>&amp;Undo Report Edit</source>
        <translation>撤销报告编辑(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo Report Edit</source>
        <translation>重做报告编辑(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Accept Sentence</source>
        <translation>接受句子(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Accept the sentence with the caret (it stays in the report)</source>
        <translation>接受光标所在的句子（保留在报告中）</translation>
    </message>
    <message>
        <source>✓ Accept</source>
        <translation>✓ 接受</translation>
    </message>
    <message>
        <source>Re&amp;ject Sentence</source>
        <translation>拒绝句子(&amp;J)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Reject the sentence with the caret (it leaves the report; undo brings it back)</source>
        <translation>拒绝光标所在的句子（从报告中移除；撤销可恢复）</translation>
    </message>
    <message>
        <source>✗ Reject</source>
        <translation>✗ 拒绝</translation>
    </message>
    <message>
        <source>Show Sentence &amp;Evidence</source>
        <translation>显示句子依据(&amp;E)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Show the map, findings, graph nodes and retrieved reports behind the sentence</source>
        <translation>显示该句背后的热图、所见、图节点和相似报告</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Replace with A&amp;lternative…</source>
        <translation>替换为其他措辞(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Replace the sentence with another wording, a retrieved report&apos;s or another model&apos;s sentence</source>
        <translation>用其他措辞、相似报告中的句子或其他模型的句子替换该句</translation>
    </message>
    <message>
        <source>Alternatives…</source>
        <translation>替代句…</translation>
    </message>
    <message>
        <source>Label Finding &amp;Present</source>
        <translation>将所见标注为存在(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Label Finding A&amp;bsent</source>
        <translation>将所见标注为不存在(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Label Finding &amp;Uncertain</source>
        <translation>将所见标注为不确定(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>&amp;Sign Off Report…</source>
        <translation>签发报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Sign the report: it is locked and your name and the time are recorded</source>
        <translation>签发报告：报告将被锁定，并记录您的姓名和时间</translation>
    </message>
    <message>
        <source>Sign Off…</source>
        <translation>签发…</translation>
    </message>
    <message>
        <source>Export Report as &amp;Text…</source>
        <translation>将报告导出为文本(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Export the report as text</source>
        <translation>将报告导出为文本</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>将报告导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>将报告导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Text…</source>
        <translation>文本…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the report as text or PDF</source>
        <translation>将报告导出为文本或 PDF</translation>
    </message>
    <message>
        <source>No alternatives for this sentence</source>
        <translation>此句没有替代句</translation>
    </message>
    <message>
        <source>The model&apos;s other wordings</source>
        <translation>模型的其他措辞</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>相似报告</translation>
    </message>
    <message>
        <source>Other models&apos; drafts</source>
        <translation>其他模型的草稿</translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — 来自 %2</translation>
    </message>
    <message>
        <source>Sign off the report</source>
        <translation>签发报告</translation>
    </message>
    <message>
        <source>Sign off this report as %1?

The report is then locked: it can be exported, but no longer changed.</source>
        <translation>以 %1 的身份签发此报告？

报告随后将被锁定：可以导出，但不能再修改。</translation>
    </message>
    <message>
        <source>(no name set)</source>
        <translation>（未设置姓名）</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Signed off. The report can be exported (Report menu).</source>
        <translation>已签发。可以导出报告（“报告”菜单）。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::RetrievedReportsPanel</name>
    <message>
        <source>Prior report</source>
        <translation>相似报告</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>&amp;Insert Sentence into Report</source>
        <translation>将句子插入报告(&amp;I)</translation>
    </message>
    <message>
        <source>Insert the chosen sentence of a prior report into the draft (Ctrl+Shift+I)</source>
        <translation>将所选相似报告中的句子插入草稿（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <source>This model retrieves no prior reports.</source>
        <translation>此模型不检索相似报告。</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>无草稿。</translation>
    </message>
    <message numerus="yes">
        <source>%n prior report(s), nearest first.</source>
        <translation>
            <numerusform>%n 份相似报告，最相近的在前。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · attention %2</source>
        <translation>%1 · 注意力 %2</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mouse:&lt;/b&gt; left button = active tool · middle button or Shift+left = pan · right drag = window/level (horizontal: width, vertical: level) · wheel = next/previous image in a stack, zoom on single images · Ctrl+wheel = zoom · double-click = fit. Click a measurement to select it; drag its handles to adjust.</source>
        <translation>&lt;b&gt;鼠标：&lt;/b&gt;左键 = 当前工具 · 中键或 Shift+左键 = 平移 · 右键拖动 = 调窗（水平：窗宽，垂直：窗位）· 滚轮 = 堆栈中的下一幅/上一幅图像，单幅图像时缩放 · Ctrl+滚轮 = 缩放 · 双击 = 适合窗口。单击测量可将其选中；拖动其控制点进行调整。</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::StudyTreeModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n image(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 幅图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Study UID %1
Accession %2</source>
        <translation>检查 UID %1
检查号 %2</translation>
    </message>
    <message>
        <source>Patients, studies and series</source>
        <translation>患者、检查和序列</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ViewerPanel</name>
    <message>
        <source>Play / pause cine (P)</source>
        <translation>播放/暂停电影模式 (P)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Cine speed</source>
        <translation>电影模式速度</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>raddraft::viewer::ImageViewport</name>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Image %1/%2</source>
        <translation>图像 %1/%2</translation>
    </message>
    <message>
        <source>VOI LUT%1</source>
        <translation>VOI LUT%1</translation>
    </message>
    <message>
        <source>W %1  L %2%3</source>
        <translation>W %1  L %2%3</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Rot %1°</source>
        <translation>旋转 %1°</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>已反色</translation>
    </message>
    <message>
        <source>x %1 y %2</source>
        <translation>x %1 y %2</translation>
    </message>
    <message>
        <source> · RGB %1 %2 %3</source>
        <translation> · RGB %1 %2 %3</translation>
    </message>
    <message>
        <source> · stored %1</source>
        <translation> · 存储值 %1</translation>
    </message>
    <message>
        <source> · value %1%2</source>
        <translation> · 值 %1%2</translation>
    </message>
</context>
</TS>
