<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ConsistencyChecker</name>
    <message>
        <source>Findings</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Beurteilung</translation>
    </message>
    <message>
        <source>%1 sentence %2</source>
        <translation>%1, Satz %2</translation>
    </message>
    <message>
        <source>%1 says %2</source>
        <translation>%1 nennt %2</translation>
    </message>
    <message>
        <source>%1 says no %2</source>
        <translation>%1 verneint %2</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it present.</source>
        <translation>%1, aber ein Annotator hat den Befund als vorhanden markiert.</translation>
    </message>
    <message>
        <source>%1, but an annotator marked it absent.</source>
        <translation>%1, aber ein Annotator hat den Befund als nicht vorhanden markiert.</translation>
    </message>
    <message>
        <source>%1, but the model finds it present (%2 ≥ %3).</source>
        <translation>%1, das Modell bewertet den Befund jedoch als vorhanden (%2 ≥ %3).</translation>
    </message>
    <message>
        <source>%1, but the model finds it absent (%2 &lt; %3).</source>
        <translation>%1, das Modell bewertet den Befund jedoch als nicht vorhanden (%2 &lt; %3).</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>normal</source>
        <translation>unauffällig</translation>
    </message>
    <message>
        <source>cardiomegaly</source>
        <translation>Kardiomegalie</translation>
    </message>
    <message>
        <source>scoliosis</source>
        <translation>Skoliose</translation>
    </message>
    <message>
        <source>fracture</source>
        <translation>Fraktur</translation>
    </message>
    <message>
        <source>pleural effusion</source>
        <translation>Pleuraerguss</translation>
    </message>
    <message>
        <source>pleural thickening</source>
        <translation>Pleuraverdickung</translation>
    </message>
    <message>
        <source>pneumothorax</source>
        <translation>Pneumothorax</translation>
    </message>
    <message>
        <source>hiatal hernia</source>
        <translation>Hiatushernie</translation>
    </message>
    <message>
        <source>calcinosis</source>
        <translation>Kalzinose</translation>
    </message>
    <message>
        <source>emphysema</source>
        <translation>Emphysem</translation>
    </message>
    <message>
        <source>pneumonia</source>
        <translation>Pneumonie</translation>
    </message>
    <message>
        <source>pulmonary edema</source>
        <translation>Lungenödem</translation>
    </message>
    <message>
        <source>atelectasis</source>
        <translation>Atelektase</translation>
    </message>
    <message>
        <source>cicatrix</source>
        <translation>Narbe</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>Verschattung</translation>
    </message>
    <message>
        <source>nodule</source>
        <translation>Rundherd</translation>
    </message>
    <message>
        <source>airspace disease</source>
        <translation>alveoläre Verdichtung</translation>
    </message>
    <message>
        <source>hypoinflation</source>
        <translation>geringe Inspirationstiefe</translation>
    </message>
    <message>
        <source>medical device</source>
        <translation>Fremdmaterial</translation>
    </message>
    <message>
        <source>others</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>kein pathologischer Befund</translation>
    </message>
    <message>
        <source>enlarged cardiomediastinum</source>
        <translation>verbreiterte Herz-Mediastinal-Silhouette</translation>
    </message>
    <message>
        <source>lung lesion</source>
        <translation>Lungenläsion</translation>
    </message>
    <message>
        <source>lung opacity</source>
        <translation>Lungenverschattung</translation>
    </message>
    <message>
        <source>edema</source>
        <translation>Ödem</translation>
    </message>
    <message>
        <source>consolidation</source>
        <translation>Konsolidierung</translation>
    </message>
    <message>
        <source>pleural other</source>
        <translation>sonstiger Pleurabefund</translation>
    </message>
    <message>
        <source>support devices</source>
        <translation>Fremdmaterial (Katheter, Sonden)</translation>
    </message>
    <message>
        <source>scoliosis/degenerative</source>
        <translation>Skoliose/degenerative Veränderungen</translation>
    </message>
    <message>
        <source>nodule/mass</source>
        <translation>Rundherd/Raumforderung</translation>
    </message>
</context>
<context>
    <name>HeatmapOverlayPainter</name>
    <message>
        <source>max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>scaled to this map&apos;s max</source>
        <translation>skaliert auf das Maximum dieser Heatmap</translation>
    </message>
    <message>
        <source>max = %1</source>
        <translation>Max. = %1</translation>
    </message>
</context>
<context>
    <name>Measurement</name>
    <message>
        <source>%1 mm (detector)</source>
        <translation>%1 mm (Detektor)</translation>
    </message>
</context>
<context>
    <name>MemoryDraftRepository</name>
    <message>
        <source>no edit log is open; edits are kept in memory only</source>
        <translation>kein Bearbeitungsprotokoll geöffnet; Änderungen werden nur im Arbeitsspeicher gehalten</translation>
    </message>
</context>
<context>
    <name>OverlaySource</name>
    <message>
        <source>Sentence %1</source>
        <translation>Satz %1</translation>
    </message>
    <message>
        <source>Word “%1”</source>
        <translation>Wort „%1“</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Graph node %1 (%2)</source>
        <translation>Graphknoten %1 (%2)</translation>
    </message>
    <message>
        <source>Topic %1</source>
        <translation>Thema %1</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>%1 %2 (%3), bundle %4</source>
        <translation>%1 %2 (%3), Bundle %4</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1: Der Bericht kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Signed: not signed (draft)</source>
        <translation>Freigabe: nicht freigegeben (Entwurf)</translation>
    </message>
    <message>
        <source>Signed: %1, %2</source>
        <translation>Freigegeben: %1, %2</translation>
    </message>
    <message>
        <source>Study: %1</source>
        <translation>Untersuchung: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exportiert: %1</translation>
    </message>
    <message>
        <source>RadDraft report</source>
        <translation>RadDraft-Bericht</translation>
    </message>
    <message>
        <source>(The report has no text.)</source>
        <translation>(Der Bericht enthält keinen Text.)</translation>
    </message>
    <message>
        <source>RadDraft report %1</source>
        <translation>RadDraft-Bericht %1</translation>
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
        <translation>Bericht %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WindowPresets</name>
    <message>
        <source>Full range</source>
        <translation>Voller Wertebereich</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>Fenster %1 aus der Datei</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>File VOI LUT %1</source>
        <translation>VOI-LUT %1 aus der Datei</translation>
    </message>
    <message>
        <source>File LUT: %1</source>
        <translation>Datei-LUT: %1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Soft tissue 40/400</source>
        <translation>Weichteil 40/400</translation>
    </message>
    <message>
        <source>Lung −600/1500</source>
        <translation>Lunge −600/1500</translation>
    </message>
    <message>
        <source>Bone 480/2500</source>
        <translation>Knochen 480/2500</translation>
    </message>
    <message>
        <source>Brain 40/80</source>
        <translation>Gehirn 40/80</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RadDraft radiology reporting workstation</source>
        <translation>RadDraft – Befundungsarbeitsplatz für die Radiologie</translation>
    </message>
    <message>
        <source>DICOM file, folder or DICOMDIR to open (default: the last study)</source>
        <translation>Zu öffnende DICOM-Datei, Ordner oder DICOMDIR (Standard: die zuletzt geöffnete Untersuchung)</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the study (with --draft: its draft) is on screen, then quit.</source>
        <translation>Speichert ein PNG des Fensters, sobald die Untersuchung (mit --draft: ihr Entwurf) angezeigt wird, und beendet das Programm.</translation>
    </message>
    <message>
        <source>Initial window size, e.g. 1600x1000.</source>
        <translation>Anfängliche Fenstergröße, z. B. 1600x1000.</translation>
    </message>
    <message>
        <source>Model bundle folder to draft with (default: the one chosen last).</source>
        <translation>Ordner des Modell-Bundles für den Entwurf (Standard: das zuletzt gewählte).</translation>
    </message>
    <message>
        <source>Draft the report as soon as the study is on screen.</source>
        <translation>Entwirft den Bericht, sobald die Untersuchung angezeigt wird.</translation>
    </message>
    <message>
        <source>With --draft: select sentence N (1 = first) of the draft and show its map.</source>
        <translation>Mit --draft: wählt Satz N (1 = erster) des Entwurfs aus und zeigt seine Heatmap.</translation>
    </message>
    <message>
        <source>Edit log (SQLite) to keep drafts and every edit in (default: the setting, else %1).</source>
        <translation>Bearbeitungsprotokoll (SQLite) für die Entwürfe und jede Änderung (Standard: die Einstellung, sonst %1).</translation>
    </message>
    <message>
        <source>Your name, stamped on every edit and sign-off (default: the name given before).</source>
        <translation>Ihr Name, vermerkt bei jeder Änderung und Freigabe (Standard: der zuvor angegebene Name).</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de or zh_CN (default: the setting, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche für diesen Start: en, de oder zh_CN (Standard: die Einstellung, sonst die des Systems).</translation>
    </message>
    <message>
        <source>Compare the installed models on the study as soon as it is on screen (with --screenshot: grab the comparison).</source>
        <translation>Die installierten Modelle vergleichen, sobald die Studie angezeigt wird (mit --screenshot: den Vergleich aufnehmen).</translation>
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
        <translation>Koronar</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>Kein Volumen</translation>
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
        <translation>CT-Weichteil</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <source>Window preset</source>
        <translation>Fenstervorgabe</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>Kein Volumen</translation>
    </message>
    <message>
        <source>(no series description)</source>
        <translation>(keine Serienbeschreibung)</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 voxels</source>
        <translation>%1 × %2 × %3 Voxel</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 mm</source>
        <translation>%1 × %2 × %3 mm</translation>
    </message>
    <message>
        <source>Crosshair (x, y, z): %1, %2, %3 mm</source>
        <translation>Fadenkreuz (x, y, z): %1, %2, %3 mm</translation>
    </message>
    <message>
        <source>Value: %1 %2</source>
        <translation>Wert: %1 %2</translation>
    </message>
    <message>
        <source>Value: outside the volume</source>
        <translation>Wert: außerhalb des Volumens</translation>
    </message>
    <message>
        <source>Window: W %1  L %2</source>
        <translation>Fenster: W %1  L %2</translation>
    </message>
    <message>
        <source>Wheel: move through slices
Left drag: window (right = wider, down = higher level)
Click: move the crosshair</source>
        <translation>Mausrad: durch die Schichten blättern
Links ziehen: Fensterung (rechts = breiter, unten = höheres Zentrum)
Klick: Fadenkreuz versetzen</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftPane</name>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>Bilder werden vorbereitet…</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>Bilder werden analysiert…</translation>
    </message>
    <message>
        <source>Encoding the image features…</source>
        <translation>Bildmerkmale werden kodiert…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>AI text</source>
        <translation>KI-Text</translation>
    </message>
    <message>
        <source>AI text, edited</source>
        <translation>KI-Text, bearbeitet</translation>
    </message>
    <message>
        <source>written here</source>
        <translation>hier geschrieben</translation>
    </message>
    <message>
        <source>chosen alternative</source>
        <translation>gewählte Alternative</translation>
    </message>
    <message>
        <source>○ to review ✓ accepted ✗ rejected</source>
        <translation>○ zu prüfen ✓ angenommen ✗ abgelehnt</translation>
    </message>
    <message>
        <source>Drafted earlier by %1 on %2.</source>
        <translation>Bereits früher von %1 auf %2 entworfen.</translation>
    </message>
    <message>
        <source>Drafted by %1 on %2 in %3 s.</source>
        <translation>Von %1 auf %2 in %3 s entworfen.</translation>
    </message>
    <message numerus="yes">
        <source>Restored as it was left (%n logged edit(s)).</source>
        <translation>
            <numerusform>Wiederhergestellt wie zuletzt verlassen (%n protokollierte Änderung).</numerusform>
            <numerusform>Wiederhergestellt wie zuletzt verlassen (%n protokollierte Änderungen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a sentence for its evidence; point at a word for its map; type to edit.</source>
        <translation>Klicken Sie auf einen Satz für seine Belege, zeigen Sie auf ein Wort für seine Heatmap, tippen Sie zum Bearbeiten.</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2. The report is locked.</source>
        <translation>Freigegeben von %1 am %2. Der Bericht ist gesperrt.</translation>
    </message>
    <message>
        <source>Edits are not being logged: %1</source>
        <translation>Änderungen werden nicht protokolliert: %1</translation>
    </message>
    <message>
        <source>Click to select the sentence.</source>
        <translation>Klicken, um den Satz auszuwählen.</translation>
    </message>
    <message>
        <source>Consistency: the text agrees with the findings.</source>
        <translation>Konsistenz: Der Text stimmt mit den Befunden überein.</translation>
    </message>
    <message numerus="yes">
        <source>Consistency: %n warning(s) — the text contradicts the findings.</source>
        <translation>
            <numerusform>Konsistenz: %n Warnung – der Text widerspricht den Befunden.</numerusform>
            <numerusform>Konsistenz: %n Warnungen – der Text widerspricht den Befunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::DraftingWorkspace</name>
    <message>
        <source>&amp;Report</source>
        <translation>Be&amp;richt</translation>
    </message>
    <message>
        <source>Drafting failed: %1</source>
        <translation>Entwurf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Drafting failed</source>
        <translation>Entwurf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Drafting cancelled; no draft was made.</source>
        <translation>Entwurf abgebrochen; es wurde kein Entwurf erstellt.</translation>
    </message>
    <message>
        <source>%1: the model gives no map for this.</source>
        <translation>%1: Das Modell liefert hierfür keine Heatmap.</translation>
    </message>
    <message>
        <source>Choose a model bundle folder</source>
        <translation>Ordner eines Modell-Bundles wählen</translation>
    </message>
    <message>
        <source>Not a model bundle</source>
        <translation>Kein Modell-Bundle</translation>
    </message>
    <message>
        <source>the edit log %1 cannot be used (%2); drafts and edits are kept in memory only and are lost when RadDraft closes</source>
        <translation>das Bearbeitungsprotokoll %1 kann nicht verwendet werden (%2); Entwürfe und Änderungen werden nur im Arbeitsspeicher gehalten und gehen beim Beenden von RadDraft verloren</translation>
    </message>
    <message>
        <source>Edit log unavailable</source>
        <translation>Bearbeitungsprotokoll nicht verfügbar</translation>
    </message>
    <message>
        <source>The edit log %1 cannot be used: %2

You can keep working: what is on screen stays, but drafts and edits are NOT being logged and are lost when RadDraft closes. Close the other program that uses the file, or start RadDraft with another file (--db PATH).</source>
        <translation>Das Bearbeitungsprotokoll %1 kann nicht verwendet werden: %2

Sie können weiterarbeiten: Was angezeigt wird, bleibt erhalten, aber Entwürfe und Änderungen werden NICHT protokolliert und gehen beim Beenden von RadDraft verloren. Schließen Sie das andere Programm, das die Datei verwendet, oder starten Sie RadDraft mit einer anderen Datei (--db PATH).</translation>
    </message>
    <message>
        <source>Edit log: %1</source>
        <translation>Bearbeitungsprotokoll: %1</translation>
    </message>
    <message>
        <source>Edit log: writing works again; nothing was lost.</source>
        <translation>Bearbeitungsprotokoll: Das Schreiben funktioniert wieder; nichts ging verloren.</translation>
    </message>
    <message>
        <source>Set &amp;User Name…</source>
        <translation>Benutzernamen fe&amp;stlegen…</translation>
    </message>
    <message>
        <source>Change &amp;User Name (%1)…</source>
        <translation>Benutzernamen &amp;ändern (%1)…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your name is recorded with every edit of a report and with its sign-off:</source>
        <translation>Ihr Name wird bei jeder Änderung eines Berichts und bei seiner Freigabe vermerkt:</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1; die Änderungen bleiben erhalten und werden jede Sekunde erneut geschrieben</translation>
    </message>
    <message>
        <source>Sign-off not yet saved</source>
        <translation>Freigabe noch nicht gespeichert</translation>
    </message>
    <message>
        <source>The sign-off could not be written to the edit log yet: %1

It stays queued and is written again every second; keep RadDraft open until the status bar says writing works again.</source>
        <translation>Die Freigabe konnte noch nicht in das Bearbeitungsprotokoll geschrieben werden: %1

Sie bleibt in der Warteschlange und wird jede Sekunde erneut geschrieben; lassen Sie RadDraft geöffnet, bis die Statusleiste meldet, dass das Schreiben wieder funktioniert.</translation>
    </message>
    <message>
        <source>&amp;Draft Report</source>
        <translation>Bericht &amp;entwerfen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Draft the report of the displayed study with the chosen model</source>
        <translation>Den Bericht der angezeigten Untersuchung mit dem gewählten Modell entwerfen</translation>
    </message>
    <message>
        <source>&amp;Cancel Drafting</source>
        <translation>Entwurf abbre&amp;chen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Show Heatmap &amp;Overlay</source>
        <translation>Heatmap-&amp;Overlay anzeigen</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay: Filled Colour &amp;Map</source>
        <translation>Overlay: &amp;gefüllte Farbfläche</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>Overlay: Contour &amp;Lines (50 %, 70 % of max)</source>
        <translation>Overlay: Kontu&amp;rlinien (50 %, 70 % des Maximums)</translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation>Shift+L</translation>
    </message>
    <message>
        <source>Overlay: Thresholded Region and &amp;Box (≥ 70 % of max)</source>
        <translation>Overlay: Schwellenregion und Ra&amp;hmen (≥ 70 % des Maximums)</translation>
    </message>
    <message>
        <source>Shift+B</source>
        <translation>Shift+B</translation>
    </message>
    <message>
        <source>Overlay: Next Colour Ma&amp;p</source>
        <translation>Overlay: Farbskala &amp;wechseln</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>&amp;Refresh Model List</source>
        <translation>Mo&amp;dellliste aktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Compare &amp;Models…</source>
        <translation>&amp;Modelle vergleichen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Draft the displayed study with every installed model and show where the drafts disagree</source>
        <translation>Die angezeigte Untersuchung mit jedem installierten Modell entwerfen und zeigen, wo die Entwürfe voneinander abweichen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>The name recorded with every edit and sign-off</source>
        <translation>Der Name, der bei jeder Änderung und Freigabe vermerkt wird</translation>
    </message>
    <message>
        <source>Draft Report</source>
        <translation>Berichtsentwurf</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Knowledge Graph</source>
        <translation>Wissensgraph</translation>
    </message>
    <message>
        <source>Retrieved Reports</source>
        <translation>Ähnliche Berichte</translation>
    </message>
    <message>
        <source>No model chosen: see the Models tab.</source>
        <translation>Kein Modell gewählt: siehe Registerkarte „Modelle“.</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt; %2 · %3</source>
        <translation>Modell: &lt;b&gt;%1&lt;/b&gt; %2 · %3</translation>
    </message>
    <message>
        <source>An unsigned report of this study drafted by %1 %2 is in the edit log: choose that model in the Models tab to continue it.</source>
        <translation>Im Bearbeitungsprotokoll liegt ein nicht freigegebener Bericht dieser Untersuchung, entworfen von %1 %2: Wählen Sie dieses Modell in der Registerkarte „Modelle“, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Choose a model first (Models tab).</source>
        <translation>Wählen Sie zuerst ein Modell (Registerkarte „Modelle“).</translation>
    </message>
    <message>
        <source>Drafting needs a frontal or lateral chest radiograph on screen (ViewPosition PA, AP or LL).</source>
        <translation>Für einen Entwurf muss eine frontale oder seitliche Thoraxaufnahme angezeigt werden (ViewPosition PA, AP oder LL).</translation>
    </message>
    <message>
        <source>Drafting with %1…</source>
        <translation>Entwurf mit %1…</translation>
    </message>
    <message>
        <source>No model is installed: there is nothing to compare.</source>
        <translation>Es ist kein Modell installiert: Es gibt nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Modelle vergleichen</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EditLogDraftRepository</name>
    <message>
        <source>%1 (the stored draft of this study could not be read)</source>
        <translation>%1 (der gespeicherte Entwurf dieser Untersuchung konnte nicht gelesen werden)</translation>
    </message>
    <message>
        <source>%1; the draft and its edits are kept in memory only</source>
        <translation>%1; der Entwurf und seine Änderungen werden nur im Arbeitsspeicher gehalten</translation>
    </message>
    <message>
        <source>%1; the report is shown as the model wrote it, and its edits are kept in memory only</source>
        <translation>%1; der Bericht wird so angezeigt, wie das Modell ihn geschrieben hat, und seine Änderungen werden nur im Arbeitsspeicher gehalten</translation>
    </message>
    <message>
        <source>%1; the report continues as a new draft from the edits that were restored</source>
        <translation>%1; der Bericht wird als neuer Entwurf aus den wiederhergestellten Änderungen fortgesetzt</translation>
    </message>
    <message>
        <source>%1; and %2: the restored report is kept in memory only</source>
        <translation>%1; und %2: Der wiederhergestellte Bericht wird nur im Arbeitsspeicher gehalten</translation>
    </message>
    <message>
        <source>this report is not in the edit log</source>
        <translation>dieser Bericht ist nicht im Bearbeitungsprotokoll</translation>
    </message>
    <message>
        <source>%1; the edits are kept and written again every second</source>
        <translation>%1; die Änderungen bleiben erhalten und werden jede Sekunde erneut geschrieben</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::EvidenceView</name>
    <message>
        <source>Put the caret in a sentence to see its evidence.</source>
        <translation>Setzen Sie die Schreibmarke in einen Satz, um seine Belege zu sehen.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>written in the workstation</source>
        <translation>am Arbeitsplatz geschrieben</translation>
    </message>
    <message>
        <source>model %1 %2, sentence %3 of its draft</source>
        <translation>Modell %1 %2, Satz %3 seines Entwurfs</translation>
    </message>
    <message>
        <source>retrieved report %1</source>
        <translation>ähnlicher Bericht %1</translation>
    </message>
    <message>
        <source>Originally</source>
        <translation>Ursprünglich</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Graph nodes</source>
        <translation>Graphknoten</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>Ähnliche Berichte</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>none from this model</source>
        <translation>keine von diesem Modell</translation>
    </message>
    <message>
        <source>on the views</source>
        <translation>auf den Aufnahmen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>this model&apos;s draft has none for it</source>
        <translation>der Entwurf dieses Modells enthält keine dafür</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternativen</translation>
    </message>
    <message numerus="yes">
        <source>%n other wording(s) to choose from</source>
        <translation>
            <numerusform>%n andere Formulierung zur Auswahl</numerusform>
            <numerusform>%n andere Formulierungen zur Auswahl</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsModel</name>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>%1: probability %2, threshold %3 — the model finds it %4</source>
        <translation>%1: Wahrscheinlichkeit %2, Schwelle %3 – laut Modell %4</translation>
    </message>
    <message>
        <source>
An annotator set it to %1.</source>
        <translation>
Von einem Annotator gesetzt: %1.</translation>
    </message>
    <message>
        <source>
No map: the model has no evidence map for this finding.</source>
        <translation>
Keine Heatmap: Das Modell liefert für diesen Befund keine.</translation>
    </message>
    <message>
        <source>
Click to show where the model saw it.</source>
        <translation>
Klicken, um zu zeigen, wo das Modell den Befund sieht.</translation>
    </message>
    <message>
        <source>%1, %2 percent, %3</source>
        <translation>%1, %2 Prozent, %3</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::FindingsPanel</name>
    <message>
        <source>Label:</source>
        <translation>Markierung:</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>Kein Entwurf.</translation>
    </message>
    <message>
        <source>This model predicts no findings.</source>
        <translation>Dieses Modell sagt keine Befunde vorher.</translation>
    </message>
    <message>
        <source>%1 of %2 present · decision threshold %3 (the mark on each bar)</source>
        <translation>%1 von %2 vorhanden · Entscheidungsschwelle %3 (die Marke auf jedem Balken)</translation>
    </message>
    <message numerus="yes">
        <source>· %n corrected by an annotator (✎)</source>
        <translation>
            <numerusform>· %n von einem Annotator korrigiert (✎)</numerusform>
            <numerusform>· %n von einem Annotator korrigiert (✎)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphPanel</name>
    <message>
        <source>A node supports a sentence when its attention there exceeds this</source>
        <translation>Ein Knoten stützt einen Satz, wenn seine Aufmerksamkeit dort diesen Wert übersteigt</translation>
    </message>
    <message>
        <source>Nodes at or above this activation are drawn in colour</source>
        <translation>Knoten ab dieser Aktivierung werden farbig gezeichnet</translation>
    </message>
    <message>
        <source>Edges at or above this weight are drawn</source>
        <translation>Kanten ab diesem Gewicht werden gezeichnet</translation>
    </message>
    <message>
        <source>Click a node to see its map and the sentences it supports.</source>
        <translation>Klicken Sie auf einen Knoten, um seine Heatmap und die von ihm gestützten Sätze zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation>&amp;Aufmerksamkeit</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <source>&amp;Edge</source>
        <translation>Kan&amp;te</translation>
    </message>
    <message>
        <source>%1 supports no sentence of this draft.</source>
        <translation>%1 stützt keinen Satz dieses Entwurfs.</translation>
    </message>
    <message>
        <source>%1 supports sentence(s) %2.</source>
        <translation>%1 stützt Satz/Sätze %2.</translation>
    </message>
    <message>
        <source>The model gives it no map on the images.</source>
        <translation>Das Modell liefert dafür keine Heatmap auf den Aufnahmen.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::KnowledgeGraphView</name>
    <message>
        <source>Knowledge graph: size and colour show each finding&apos;s activation, line width the edge weight. Click a node to show its map and the sentences it supports.</source>
        <translation>Wissensgraph: Größe und Farbe zeigen die Aktivierung jedes Befunds, die Linienstärke das Kantengewicht. Klicken Sie auf einen Knoten, um seine Heatmap und die von ihm gestützten Sätze zu zeigen.</translation>
    </message>
    <message>
        <source>No knowledge graph: draft a report with a model that has one.</source>
        <translation>Kein Wissensgraph: Entwerfen Sie einen Bericht mit einem Modell, das einen hat.</translation>
    </message>
    <message>
        <source>%1 (group %2): activation %3</source>
        <translation>%1 (Gruppe %2): Aktivierung %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
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
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading %1 of %2 files…</source>
        <translation>Datei %1 von %2 wird gelesen…</translation>
    </message>
    <message>
        <source>Building the volume: slice %1 of %2…</source>
        <translation>Volumen wird aufgebaut: Schicht %1 von %2…</translation>
    </message>
    <message>
        <source>&amp;Open File or DICOMDIR…</source>
        <translation>&amp;Datei oder DICOMDIR öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language, theme and the edit log</source>
        <translation>Sprache, Design und Bearbeitungsprotokoll</translation>
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
        <translation>Layout MPR (axial, koronar, sagittal)</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An Fenster &amp;anpassen</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Rotate 90° &amp;Clockwise</source>
        <translation>90° im &amp;Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Rotate 90° Counter-clockwise</source>
        <translation>90° gegen den Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Flip &amp;Horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Flip &amp;Vertically</source>
        <translation>&amp;Vertikal spiegeln</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Corner &amp;Annotations</source>
        <translation>&amp;Eckbeschriftungen</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>&amp;Window/Level Tool</source>
        <translation>&amp;Fensterung (W/L)</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>&amp;Pan Tool</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>&amp;Zoom Tool</source>
        <translation>&amp;Zoomen</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>&amp;Distance Measurement</source>
        <translation>&amp;Distanzmessung</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>An&amp;gle Measurement</source>
        <translation>&amp;Winkelmessung</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Delete Selected Measurement</source>
        <translation>Ausgewählte Messung löschen</translation>
    </message>
    <message>
        <source>Delete All Measurements</source>
        <translation>Alle Messungen löschen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Next Image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Previous Image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>First Image</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Last Image</source>
        <translation>Letztes Bild</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Play/Pause &amp;Cine</source>
        <translation>&amp;Cine abspielen/anhalten</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Cine Faster</source>
        <translation>Cine schneller</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Cine Slower</source>
        <translation>Cine langsamer</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>Window Preset %1</source>
        <translation>Fenstervorgabe %1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About RadDraft</source>
        <translation>Ü&amp;ber RadDraft</translation>
    </message>
    <message>
        <source>About RadDraft</source>
        <translation>Über RadDraft</translation>
    </message>
    <message>
        <source>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;Radiology report drafting workstation.&lt;/p&gt;&lt;p&gt;Not for primary diagnosis unless validated in your department.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RadDraft %1&lt;/b&gt;&lt;p&gt;Arbeitsplatz für radiologische Befundentwürfe.&lt;/p&gt;&lt;p&gt;Nicht für die Primärdiagnostik, sofern nicht in Ihrer Abteilung validiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>&amp;Fenstervorgaben</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
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
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invertieren</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Untersuchungen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Open DICOM file, DICOMDIR or image</source>
        <translation>DICOM-Datei, DICOMDIR oder Bild öffnen</translation>
    </message>
    <message>
        <source>DICOM and images (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;All files (*)</source>
        <translation>DICOM und Bilder (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>RadDraft — %1</source>
        <translation>RadDraft — %1</translation>
    </message>
    <message numerus="yes">
        <source>Opening cancelled: %n series found so far</source>
        <translation>
            <numerusform>Öffnen abgebrochen: bisher %n Serie gefunden</numerusform>
            <numerusform>Öffnen abgebrochen: bisher %n Serien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found in %1</source>
        <translation>Keine Bilder in %1 gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message>
        <source>MPR: open a CT or MR series in the active viewport first</source>
        <translation>MPR: Öffnen Sie zuerst eine CT- oder MR-Serie im aktiven Bildfenster</translation>
    </message>
    <message>
        <source>Building the volume of %1…</source>
        <translation>Volumen von %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>MPR cancelled</source>
        <translation>MPR abgebrochen</translation>
    </message>
    <message>
        <source>MPR not possible: see Problems</source>
        <translation>MPR nicht möglich: siehe Probleme</translation>
    </message>
    <message>
        <source>MPR: %1 × %2 × %3 voxels</source>
        <translation>MPR: %1 × %2 × %3 Voxel</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelComparisonDialog</name>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>not mentioned</source>
        <translation>nicht erwähnt</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Not run (cancelled).</source>
        <translation>Nicht ausgeführt (abgebrochen).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Findings as the report labeler reads each draft. Rows where the models disagree come first, marked ⚠; the sentences behind them are highlighted in the drafts above.</source>
        <translation>Befunde, wie der Berichts-Labeler jeden Entwurf liest. Zeilen, in denen die Modelle voneinander abweichen, stehen oben und sind mit ⚠ markiert; die zugehörigen Sätze sind in den Entwürfen oben hervorgehoben.</translation>
    </message>
    <message>
        <source>Drafting with %1 (%2 of %3): %4</source>
        <translation>Entwurf mit %1 (%2 von %3): %4</translation>
    </message>
    <message>
        <source>No model is installed.</source>
        <translation>Es ist kein Modell installiert.</translation>
    </message>
    <message>
        <source>%1 of %2 models drafted; they disagree on %3 finding(s).</source>
        <translation>%1 von %2 Modellen haben entworfen; sie weichen bei %3 Befund(en) voneinander ab.</translation>
    </message>
    <message>
        <source>%1 models will draft this study.</source>
        <translation>%1 Modelle werden diese Untersuchung entwerfen.</translation>
    </message>
    <message>
        <source>The models disagree on %1.</source>
        <translation>Die Modelle weichen ab bei: %1.</translation>
    </message>
    <message>
        <source>drafted earlier</source>
        <translation>früher entworfen</translation>
    </message>
    <message>
        <source>drafted in %1 s</source>
        <translation>in %1 s entworfen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ModelSelector</name>
    <message>
        <source>built-in</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>No model bundles installed. Put bundle folders into %1, or start RadDraft with --model BUNDLE.</source>
        <translation>Keine Modell-Bundles installiert. Legen Sie Bundle-Ordner in %1 ab oder starten Sie RadDraft mit --model BUNDLE.</translation>
    </message>
    <message>
        <source>Add Bundle…</source>
        <translation>Bundle hinzufügen…</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · %4 findings · %5</source>
        <translation>%1
%2 · %3 · %4 Befunde · %5</translation>
    </message>
    <message>
        <source>%1
Type: %2
Manifest SHA-256: %3</source>
        <translation>%1
Typ: %2
Manifest-SHA-256: %3</translation>
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
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Contours</source>
        <translation>Konturen</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Colour map of the overlay</source>
        <translation>Farbskala des Overlays</translation>
    </message>
    <message>
        <source>Opacity of the filled colour map</source>
        <translation>Deckkraft der gefüllten Farbfläche</translation>
    </message>
    <message>
        <source> Opacity </source>
        <translation> Deckkraft </translation>
    </message>
</context>
<context>
    <name>raddraft::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Dark (for dim reading rooms)</source>
        <translation>Dunkel (für abgedunkelte Befundungsräume)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The new language is used when RadDraft is started again.</source>
        <translation>Die neue Sprache wird beim nächsten Start von RadDraft verwendet.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>The theme changes at once. The images are always shown on black.</source>
        <translation>Das Design ändert sich sofort. Die Bilder werden immer auf Schwarz angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Edit log:</source>
        <translation>&amp;Bearbeitungsprotokoll:</translation>
    </message>
    <message>
        <source>The SQLite file that keeps every draft, edit and sign-off. Empty: the default file shown in grey. A new file is used when RadDraft is started again.</source>
        <translation>Die SQLite-Datei, die jeden Entwurf, jede Änderung und jede Freigabe enthält. Leer: die grau angezeigte Standarddatei. Eine neue Datei wird beim nächsten Start von RadDraft verwendet.</translation>
    </message>
    <message>
        <source>Edit log</source>
        <translation>Bearbeitungsprotokoll</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file for the edit log.</source>
        <translation>%1 ist ein Ordner: Wählen Sie eine Datei für das Bearbeitungsprotokoll.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportEditor</name>
    <message>
        <source>FINDINGS</source>
        <translation>BEFUND</translation>
    </message>
    <message>
        <source>No draft yet. Choose a model and press Ctrl+D to draft the report.</source>
        <translation>Noch kein Entwurf. Wählen Sie ein Modell und drücken Sie Strg+D, um den Bericht zu entwerfen.</translation>
    </message>
    <message>
        <source>IMPRESSION</source>
        <translation>BEURTEILUNG</translation>
    </message>
    <message>
        <source>Written by the model %1, unchanged.</source>
        <translation>Vom Modell %1 geschrieben, unverändert.</translation>
    </message>
    <message>
        <source>Written by the model %1 and edited. The model wrote: “%2”</source>
        <translation>Vom Modell %1 geschrieben und bearbeitet. Das Modell schrieb: „%2“</translation>
    </message>
    <message>
        <source>Written in the workstation.</source>
        <translation>Am Arbeitsplatz geschrieben.</translation>
    </message>
    <message>
        <source>Chosen from the retrieved report %1.</source>
        <translation>Aus dem ähnlichen Bericht %1 übernommen.</translation>
    </message>
    <message>
        <source>Chosen from the model %1.</source>
        <translation>Vom Modell %1 übernommen.</translation>
    </message>
    <message>
        <source>Edited since.</source>
        <translation>Seitdem bearbeitet.</translation>
    </message>
    <message>
        <source>○ Not reviewed yet.</source>
        <translation>○ Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>✓ Accepted.</source>
        <translation>✓ Angenommen.</translation>
    </message>
    <message>
        <source>✗ Rejected: left out of the report.</source>
        <translation>✗ Abgelehnt: nicht im Bericht.</translation>
    </message>
    <message>
        <source>Type here to write the findings.</source>
        <translation>Hier tippen, um den Befund zu schreiben.</translation>
    </message>
    <message>
        <source>Type here to write the impression.</source>
        <translation>Hier tippen, um die Beurteilung zu schreiben.</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ReportReview</name>
    <message>
        <source>Alternatives</source>
        <translation>Alternativen</translation>
    </message>
    <message>
        <source>&amp;Undo Report Edit</source>
        <translation>Berichtsänderung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo Report Edit</source>
        <translation>Berichtsänderung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Accept Sentence</source>
        <translation>Satz &amp;annehmen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Accept the sentence with the caret (it stays in the report)</source>
        <translation>Den Satz mit der Schreibmarke annehmen (er bleibt im Bericht)</translation>
    </message>
    <message>
        <source>✓ Accept</source>
        <translation>✓ Annehmen</translation>
    </message>
    <message>
        <source>Re&amp;ject Sentence</source>
        <translation>Satz ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Reject the sentence with the caret (it leaves the report; undo brings it back)</source>
        <translation>Den Satz mit der Schreibmarke ablehnen (er wird aus dem Bericht entfernt; Rückgängig holt ihn zurück)</translation>
    </message>
    <message>
        <source>✗ Reject</source>
        <translation>✗ Ablehnen</translation>
    </message>
    <message>
        <source>Show Sentence &amp;Evidence</source>
        <translation>&amp;Belege zum Satz anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Show the map, findings, graph nodes and retrieved reports behind the sentence</source>
        <translation>Heatmap, Befunde, Graphknoten und ähnliche Berichte zum Satz anzeigen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Replace with A&amp;lternative…</source>
        <translation>Durch Alterna&amp;tive ersetzen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Replace the sentence with another wording, a retrieved report&apos;s or another model&apos;s sentence</source>
        <translation>Den Satz durch eine andere Formulierung, einen Satz aus einem ähnlichen Bericht oder von einem anderen Modell ersetzen</translation>
    </message>
    <message>
        <source>Alternatives…</source>
        <translation>Alternativen…</translation>
    </message>
    <message>
        <source>Label Finding &amp;Present</source>
        <translation>Befund als &amp;vorhanden markieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Label Finding A&amp;bsent</source>
        <translation>Befund als &amp;nicht vorhanden markieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Label Finding &amp;Uncertain</source>
        <translation>Befund als &amp;unsicher markieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Nicht vorhanden</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>&amp;Sign Off Report…</source>
        <translation>Bericht &amp;freigeben…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Sign the report: it is locked and your name and the time are recorded</source>
        <translation>Den Bericht freigeben: Er wird gesperrt, Ihr Name und die Uhrzeit werden vermerkt</translation>
    </message>
    <message>
        <source>Sign Off…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Export Report as &amp;Text…</source>
        <translation>Bericht als Te&amp;xt exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Export the report as text</source>
        <translation>Bericht als Text exportieren</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>Bericht als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
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
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the report as text or PDF</source>
        <translation>Bericht als Text oder PDF exportieren</translation>
    </message>
    <message>
        <source>No alternatives for this sentence</source>
        <translation>Keine Alternativen für diesen Satz</translation>
    </message>
    <message>
        <source>The model&apos;s other wordings</source>
        <translation>Andere Formulierungen des Modells</translation>
    </message>
    <message>
        <source>Retrieved reports</source>
        <translation>Ähnliche Berichte</translation>
    </message>
    <message>
        <source>Other models&apos; drafts</source>
        <translation>Entwürfe anderer Modelle</translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — aus %2</translation>
    </message>
    <message>
        <source>Sign off the report</source>
        <translation>Bericht freigeben</translation>
    </message>
    <message>
        <source>Sign off this report as %1?

The report is then locked: it can be exported, but no longer changed.</source>
        <translation>Diesen Bericht als %1 freigeben?

Der Bericht wird dann gesperrt: Er kann exportiert, aber nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>(no name set)</source>
        <translation>(kein Name festgelegt)</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Signed off. The report can be exported (Report menu).</source>
        <translation>Freigegeben. Der Bericht kann exportiert werden (Menü „Bericht“).</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht in %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::RetrievedReportsPanel</name>
    <message>
        <source>Prior report</source>
        <translation>Ähnlicher Bericht</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>&amp;Insert Sentence into Report</source>
        <translation>Satz in den Bericht &amp;einfügen</translation>
    </message>
    <message>
        <source>Insert the chosen sentence of a prior report into the draft (Ctrl+Shift+I)</source>
        <translation>Den gewählten Satz eines ähnlichen Berichts in den Entwurf einfügen (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>This model retrieves no prior reports.</source>
        <translation>Dieses Modell ruft keine ähnlichen Berichte ab.</translation>
    </message>
    <message>
        <source>No draft.</source>
        <translation>Kein Entwurf.</translation>
    </message>
    <message numerus="yes">
        <source>%n prior report(s), nearest first.</source>
        <translation>
            <numerusform>%n ähnlicher Bericht, der nächstliegende zuerst.</numerusform>
            <numerusform>%n ähnliche Berichte, die nächstliegenden zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · attention %2</source>
        <translation>%1 · Aufmerksamkeit %2</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mouse:&lt;/b&gt; left button = active tool · middle button or Shift+left = pan · right drag = window/level (horizontal: width, vertical: level) · wheel = next/previous image in a stack, zoom on single images · Ctrl+wheel = zoom · double-click = fit. Click a measurement to select it; drag its handles to adjust.</source>
        <translation>&lt;b&gt;Maus:&lt;/b&gt; linke Taste = aktives Werkzeug · mittlere Taste oder Umschalt+links = verschieben · rechts ziehen = Fensterung (horizontal: Breite, vertikal: Zentrum) · Mausrad = nächstes/vorheriges Bild eines Stapels, Zoom bei Einzelbildern · Strg+Mausrad = Zoom · Doppelklick = einpassen. Klicken Sie auf eine Messung, um sie auszuwählen; ziehen Sie an ihren Griffen, um sie anzupassen.</translation>
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
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n image(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Bild</numerusform>
            <numerusform>%1 · %2 · %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Study UID %1
Accession %2</source>
        <translation>Studien-UID %1
Accession-Nr. %2</translation>
    </message>
    <message>
        <source>Patients, studies and series</source>
        <translation>Patienten, Untersuchungen und Serien</translation>
    </message>
</context>
<context>
    <name>raddraft::ui::ViewerPanel</name>
    <message>
        <source>Play / pause cine (P)</source>
        <translation>Cine abspielen / anhalten (P)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine speed</source>
        <translation>Cine-Geschwindigkeit</translation>
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
        <translation>Bild %1/%2</translation>
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
        <translation>Rot. %1°</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Spiegel. H</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Spiegel. V</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Invertiert</translation>
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
        <translation> · gespeichert %1</translation>
    </message>
    <message>
        <source> · value %1%2</source>
        <translation> · Wert %1%2</translation>
    </message>
</context>
</TS>
