<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ConsistencyChecker</name>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>%1 sentence %2</source>
        <translation>%1 sentence %2</translation>
    </message>
    <message>
        <source>%1 says %2</source>
        <translation>%1 says %2</translation>
    </message>
    <message>
        <source>%1 says no %2</source>
        <translation>%1 says no %2</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it present.</source>
        <translation>%1, but an annotator marked it present.</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it absent.</source>
        <translation>%1, but an annotator marked it absent.</translation>
    </message>
    <message>
        <source>%1, but the model finds it present (%2 ≥ %3).</source>
        <translation>%1, but the model finds it present (%2 ≥ %3).</translation>
    </message>
    <message>
        <source>%1, but the model finds it absent (%2 &lt; %3).</source>
        <translation>%1, but the model finds it absent (%2 &lt; %3).</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>cardiomegaly</source>
        <translation>cardiomegaly</translation>
    </message>
    <message>
        <source>scoliosis</source>
        <translation>scoliosis</translation>
    </message>
    <message>
        <source>fracture</source>
        <translation>fracture</translation>
    </message>
    <message>
        <source>pleural effusion</source>
        <translation>pleural effusion</translation>
    </message>
    <message>
        <source>pleural thickening</source>
        <translation>pleural thickening</translation>
    </message>
    <message>
        <source>pneumothorax</source>
        <translation>pneumothorax</translation>
    </message>
    <message>
        <source>hiatal hernia</source>
        <translation>hiatal hernia</translation>
    </message>
    <message>
        <source>calcinosis</source>
        <translation>calcinosis</translation>
    </message>
    <message>
        <source>emphysema</source>
        <translation>emphysema</translation>
    </message>
    <message>
        <source>pneumonia</source>
        <translation>pneumonia</translation>
    </message>
    <message>
        <source>pulmonary edema</source>
        <translation>pulmonary edema</translation>
    </message>
    <message>
        <source>atelectasis</source>
        <translation>atelectasis</translation>
    </message>
    <message>
        <source>cicatrix</source>
        <translation>cicatrix</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>opacity</translation>
    </message>
    <message>
        <source>nodule</source>
        <translation>nodule</translation>
    </message>
    <message>
        <source>airspace disease</source>
        <translation>airspace disease</translation>
    </message>
    <message>
        <source>hypoinflation</source>
        <translation>hypoinflation</translation>
    </message>
    <message>
        <source>medical device</source>
        <translation>medical device</translation>
    </message>
    <message>
        <source>others</source>
        <translation>others</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>no finding</translation>
    </message>
    <message>
        <source>enlarged cardiomediastinum</source>
        <translation>enlarged cardiomediastinum</translation>
    </message>
    <message>
        <source>lung lesion</source>
        <translation>lung lesion</translation>
    </message>
    <message>
        <source>lung opacity</source>
        <translation>lung opacity</translation>
    </message>
    <message>
        <source>edema</source>
        <translation>edema</translation>
    </message>
    <message>
        <source>consolidation</source>
        <translation>consolidation</translation>
    </message>
    <message>
        <source>pleural other</source>
        <translation>pleural other</translation>
    </message>
    <message>
        <source>support devices</source>
        <translation>support devices</translation>
    </message>
    <message>
        <source>scoliosis/degenerative</source>
        <translation>scoliosis/degenerative</translation>
    </message>
    <message>
        <source>nodule/mass</source>
        <translation>nodule/mass</translation>
    </message>
</context>
<context>
    <name>HeatmapOverlayPainter</name>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>scaled to this map&apos;s max</source>
        <translation>scaled to this map&apos;s max</translation>
    </message>
    <message>
        <source>max = %1</source>
        <translation>max = %1</translation>
    </message>
</context>
<context>
    <name>Measurement</name>
    <message>
        <source>%1 mm (detector)</source>
        <translation>%1 mm (detector)</translation>
    </message>
</context>
<context>
    <name>MemoryDraftRepository</name>
    <message>
        <source>no edit log is open; edits are kept in memory only</source>
        <translation>no edit log is open; edits are kept in memory only</translation>
    </message>
</context>
<context>
    <name>OverlaySource</name>
    <message>
        <source>Sentence %1</source>
        <translation>Sentence %1</translation>
    </message>
    <message>
        <source>Word “%1”</source>
        <translation>Word “%1”</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Graph node %1 (%2)</source>
        <translation>Graph node %1 (%2)</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>Topic %1</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 %2 (%3), bundle %4</source>
        <translation>%1 %2 (%3), bundle %4</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1: cannot write the report (%2)</translation>
    </message>
    <message>
        <source>Signed: not signed (draft)</source>
        <translation>Signed: not signed (draft)</translation>
    </message>
    <message>
        <source>Signed: %1, %2</source>
        <translation>Signed: %1, %2</translation>
    </message>
    <message>
        <source>Study: %1</source>
        <translation>Study: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>RadDraft report</source>
        <translation>RadDraft report</translation>
    </message>
    <message>
        <source>(The report has no text.)</source>
        <translation>(The report has no text.)</translation>
    </message>
    <message>
        <source>RadDraft report %1</source>
        <translation>RadDraft report %1</translation>
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
        <translation>report %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WindowPresets</name>
    <message>
        <source>Full range</source>
        <translation>Full range</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>File window %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>File VOI LUT %1</source>
        <translation>File VOI LUT %1</translation>
    </message>
    <message>
        <source>File LUT: %1</source>
        <translation>File LUT: %1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Soft tissue 40/400</source>
        <translation>Soft tissue 40/400</translation>
    </message>
    <message>
        <source>Lung −600/1500</source>
        <translation>Lung −600/1500</translation>
    </message>
    <message>
        <source>Bone 480/2500</source>
        <translation>Bone 480/2500</translation>
    </message>
    <message>
        <source>Brain 40/80</source>
        <translation>Brain 40/80</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RadDraft radiology reporting workstation</source>
        <translation>RadDraft radiology reporting workstation</translation>
    </message>
    <message>
        <source>DICOM file, folder or DICOMDIR to open (default: the last study)</source>
        <translation>DICOM file, folder or DICOMDIR to open (default: the last study)</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the study (with --draft: its draft) is on screen, then quit.</source>
        <translation>Save a PNG of the window once the study (with --draft: its draft) is on screen, then quit.</translation>
    </message>
    <message>
        <source>Initial window size, e.g. 1600x1000.</source>
        <translation>Initial window size, e.g. 1600x1000.</translation>
    </message>
    <message>
        <source>Model bundle folder to draft with (default: the one chosen last).</source>
        <translation>Model bundle folder to draft with (default: the one chosen last).</translation>
    </message>
    <message>
        <source>Draft the report as soon as the study is on screen.</source>
        <translation>Draft the report as soon as the study is on screen.</translation>
    </message>
    <message>
        <source>With --draft: select sentence N (1 = first) of the draft and show its map.</source>
        <translation>With --draft: select sentence N (1 = first) of the draft and show its map.</translation>
    </message>
    <message>
        <source>Edit log (SQLite) to keep drafts and every edit in (default: the setting, else %1).</source>
        <translation>Edit log (SQLite) to keep drafts and every edit in (default: the setting, else %1).</translation>
    </message>
    <message>
        <source>Your name, stamped on every edit and sign-off (default: the name given before).</source>
        <translation>Your name, stamped on every edit and sign-off (default: the name given before).</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de or zh_CN (default: the setting, else the system&apos;s).</source>
        <translation>Interface language for this run: en, de or zh_CN (default: the setting, else the system&apos;s).</translation>
    </message>
    <message>
        <source>Compare the installed models on the study as soon as it is on screen (with --screenshot: grab the comparison).</source>
        <translation>Compare the installed models on the study as soon as it is on screen (with --screenshot: grab the comparison).</translation>
    </message>
</context>
<context>
    <name>raddraft::mpr::MprSliceView</name>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>No volume</translation>
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
        <translation>CT soft tissue</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <source>Window preset</source>
        <translation>Window preset</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>No volume</translation>
    </message>
    <message>
        <source>(no series description)</source>
        <translation>(no series description)</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 voxels</source>
        <translation>%1 × %2 × %3 voxels</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 mm</source>
        <translation>%1 × %2 × %3 mm</translation>
    </message>
    <message>
        <source>Crosshair (x, y, z): %1, %2, %3 mm</source>
        <translation>Crosshair (x, y, z): %1, %2, %3 mm</translation>
    </message>
    <message>
        <source>Value: %1 %2</source>
        <translation>Value: %1 %2</translation>
    </message>
    <message>
        <source>Value: outside the volume</source>
        <translation>Value: outside the volume</translation>
    </message>
    <message>
        <source>Window: W %1  L %2</source>
        <translation>Window: W %1  L %2</translation>
    </message>
    <message>
        <source>Wheel: move through slices
Left drag: window (right = wider, down = higher level)
Click: move the crosshair</source>
        <translation>Wheel: move through slices
Left drag: window (right = wider, down = higher level)
Click: move the crosshair</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftPane</name>
    <message>
        <source>Loading the model…</source>
        <translation>Loading the model…</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>Preparing the images…</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>Reading the images…</translation>
    </message>
    <message>
        <source>Encoding the image features…</source>
        <translation>Encoding the image features…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>AI text</source>
        <translation>AI text</translation>
    </message>
    <message>
        <source>AI text, edited</source>
        <translation>AI text, edited</translation>
    </message>
    <message>
        <source>written here</source>
        <translation>written here</translation>
    </message>
    <message>
        <source>chosen alternative</source>
        <translation>chosen alternative</translation>
    </message>
    <message>
        <source>○ to review ✓ accepted ✗ rejected</source>
        <translation>○ to review ✓ accepted ✗ rejected</translation>
    </message>
    <message>
        <source>Drafted earlier by %1 on %2.</source>
        <translation>Drafted earlier by %1 on %2.</translation>
    </message>
    <message>
        <source>Drafted by %1 on %2 in %3 s.</source>
        <translation>Drafted by %1 on %2 in %3 s.</translation>
    </message>
    <message numerus="yes">
        <source>Restored as it was left (%n logged edit(s)).</source>
        <translation>
            <numerusform>Restored as it was left (%n logged edit).</numerusform>
            <numerusform>Restored as it was left (%n logged edits).</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a sentence for its evidence; point at a word for its map; type to edit.</source>
        <translation>Click a sentence for its evidence; point at a word for its map; type to edit.</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2. The report is locked.</source>
        <translation>Signed off by %1 on %2. The report is locked.</translation>
    </message>
    <message>
        <source>Edits are not being logged: %1</source>
        <translation>Edits are not being logged: %1</translation>
    </message>
    <message>
        <source>Click to select the sentence.</source>
        <translation>Click to select the sentence.</translation>
    </message>
    <message>
        <source>Consistency: the text agrees with the findings.</source>
        <translation>Consistency: the text agrees with the findings.</translation>
    </message>
    <message numerus="yes">
        <source>Consistency: %n warning(s) — the text contradicts the findings.</source>
        <translation>
            <numerusform>Consistency: %n warning — the text contradicts the findings.</numerusform>
            <numerusform>Consistency: %n warnings — the text contradicts the findings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftingWorkspace</name>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>Drafting failed: %1</source>
        <translation>Drafting failed: %1</translation>
    </message>
    <message>
        <source>Drafting failed</source>
        <translation>Drafting failed</translation>
    </message>
    <message>
        <source>Drafting cancelled; no draft was made.</source>
        <translation>Drafting cancelled; no draft was made.</translation>
    </message>
    <message>
        <source>%1: the model gives no map for this.</source>
        <translation>%1: the model gives no map for this.</translation>
    </message>
    <message>
        <source>Choose a model bundle folder</source>
        <translation>Choose a model bundle folder</translation>
    </message>
    <message>
        <source>Not a model bundle</source>
        <translation>Not a model bundle</translation>
    </message>
    <message>
        <source>the edit log %1 cannot be used (%2); drafts and edits are kept in memory only and are lost when RadDraft closes</source>
        <translation>the edit log %1 cannot be used (%2); drafts and edits are kept in memory only and are lost when RadDraft closes</translation>
    </message>
    <message>
        <source>Edit log unavailable</source>
        <translation>Edit log unavailable</translation>
    </message>
    <message>
        <source>The edit log %1 cannot be used: %2

You can keep working: what is on screen stays, but drafts and edits are NOT being logged and are lost when RadDraft closes. Close the other program that uses the file, or start RadDraft with another file (--db PATH).</source>
        <translation>The edit log %1 cannot be used: %2

You can keep working: what is on screen stays, but drafts and edits are NOT being logged and are lost when RadDraft closes. Close the other program that uses the file, or start RadDraft with another file (--db PATH).</translation>
    </message>
    <message>
        <source>Edit log: %1</source>
        <translation>Edit log: %1</translation>
    </message>
    <message>
        <source>Edit log: writing works again; nothing was lost.</source>
        <translation>Edit log: writing works again; nothing was lost.</translation>
    </message>
    <message>
        <source>Set &amp;User Name…</source>
        <translation>Set &amp;User Name…</translation>
    </message>
    <message>
        <source>Change &amp;User Name (%1)…</source>
        <translation>Change &amp;User Name (%1)…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Your name is recorded with every edit of a report and with its sign-off:</source>
        <translation>Your name is recorded with every edit of a report and with its sign-off:</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1; the edits are kept and written again every second</translation>
    </message>
    <message>
        <source>Sign-off not yet saved</source>
        <translation>Sign-off not yet saved</translation>
    </message>
    <message>
        <source>The sign-off could not be written to the edit log yet: %1

It stays queued and is written again every second; keep RadDraft open until the status bar says writing works again.</source>
        <translation>The sign-off could not be written to the edit log yet: %1

It stays queued and is written again every second; keep RadDraft open until the status bar says writing works again.</translation>
    </message>
    <message>
        <source>&amp;Draft Report</source>
        <translation>&amp;Draft Report</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Draft the report of the displayed study with the chosen model</source>
        <translation>Draft the report of the displayed study with the chosen model</translation>
    </message>
    <message>
        <source>&amp;Cancel Drafting</source>
        <translation>&amp;Cancel Drafting</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Show Heatmap &amp;Overlay</source>
        <translation>Show Heatmap &amp;Overlay</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay: Filled Colour &amp;Map</source>
        <translation>Overlay: Filled Colour &amp;Map</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>Overlay: Contour &amp;Lines (50 %, 70 % of max)</source>
        <translation>Overlay: Contour &amp;Lines (50 %, 70 % of max)</translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation>Shift+L</translation>
    </message>
    <message>
        <source>Overlay: Thresholded Region and &amp;Box (≥ 70 % of max)</source>
        <translation>Overlay: Thresholded Region and &amp;Box (≥ 70 % of max)</translation>
    </message>
    <message>
        <source>Shift+B</source>
        <translation>Shift+B</translation>
    </message>
    <message>
        <source>Overlay: Next Colour Ma&amp;p</source>
        <translation>Overlay: Next Colour Ma&amp;p</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>&amp;Refresh Model List</source>
        <translation>&amp;Refresh Model List</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Compare &amp;Models…</source>
        <translation>Compare &amp;Models…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Draft the displayed study with every installed model and show where the drafts disagree</source>
        <translation>Draft the displayed study with every installed model and show where the drafts disagree</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>The name recorded with every edit and sign-off</source>
        <translation>The name recorded with every edit and sign-off</translation>
    </message>
    <message>
        <source>Draft Report</source>
        <translation>Draft Report</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Knowledge Graph</source>
        <translation>Knowledge Graph</translation>
    </message>
    <message>
        <source>Retrieved Reports</source>
        <translation>Retrieved Reports</translation>
    </message>
    <message>
        <source>No model chosen: see the Models tab.</source>
        <translation>No model chosen: see the Models tab.</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt; %2 · %3</source>
        <translation>Model: &lt;b&gt;%1&lt;/b&gt; %2 · %3</translation>
    </message>
    <message>
        <source>An unsigned report of this study drafted by %1 %2 is in the edit log: choose that model in the Models tab to continue it.</source>
        <translation>An unsigned report of this study drafted by %1 %2 is in the edit log: choose that model in the Models tab to continue it.</translation>
    </message>
    <message>
        <source>Choose a model first (Models tab).</source>
        <translation>Choose a model first (Models tab).</translation>
    </message>
    <message>
        <source>Drafting needs a frontal or lateral chest radiograph on screen (ViewPosition PA, AP or LL).</source>
        <translation>Drafting needs a frontal or lateral chest radiograph on screen (ViewPosition PA, AP or LL).</translation>
    </message>
    <message>
        <source>Drafting with %1…</source>
        <translation>Drafting with %1…</translation>
    </message>
    <message>
        <source>No model is installed: there is nothing to compare.</source>
        <translation>No model is installed: there is nothing to compare.</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Compare Models</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EditLogDraftRepository</name>
    <message>
        <source>%1 (the stored draft of this study could not be read)</source>
        <translation>%1 (the stored draft of this study could not be read)</translation>
    </message>
    <message>
        <source>%1; the draft and its edits are kept in memory only</source>
        <translation>%1; the draft and its edits are kept in memory only</translation>
    </message>
    <message>
        <source>%1; the report is shown as the model wrote it, and its edits are kept in memory only</source>
        <translation>%1; the report is shown as the model wrote it, and its edits are kept in memory only</translation>
    </message>
    <message>
        <source>%1; the report continues as a new draft from the edits that were restored</source>
        <translation>%1; the report continues as a new draft from the edits that were restored</translation>
    </message>
    <message>
        <source>%1; and %2: the restored report is kept in memory only</source>
        <translation>%1; and %2: the restored report is kept in memory only</translation>
    </message>
    <message>
        <source>this report is not in the edit log</source>
        <translation>this report is not in the edit log</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1; the edits are kept and written again every second</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EvidenceView</name>
    <message>
        <source>Put the caret in a sentence to see its evidence.</source>
        <translation>Put the caret in a sentence to see its evidence.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>written in the workstation</source>
        <translation>written in the workstation</translation>
    </message>
    <message>
        <source>model %1 %2, sentence %3 of its draft</source>
        <translation>model %1 %2, sentence %3 of its draft</translation>
    </message>
    <message>
        <source>retrieved report %1</source>
        <translation>retrieved report %1</translation>
    </message>
    <message>
        <source>Originally</source>
        <translation>Originally</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Graph nodes</source>
        <translation>Graph nodes</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>Retrieved reports</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>none from this model</source>
        <translation>none from this model</translation>
    </message>
    <message>
        <source>on the views</source>
        <translation>on the views</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>this model&apos;s draft has none for it</source>
        <translation>this model&apos;s draft has none for it</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternatives</translation>
    </message>
    <message numerus="yes">
        <source>%n other wording(s) to choose from</source>
        <translation>
            <numerusform>%n other wording to choose from</numerusform>
            <numerusform>%n other wordings to choose from</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsModel</name>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <source>%1: probability %2, threshold %3 — the model finds it %4</source>
        <translation>%1: probability %2, threshold %3 — the model finds it %4</translation>
    </message>
    <message>
        <source>
An annotator set it to %1.</source>
        <translation>
An annotator set it to %1.</translation>
    </message>
    <message>
        <source>
No map: the model has no evidence map for this finding.</source>
        <translation>
No map: the model has no evidence map for this finding.</translation>
    </message>
    <message>
        <source>
Click to show where the model saw it.</source>
        <translation>
Click to show where the model saw it.</translation>
    </message>
    <message>
        <source>%1, %2 percent, %3</source>
        <translation>%1, %2 percent, %3</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsPanel</name>
    <message>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>No draft.</translation>
    </message>
    <message>
        <source>This model predicts no findings.</source>
        <translation>This model predicts no findings.</translation>
    </message>
    <message>
        <source>%1 of %2 present · decision threshold %3 (the mark on each bar)</source>
        <translation>%1 of %2 present · decision threshold %3 (the mark on each bar)</translation>
    </message>
    <message numerus="yes">
        <source>· %n corrected by an annotator (✎)</source>
        <translation>
            <numerusform>· %n corrected by an annotator (✎)</numerusform>
            <numerusform>· %n corrected by an annotator (✎)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphPanel</name>
    <message>
        <source>A node supports a sentence when its attention there exceeds this</source>
        <translation>A node supports a sentence when its attention there exceeds this</translation>
    </message>
    <message>
        <source>Nodes at or above this activation are drawn in colour</source>
        <translation>Nodes at or above this activation are drawn in colour</translation>
    </message>
    <message>
        <source>Edges at or above this weight are drawn</source>
        <translation>Edges at or above this weight are drawn</translation>
    </message>
    <message>
        <source>Click a node to see its map and the sentences it supports.</source>
        <translation>Click a node to see its map and the sentences it supports.</translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation>&amp;Attention</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Node</translation>
    </message>
    <message>
        <source>&amp;Edge</source>
        <translation>&amp;Edge</translation>
    </message>
    <message>
        <source>%1 supports no sentence of this draft.</source>
        <translation>%1 supports no sentence of this draft.</translation>
    </message>
    <message>
        <source>%1 supports sentence(s) %2.</source>
        <translation>%1 supports sentence(s) %2.</translation>
    </message>
    <message>
        <source>The model gives it no map on the images.</source>
        <translation>The model gives it no map on the images.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphView</name>
    <message>
        <source>Knowledge graph: size and colour show each finding&apos;s activation, line width the edge weight. Click a node to show its map and the sentences it supports.</source>
        <translation>Knowledge graph: size and colour show each finding&apos;s activation, line width the edge weight. Click a node to show its map and the sentences it supports.</translation>
    </message>
    <message>
        <source>No knowledge graph: draft a report with a model that has one.</source>
        <translation>No knowledge graph: draft a report with a model that has one.</translation>
    </message>
    <message>
        <source>%1 (group %2): activation %3</source>
        <translation>%1 (group %2): activation %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
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
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reading %1 of %2 files…</source>
        <translation>Reading %1 of %2 files…</translation>
    </message>
    <message>
        <source>Building the volume: slice %1 of %2…</source>
        <translation>Building the volume: slice %1 of %2…</translation>
    </message>
    <message>
        <source>&amp;Open File or DICOMDIR…</source>
        <translation>&amp;Open File or DICOMDIR…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Open &amp;Folder…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language, theme and the edit log</source>
        <translation>Language, theme and the edit log</translation>
    </message>
    <message>
        <source>Layout 1×1</source>
        <translation>Layout 1×1</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>Layout 1×2</source>
        <translation>Layout 1×2</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>Layout MPR (axial, coronal, sagittal)</source>
        <translation>Layout MPR (axial, coronal, sagittal)</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Fit to Window</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>&amp;Actual Pixels (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>&amp;Reset View</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Invert</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Clockwise</source>
        <translation>Rotate 90° &amp;Clockwise</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Rotate 90° Counter-clockwise</source>
        <translation>Rotate 90° Counter-clockwise</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Flip &amp;Horizontally</source>
        <translation>Flip &amp;Horizontally</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Flip &amp;Vertically</source>
        <translation>Flip &amp;Vertically</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Corner &amp;Annotations</source>
        <translation>Corner &amp;Annotations</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>&amp;Window/Level Tool</source>
        <translation>&amp;Window/Level Tool</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>&amp;Pan Tool</source>
        <translation>&amp;Pan Tool</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>&amp;Zoom Tool</source>
        <translation>&amp;Zoom Tool</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>&amp;Distance Measurement</source>
        <translation>&amp;Distance Measurement</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>An&amp;gle Measurement</source>
        <translation>An&amp;gle Measurement</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Delete Selected Measurement</source>
        <translation>Delete Selected Measurement</translation>
    </message>
    <message>
        <source>Delete All Measurements</source>
        <translation>Delete All Measurements</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Next Image</source>
        <translation>Next Image</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Previous Image</source>
        <translation>Previous Image</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>First Image</source>
        <translation>First Image</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Last Image</source>
        <translation>Last Image</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Play/Pause &amp;Cine</source>
        <translation>Play/Pause &amp;Cine</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Cine Faster</source>
        <translation>Cine Faster</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Cine Slower</source>
        <translation>Cine Slower</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>Window Preset %1</source>
        <translation>Window Preset %1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>&amp;About RadDraft</source>
        <translation>&amp;About RadDraft</translation>
    </message>
    <message>
        <source>About RadDraft</source>
        <translation>About RadDraft</translation>
    </message>
    <message>
        <source>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;Radiology report drafting workstation.&lt;/p&gt;&lt;p&gt;Not for primary diagnosis unless validated in your department.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;Radiology report drafting workstation.&lt;/p&gt;&lt;p&gt;Not for primary diagnosis unless validated in your department.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>Window &amp;Presets</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation>&amp;Stack</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
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
        <translation>W/L</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invert</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Flip</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studies</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Open DICOM file, DICOMDIR or image</source>
        <translation>Open DICOM file, DICOMDIR or image</translation>
    </message>
    <message>
        <source>DICOM and images (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;All files (*)</source>
        <translation>DICOM and images (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;All files (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>RadDraft — %1</source>
        <translation>RadDraft — %1</translation>
    </message>
    <message numerus="yes">
        <source>Opening cancelled: %n series found so far</source>
        <translation>
            <numerusform>Opening cancelled: %n series found so far</numerusform>
            <numerusform>Opening cancelled: %n series found so far</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found in %1</source>
        <translation>No images found in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message>
        <source>MPR: open a CT or MR series in the active viewport first</source>
        <translation>MPR: open a CT or MR series in the active viewport first</translation>
    </message>
    <message>
        <source>Building the volume of %1…</source>
        <translation>Building the volume of %1…</translation>
    </message>
    <message>
        <source>MPR cancelled</source>
        <translation>MPR cancelled</translation>
    </message>
    <message>
        <source>MPR not possible: see Problems</source>
        <translation>MPR not possible: see Problems</translation>
    </message>
    <message>
        <source>MPR: %1 × %2 × %3 voxels</source>
        <translation>MPR: %1 × %2 × %3 voxels</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problems (%1)</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelComparisonDialog</name>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>not mentioned</source>
        <translation>not mentioned</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Compare Models</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Not run (cancelled).</source>
        <translation>Not run (cancelled).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Findings as the report labeler reads each draft. Rows where the models disagree come first, marked ⚠; the sentences behind them are highlighted in the drafts above.</source>
        <translation>Findings as the report labeler reads each draft. Rows where the models disagree come first, marked ⚠; the sentences behind them are highlighted in the drafts above.</translation>
    </message>
    <message>
        <source>Drafting with %1 (%2 of %3): %4</source>
        <translation>Drafting with %1 (%2 of %3): %4</translation>
    </message>
    <message>
        <source>No model is installed.</source>
        <translation>No model is installed.</translation>
    </message>
    <message>
        <source>%1 of %2 models drafted; they disagree on %3 finding(s).</source>
        <translation>%1 of %2 models drafted; they disagree on %3 finding(s).</translation>
    </message>
    <message>
        <source>%1 models will draft this study.</source>
        <translation>%1 models will draft this study.</translation>
    </message>
    <message>
        <source>The models disagree on %1.</source>
        <translation>The models disagree on %1.</translation>
    </message>
    <message>
        <source>drafted earlier</source>
        <translation>drafted earlier</translation>
    </message>
    <message>
        <source>drafted in %1 s</source>
        <translation>drafted in %1 s</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelSelector</name>
    <message>
        <source>built-in</source>
        <translation>built-in</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installed</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>command line</translation>
    </message>
    <message>
        <source>No model bundles installed. Put bundle folders into %1, or start RadDraft with --model BUNDLE.</source>
        <translation>No model bundles installed. Put bundle folders into %1, or start RadDraft with --model BUNDLE.</translation>
    </message>
    <message>
        <source>Add Bundle…</source>
        <translation>Add Bundle…</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · %4 findings · %5</source>
        <translation>%1
%2 · %3 · %4 findings · %5</translation>
    </message>
    <message>
        <source>%1
Type: %2
Manifest SHA-256: %3</source>
        <translation>%1
Type: %2
Manifest SHA-256: %3</translation>
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
        <translation>Overlay</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Contours</source>
        <translation>Contours</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Colour map of the overlay</source>
        <translation>Colour map of the overlay</translation>
    </message>
    <message>
        <source>Opacity of the filled colour map</source>
        <translation>Opacity of the filled colour map</translation>
    </message>
    <message>
        <source> Opacity </source>
        <translation> Opacity </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Dark (for dim reading rooms)</source>
        <translation>Dark (for dim reading rooms)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The new language is used when RadDraft is started again.</source>
        <translation>The new language is used when RadDraft is started again.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>The theme changes at once. The images are always shown on black.</source>
        <translation>The theme changes at once. The images are always shown on black.</translation>
    </message>
    <message>
        <source>&amp;Edit log:</source>
        <translation>&amp;Edit log:</translation>
    </message>
    <message>
        <source>The SQLite file that keeps every draft, edit and sign-off. Empty: the default file shown in grey. A new file is used when RadDraft is started again.</source>
        <translation>The SQLite file that keeps every draft, edit and sign-off. Empty: the default file shown in grey. A new file is used when RadDraft is started again.</translation>
    </message>
    <message>
        <source>Edit log</source>
        <translation>Edit log</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file for the edit log.</source>
        <translation>%1 is a folder: choose a file for the edit log.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportEditor</name>
    <message>
        <source>FINDINGS</source>
        <translation>FINDINGS</translation>
    </message>
    <message>
        <source>No draft yet. Choose a model and press Ctrl+D to draft the report.</source>
        <translation>No draft yet. Choose a model and press Ctrl+D to draft the report.</translation>
    </message>
    <message>
        <source>IMPRESSION</source>
        <translation>IMPRESSION</translation>
    </message>
    <message>
        <source>Written by the model %1, unchanged.</source>
        <translation>Written by the model %1, unchanged.</translation>
    </message>
    <message>
        <source>Written by the model %1 and edited. The model wrote: “%2”</source>
        <translation>Written by the model %1 and edited. The model wrote: “%2”</translation>
    </message>
    <message>
        <source>Written in the workstation.</source>
        <translation>Written in the workstation.</translation>
    </message>
    <message>
        <source>Chosen from the retrieved report %1.</source>
        <translation>Chosen from the retrieved report %1.</translation>
    </message>
    <message>
        <source>Chosen from the model %1.</source>
        <translation>Chosen from the model %1.</translation>
    </message>
    <message>
        <source>Edited since.</source>
        <translation>Edited since.</translation>
    </message>
    <message>
        <source>○ Not reviewed yet.</source>
        <translation>○ Not reviewed yet.</translation>
    </message>
    <message>
        <source>✓ Accepted.</source>
        <translation>✓ Accepted.</translation>
    </message>
    <message>
        <source>✗ Rejected: left out of the report.</source>
        <translation>✗ Rejected: left out of the report.</translation>
    </message>
    <message>
        <source>Type here to write the findings.</source>
        <translation>Type here to write the findings.</translation>
    </message>
    <message>
        <source>Type here to write the impression.</source>
        <translation>Type here to write the impression.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportReview</name>
    <message>
        <source>Alternatives</source>
        <translation>Alternatives</translation>
    </message>
    <message>
        <source>&amp;Undo Report Edit</source>
        <translation>&amp;Undo Report Edit</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo Report Edit</source>
        <translation>&amp;Redo Report Edit</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Accept Sentence</source>
        <translation>&amp;Accept Sentence</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Accept the sentence with the caret (it stays in the report)</source>
        <translation>Accept the sentence with the caret (it stays in the report)</translation>
    </message>
    <message>
        <source>✓ Accept</source>
        <translation>✓ Accept</translation>
    </message>
    <message>
        <source>Re&amp;ject Sentence</source>
        <translation>Re&amp;ject Sentence</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Reject the sentence with the caret (it leaves the report; undo brings it back)</source>
        <translation>Reject the sentence with the caret (it leaves the report; undo brings it back)</translation>
    </message>
    <message>
        <source>✗ Reject</source>
        <translation>✗ Reject</translation>
    </message>
    <message>
        <source>Show Sentence &amp;Evidence</source>
        <translation>Show Sentence &amp;Evidence</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Show the map, findings, graph nodes and retrieved reports behind the sentence</source>
        <translation>Show the map, findings, graph nodes and retrieved reports behind the sentence</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Replace with A&amp;lternative…</source>
        <translation>Replace with A&amp;lternative…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Replace the sentence with another wording, a retrieved report&apos;s or another model&apos;s sentence</source>
        <translation>Replace the sentence with another wording, a retrieved report&apos;s or another model&apos;s sentence</translation>
    </message>
    <message>
        <source>Alternatives…</source>
        <translation>Alternatives…</translation>
    </message>
    <message>
        <source>Label Finding &amp;Present</source>
        <translation>Label Finding &amp;Present</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Label Finding A&amp;bsent</source>
        <translation>Label Finding A&amp;bsent</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Label Finding &amp;Uncertain</source>
        <translation>Label Finding &amp;Uncertain</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <source>&amp;Sign Off Report…</source>
        <translation>&amp;Sign Off Report…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Sign the report: it is locked and your name and the time are recorded</source>
        <translation>Sign the report: it is locked and your name and the time are recorded</translation>
    </message>
    <message>
        <source>Sign Off…</source>
        <translation>Sign Off…</translation>
    </message>
    <message>
        <source>Export Report as &amp;Text…</source>
        <translation>Export Report as &amp;Text…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Export the report as text</source>
        <translation>Export the report as text</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>Export Report as P&amp;DF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Text…</source>
        <translation>Text…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export the report as text or PDF</source>
        <translation>Export the report as text or PDF</translation>
    </message>
    <message>
        <source>No alternatives for this sentence</source>
        <translation>No alternatives for this sentence</translation>
    </message>
    <message>
        <source>The model&apos;s other wordings</source>
        <translation>The model&apos;s other wordings</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>Retrieved reports</translation>
    </message>
    <message>
        <source>Other models&apos; drafts</source>
        <translation>Other models&apos; drafts</translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — from %2</translation>
    </message>
    <message>
        <source>Sign off the report</source>
        <translation>Sign off the report</translation>
    </message>
    <message>
        <source>Sign off this report as %1?

The report is then locked: it can be exported, but no longer changed.</source>
        <translation>Sign off this report as %1?

The report is then locked: it can be exported, but no longer changed.</translation>
    </message>
    <message>
        <source>(no name set)</source>
        <translation>(no name set)</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>Sign Off</translation>
    </message>
    <message>
        <source>Signed off. The report can be exported (Report menu).</source>
        <translation>Signed off. The report can be exported (Report menu).</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::RetrievedReportsPanel</name>
    <message>
        <source>Prior report</source>
        <translation>Prior report</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>&amp;Insert Sentence into Report</source>
        <translation>&amp;Insert Sentence into Report</translation>
    </message>
    <message>
        <source>Insert the chosen sentence of a prior report into the draft (Ctrl+Shift+I)</source>
        <translation>Insert the chosen sentence of a prior report into the draft (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>This model retrieves no prior reports.</source>
        <translation>This model retrieves no prior reports.</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>No draft.</translation>
    </message>
    <message numerus="yes">
        <source>%n prior report(s), nearest first.</source>
        <translation>
            <numerusform>%n prior report, nearest first.</numerusform>
            <numerusform>%n prior reports, nearest first.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · attention %2</source>
        <translation>%1 · attention %2</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mouse:&lt;/b&gt; left button = active tool · middle button or Shift+left = pan · right drag = window/level (horizontal: width, vertical: level) · wheel = next/previous image in a stack, zoom on single images · Ctrl+wheel = zoom · double-click = fit. Click a measurement to select it; drag its handles to adjust.</source>
        <translation>&lt;b&gt;Mouse:&lt;/b&gt; left button = active tool · middle button or Shift+left = pan · right drag = window/level (horizontal: width, vertical: level) · wheel = next/previous image in a stack, zoom on single images · Ctrl+wheel = zoom · double-click = fit. Click a measurement to select it; drag its handles to adjust.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::StudyTreeModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Series %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n image(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n image</numerusform>
            <numerusform>%1 · %2 · %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Study UID %1
Accession %2</source>
        <translation>Study UID %1
Accession %2</translation>
    </message>
    <message>
        <source>Patients, studies and series</source>
        <translation>Patients, studies and series</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ViewerPanel</name>
    <message>
        <source>Play / pause cine (P)</source>
        <translation>Play / pause cine (P)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine speed</source>
        <translation>Cine speed</translation>
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
        <translation>Image %1/%2</translation>
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
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Rot %1°</source>
        <translation>Rot %1°</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Flip H</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Flip V</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Inverted</translation>
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
        <translation> · stored %1</translation>
    </message>
    <message>
        <source> · value %1%2</source>
        <translation> · value %1%2</translation>
    </message>
</context>
</TS>
