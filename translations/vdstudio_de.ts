<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>vd::ui::BlobScorePlot</name>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>blob score</source>
        <translation>Blob-Score</translation>
    </message>
    <message>
        <source>Blob score over training (VAE previews)</source>
        <translation>Blob-Score im Trainingsverlauf (VAE-Vorschauen)</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelHistogram</name>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Channel %1 values (%2; dashed: mean)</source>
        <translation>Werte von Kanal %1 (%2; gestrichelt: Mittelwert)</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>normalisiert</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelStatsTable</name>
    <message>
        <source>Ch</source>
        <translation>Kan.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>Kurtosis</translation>
    </message>
    <message>
        <source>Max |z|</source>
        <translation>Max |z|</translation>
    </message>
    <message>
        <source>Top 1%</source>
        <translation>Top 1 %</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>HF</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Latent channel</source>
        <translation>Latent-Kanal</translation>
    </message>
    <message>
        <source>Mean over frames and positions</source>
        <translation>Mittelwert über Frames und Positionen</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <source>Smallest value</source>
        <translation>Kleinster Wert</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Größter Wert</translation>
    </message>
    <message>
        <source>Excess kurtosis (0 for a Gaussian; large: heavy tails)</source>
        <translation>Exzess-Kurtosis (0 bei einer Normalverteilung; groß: schwere Ränder)</translation>
    </message>
    <message>
        <source>Largest |value − mean| / std</source>
        <translation>Größtes |Wert − Mittelwert| / Std.-Abw.</translation>
    </message>
    <message>
        <source>Share of the channel&apos;s energy in its top 1% positions (about 0.085 for Gaussian values)</source>
        <translation>Anteil der Kanalenergie in den obersten 1 % der Positionen (etwa 0.085 bei normalverteilten Werten)</translation>
    </message>
    <message>
        <source>Share of the energy in high spatial frequencies</source>
        <translation>Anteil der Energie in hohen Ortsfrequenzen</translation>
    </message>
    <message>
        <source>Blobs found</source>
        <translation>Gefundene Blobs</translation>
    </message>
    <message>
        <source>Blob score (flagged at the detector&apos;s blob_score)</source>
        <translation>Blob-Score (markiert ab dem blob_score des Detektors)</translation>
    </message>
    <message>
        <source>Flagged: blob score %1 reaches %2</source>
        <translation>Markiert: Blob-Score %1 erreicht %2</translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s), score below %1</source>
        <translation>
            <numerusform>%n Blob, Score unter %1</numerusform>
            <numerusform>%n Blobs, Score unter %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipGridPlayer</name>
    <message>
        <source>Previous frame (Left)</source>
        <translation>Vorheriger Frame (Pfeil links)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Wiedergabe (Leertaste)</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>Nächster Frame (Pfeil rechts)</translation>
    </message>
    <message>
        <source>Scrub through the frames</source>
        <translation>Durch die Frames spulen</translation>
    </message>
    <message>
        <source>frame %1 / %2</source>
        <translation>Frame %1 / %2</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>Wiedergabegeschwindigkeit in Frames pro Sekunde</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>Zoom: fit the view, or whole factors with sharp pixels</source>
        <translation>Zoom: in die Ansicht einpassen oder ganzzahlige Faktoren mit scharfen Pixeln</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Show |frame - previous frame|, amplified %1x, instead of the frames</source>
        <translation>Statt der Frames |Frame - vorheriger Frame| anzeigen, %1-fach verstärkt</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>No clip to show.
Sample with the model, or open a dataset or exported clip.</source>
        <translation>Kein Clip zum Anzeigen.
Samplen Sie mit dem Modell oder öffnen Sie einen Datensatz oder einen exportierten Clip.</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>no frames</source>
        <translation>keine Frames</translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>Keine Miniaturansicht: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>vd::ui::DatasetPanel</name>
    <message>
        <source>Scanning the folder</source>
        <translation>Ordner wird eingelesen</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <source>Scan the folder again (only changed files are probed)</source>
        <translation>Ordner erneut einlesen (nur geänderte Dateien werden geprüft)</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation>Nur ein Label anzeigen</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Usable clips</source>
        <translation>Verwendbare Clips</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Übersprungene Dateien</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniaturansichten</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Was das Modell sieht</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Scanning %1 …</source>
        <translation>%1 wird eingelesen …</translation>
    </message>
    <message>
        <source>Cannot scan this folder: %1</source>
        <translation>Dieser Ordner kann nicht eingelesen werden: %1</translation>
    </message>
    <message>
        <source>No clips.</source>
        <translation>Keine Clips.</translation>
    </message>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Wählen Sie einen Clip aus, um ihn abzuspielen.</translation>
    </message>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Wählen Sie einen Clip aus, um die Frames zu sehen, mit denen das Modell trainiert.</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>Kein Datensatz</translation>
    </message>
    <message>
        <source>Open a project or a folder to browse its clips.</source>
        <translation>Öffnen Sie ein Projekt oder einen Ordner, um dessen Clips anzusehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n Clip</numerusform>
            <numerusform>%n Clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n Label</numerusform>
            <numerusform>%n Labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Frames</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(kein Label)</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>Skipped files are not used for training.</source>
        <translation>Übersprungene Dateien werden nicht für das Training verwendet.</translation>
    </message>
    <message>
        <source>Sampled with the project&apos;s dataset settings.</source>
        <translation>Entnommen mit den Datensatzeinstellungen des Projekts.</translation>
    </message>
    <message>
        <source>No project open: sampled with the default dataset settings.</source>
        <translation>Kein Projekt geöffnet: entnommen mit den Standard-Datensatzeinstellungen.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExperimentsPanel</name>
    <message>
        <source>The project&apos;s sweeps (runs/sweeps): choose one to see its results</source>
        <translation>Die Sweeps des Projekts (runs/sweeps): einen wählen, um seine Ergebnisse zu sehen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the sweeps folder again</source>
        <translation>Den Sweep-Ordner erneut lesen</translation>
    </message>
    <message>
        <source>Load Settings</source>
        <translation>Einstellungen laden</translation>
    </message>
    <message>
        <source>Show this sweep&apos;s settings in the form: Start then continues it (finished variants are skipped)</source>
        <translation>Die Einstellungen dieses Sweeps im Formular zeigen: Starten setzt ihn dann fort (fertige Varianten werden übersprungen)</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Sweeps</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <source>Run the sweep in its own process; a sweep with this name that was stopped continues where it stopped</source>
        <translation>Den Sweep in einem eigenen Prozess ausführen; ein angehaltener Sweep mit diesem Namen wird dort fortgesetzt, wo er stand</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the running variants after their current step; each saves a checkpoint</source>
        <translation>Die laufenden Varianten nach ihrem aktuellen Schritt anhalten; jede speichert einen Checkpoint</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message>
        <source>No sweep chosen.</source>
        <translation>Kein Sweep gewählt.</translation>
    </message>
    <message>
        <source>Select variants (Ctrl or Shift for several) to compare them below; click a header to sort by it</source>
        <translation>Varianten auswählen (mehrere mit Strg oder Umschalt), um sie unten zu vergleichen; auf eine Spaltenüberschrift klicken, um danach zu sortieren</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The newest previews of the selected variants: the same held-out clips and the same noise for each</source>
        <translation>Die neuesten Vorschauen der gewählten Varianten: für jede dieselben zurückgehaltenen Clips und dasselbe Rauschen</translation>
    </message>
    <message>
        <source>diffusion</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 finished</source>
        <translation>%1 — %2, %3 von %4 fertig</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Stopping: each running variant finishes its step and saves a checkpoint…</source>
        <translation>Wird angehalten: jede laufende Variante beendet ihren Schritt und speichert einen Checkpoint…</translation>
    </message>
    <message>
        <source>The sweep finished.</source>
        <translation>Der Sweep ist fertig.</translation>
    </message>
    <message>
        <source>Stopped. Start the same sweep again to continue it.</source>
        <translation>Angehalten. Denselben Sweep erneut starten, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>The sweep did not start.</source>
        <translation>Der Sweep ist nicht gestartet.</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>Der Sweep ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The sweep failed.</source>
        <translation>Der Sweep ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The sweep failed (status %1): %2</source>
        <translation>Der Sweep ist fehlgeschlagen (Status %1): %2</translation>
    </message>
    <message>
        <source>This project has no sweeps yet: define one on the left.</source>
        <translation>Dieses Projekt hat noch keine Sweeps: links einen festlegen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stage, %3 of %n variant(s) finished.</source>
        <translation>
            <numerusform>%1: Stufe %2, %3 von %n Variante fertig.</numerusform>
            <numerusform>%1: Stufe %2, %3 von %n Varianten fertig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures read from the runs now (results.json is written when the sweep ends).</source>
        <translation>Werte gerade aus den Läufen gelesen (results.json wird geschrieben, wenn der Sweep endet).</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportDialog</name>
    <message>
        <source>Export Clips</source>
        <translation>Clips exportieren</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>Clip %1</translation>
    </message>
    <message>
        <source>Current clip (%1)</source>
        <translation>Aktueller Clip (%1)</translation>
    </message>
    <message numerus="yes">
        <source>All %n clip(s) of the grid, into a folder</source>
        <translation>
            <numerusform>%n Clip des Rasters, in einen Ordner</numerusform>
            <numerusform>Alle %n Clips des Rasters, in einen Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>MP4 (H.264)</source>
        <translation>MP4 (H.264)</translation>
    </message>
    <message>
        <source>WebM (VP9)</source>
        <translation>WebM (VP9)</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>Animiertes GIF</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>PNG-Sequenz (ein Ordner)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Each pixel becomes a block of this size (nearest neighbour)</source>
        <translation>Jedes Pixel wird zu einem Block dieser Größe (nächster Nachbar)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message numerus="yes">
        <source>of %n frame(s)</source>
        <translation>
            <numerusform>von %n Frame</numerusform>
            <numerusform>von %n Frames</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Framerate:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Frames:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>There is no clip to export.</source>
        <translation>Es gibt keinen Clip zum Exportieren.</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>Wählen Sie einen Speicherort.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>These already exist and will be replaced:
%1</source>
        <translation>Diese Dateien existieren bereits und werden ersetzt:
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n clip(s) to %1</source>
        <translation>
            <numerusform>%n Clip nach %1 geschrieben</numerusform>
            <numerusform>%n Clips nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n complete clip(s) were kept.</source>
        <translation>
            <numerusform>Abgebrochen; %n vollständiger Clip wurde behalten.</numerusform>
            <numerusform>Abgebrochen; %n vollständige Clips wurden behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM-Video (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF-Animation (*.gif)</translation>
    </message>
    <message>
        <source>Export Clip</source>
        <translation>Clip exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)</source>
        <translation>
            <numerusform>%1 × %2 Pixel, %n Frame mit %3 fps (%4 s)</numerusform>
            <numerusform>%1 × %2 Pixel, %n Frames mit %3 fps (%4 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportWorker</name>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a folder</source>
        <translation>„%1“ existiert und ist kein Ordner</translation>
    </message>
    <message>
        <source>one output path per clip is needed</source>
        <translation>pro Clip wird ein Ausgabepfad benötigt</translation>
    </message>
    <message>
        <source>the scale must be 1 to 16</source>
        <translation>die Skalierung muss zwischen 1 und 16 liegen</translation>
    </message>
    <message>
        <source>the frame range %1-%2 is outside the clip&apos;s %3 frames</source>
        <translation>der Frame-Bereich %1-%2 liegt außerhalb der %3 Frames des Clips</translation>
    </message>
</context>
<context>
    <name>vd::ui::FlickerPlot</name>
    <message>
        <source>frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>mean |change|</source>
        <translation>mittlere |Änderung|</translation>
    </message>
    <message>
        <source>Frame-to-frame change (no clip)</source>
        <translation>Änderung von Frame zu Frame (kein Clip)</translation>
    </message>
    <message>
        <source>flicker index %1, mean change %2</source>
        <translation>Flimmerindex %1, mittlere Änderung %2</translation>
    </message>
    <message>
        <source>mean change %1 (flicker index needs 3 frames)</source>
        <translation>mittlere Änderung %1 (Flimmerindex benötigt 3 Frames)</translation>
    </message>
    <message>
        <source>a single frame has no change</source>
        <translation>ein einzelner Frame hat keine Änderung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectionVerdictView</name>
    <message>
        <source>clean</source>
        <translation>unauffällig</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>verdächtig</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Inspection failed: %1</source>
        <translation>Untersuchung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 — step %2: %3. %4</source>
        <translation>%1 — Schritt %2: %3. %4</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>(This checkpoint&apos;s latent normalization is not calibrated yet; the values are raw.)</source>
        <translation>(Die Latent-Normalisierung dieses Checkpoints ist noch nicht kalibriert; die Werte sind roh.)</translation>
    </message>
    <message>
        <source>%1: step %2, %3, max blob score %4, PSNR %5 dB</source>
        <translation>%1: Schritt %2, %3, max. Blob-Score %4, PSNR %5 dB</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorControlBar</name>
    <message>
        <source>step %1 (newest)</source>
        <translation>Schritt %1 (neuester)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>VAE checkpoint to inspect (EMA weights when saved)</source>
        <translation>Zu untersuchender VAE-Checkpoint (EMA-Gewichte, sofern gespeichert)</translation>
    </message>
    <message>
        <source>A second checkpoint to inspect on the same clip</source>
        <translation>Ein zweiter Checkpoint, der auf demselben Clip untersucht wird</translation>
    </message>
    <message>
        <source>Show A</source>
        <translation>A zeigen</translation>
    </message>
    <message>
        <source>Show B</source>
        <translation>B zeigen</translation>
    </message>
    <message>
        <source>Show the first checkpoint&apos;s result</source>
        <translation>Ergebnis des ersten Checkpoints anzeigen</translation>
    </message>
    <message>
        <source>Show the comparison checkpoint&apos;s result</source>
        <translation>Ergebnis des Vergleichs-Checkpoints anzeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the checkpoints, clips and metrics again</source>
        <translation>Checkpoints, Clips und Metriken neu einlesen</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Latent normalization</source>
        <translation>Latent-Normalisierung</translation>
    </message>
    <message>
        <source>Show the latents after the VAE&apos;s per-channel normalization, as the diffusion model sees them</source>
        <translation>Latents nach der kanalweisen Normalisierung des VAE anzeigen, so wie das Diffusionsmodell sie sieht</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>Gemeinsame Farbskala</translation>
    </message>
    <message>
        <source>One colour range for all channels (symmetric around 0) instead of one per channel (centred on its mean)</source>
        <translation>Ein Farbbereich für alle Kanäle (symmetrisch um 0) statt einem pro Kanal (um dessen Mittelwert zentriert)</translation>
    </message>
    <message>
        <source>Checkpoint A:</source>
        <translation>Checkpoint A:</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>Vergleichen mit B:</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>Clip:</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>Frame:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorPanel</name>
    <message>
        <source>No VAE checkpoint yet: train the VAE first.</source>
        <translation>Noch kein VAE-Checkpoint: Trainieren Sie zuerst den VAE.</translation>
    </message>
    <message>
        <source>%1 (held out)</source>
        <translation>%1 (zurückgehalten)</translation>
    </message>
    <message>
        <source>Could not list the dataset&apos;s clips: %1</source>
        <translation>Die Clips des Datensatzes konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not read the VAE metrics: %1</source>
        <translation>Die VAE-Metriken konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Inspect a Video</source>
        <translation>Video untersuchen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;All files (*)</source>
        <translation>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>%1 wird untersucht…</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10</source>
        <translation>%1: %2 Frames mit %3×%4, Latents %5×%6×%7×%8, VAE-Schritt %9%10</translation>
    </message>
    <message>
        <source> (EMA)</source>
        <translation> (EMA)</translation>
    </message>
</context>
<context>
    <name>vd::ui::LatentChannelsView</name>
    <message>
        <source>Latent channels (click to select; boxes: blobs)</source>
        <translation>Latent-Kanäle (zum Auswählen klicken; Rahmen: Blobs)</translation>
    </message>
    <message>
        <source>ch %1 · score %2</source>
        <translation>Kanal %1 · Score %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::LogView</name>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Filter log…</source>
        <translation>Protokoll filtern…</translation>
    </message>
</context>
<context>
    <name>vd::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>&amp;Datensatzordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Video…</source>
        <translation>&amp;Video öffnen…</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>Video öffnen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</source>
        <translation>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Start or Resume</source>
        <translation>&amp;Starten oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>S&amp;top (saves a checkpoint)</source>
        <translation>S&amp;toppen (speichert einen Checkpoint)</translation>
    </message>
    <message>
        <source>&amp;Clips</source>
        <translation>&amp;Clips</translation>
    </message>
    <message>
        <source>&amp;Sample Now</source>
        <translation>Jetzt &amp;samplen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Inspect Clip File…</source>
        <translation>Clip-Datei &amp;untersuchen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About VDStudio</source>
        <translation>&amp;Über VDStudio</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>%1: not a project, folder or video</source>
        <translation>%1: kein Projekt, Ordner oder Video</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio-Projekte (*.vdproj)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <source>About VDStudio</source>
        <translation>Über VDStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training and sampling latent video diffusion models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Device: %3&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training und Sampling latenter Video-Diffusionsmodelle.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Gerät: %3&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>VDStudio</source>
        <translation>VDStudio</translation>
    </message>
    <message>
        <source>%1%2 — VDStudio</source>
        <translation>%1%2 — VDStudio</translation>
    </message>
    <message>
        <source>%1 — %2 (preset %3, %4×%5, %6 frames)</source>
        <translation>%1 — %2 (Preset %3, %4×%5, %6 Frames)</translation>
    </message>
    <message>
        <source>No project open — File &gt; New Project or Open Project</source>
        <translation>Kein Projekt geöffnet — Datei &gt; Neues Projekt oder Projekt öffnen</translation>
    </message>
    <message>
        <source>Device: %1 — %2</source>
        <translation>Gerät: %1 — %2</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>Nicht gespeicherte Einstellungen</translation>
    </message>
    <message>
        <source>The settings of %1 have changed. Save them?</source>
        <translation>Die Einstellungen von %1 wurden geändert. Sollen sie gespeichert werden?</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it, save a checkpoint and quit?</source>
        <translation>Ein Trainingslauf ist im Gange. Lauf stoppen, einen Checkpoint speichern und beenden?</translation>
    </message>
    <message>
        <source>Stopping the run and saving a checkpoint…</source>
        <translation>Lauf wird gestoppt und ein Checkpoint gespeichert…</translation>
    </message>
    <message>
        <source>The run did not stop in time; try again.</source>
        <translation>Der Lauf wurde nicht rechtzeitig gestoppt; versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (%n Gerät)</numerusform>
            <numerusform>CUDA (%n Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n torch thread(s))</source>
        <translation>
            <numerusform>CPU (%n Torch-Thread)</numerusform>
            <numerusform>CPU (%n Torch-Threads)</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>A Sweep Is Running</source>
        <translation>Ein Sweep läuft</translation>
    </message>
    <message>
        <source>A sweep is in progress. Stop it (each running variant saves a checkpoint) and quit? Starting it again later continues it.</source>
        <translation>Ein Sweep läuft. Anhalten (jede laufende Variante speichert einen Checkpoint) und beenden? Ein späterer Neustart setzt ihn fort.</translation>
    </message>
    <message>
        <source>Stopping the sweep…</source>
        <translation>Sweep wird angehalten…</translation>
    </message>
    <message>
        <source>The sweep did not stop in time; try again.</source>
        <translation>Der Sweep hat nicht rechtzeitig angehalten; bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>vd::ui::MetricsPlot</name>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Step time and loader wait (ms)</source>
        <translation>Schrittzeit und Loader-Wartezeit (ms)</translation>
    </message>
    <message>
        <source>Probe reconstruction PSNR (dB)</source>
        <translation>PSNR der Proben-Rekonstruktion (dB)</translation>
    </message>
    <message>
        <source>Latent health</source>
        <translation>Latent-Zustand</translation>
    </message>
    <message>
        <source>Blob score per channel</source>
        <translation>Blob-Score pro Kanal</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>Weitere Kennzahlen</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loader wait</source>
        <translation>Loader-Wartezeit</translation>
    </message>
    <message>
        <source>probe PSNR</source>
        <translation>Proben-PSNR</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Overlay Earlier Run…</source>
        <translation>Früheren Lauf überlagern…</translation>
    </message>
    <message>
        <source>Clear Overlay</source>
        <translation>Überlagerung entfernen</translation>
    </message>
    <message>
        <source>Which figure of the run to plot</source>
        <translation>Welche Kennzahl des Laufs dargestellt wird</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average)</source>
        <translation>Glättung der dick gezeichneten Kurven (exponentieller gleitender Durchschnitt)</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>Logarithmische y-Achse</translation>
    </message>
    <message>
        <source>Draw the curves of another run&apos;s metrics.jsonl, dashed</source>
        <translation>Kurven aus der metrics.jsonl eines anderen Laufs gestrichelt einzeichnen</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Remove the overlay of %1</source>
        <translation>Überlagerung von %1 entfernen</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (früherer Lauf)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1: %2 (geglättet %3)</translation>
    </message>
    <message>
        <source>Overlay Earlier Run</source>
        <translation>Früheren Lauf überlagern</translation>
    </message>
    <message>
        <source>Metrics logs (metrics.jsonl *.jsonl)</source>
        <translation>Metrik-Logs (metrics.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>Schrittdauer</translation>
    </message>
    <message>
        <source>Sample quality: class accuracy</source>
        <translation>Samplequalität: Klassengenauigkeit</translation>
    </message>
    <message>
        <source>Sample quality: Fréchet distance</source>
        <translation>Samplequalität: Fréchet-Distanz</translation>
    </message>
    <message>
        <source>Sample quality: generated / real</source>
        <translation>Samplequalität: generiert / echt</translation>
    </message>
    <message>
        <source>all classes</source>
        <translation>alle Klassen</translation>
    </message>
    <message>
        <source>generated vs real</source>
        <translation>generiert gegen echt</translation>
    </message>
    <message>
        <source>real vs real (floor)</source>
        <translation>echt gegen echt (Untergrenze)</translation>
    </message>
    <message>
        <source>mean change</source>
        <translation>mittlere Änderung</translation>
    </message>
    <message>
        <source>flicker index</source>
        <translation>Flimmerindex</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>Vielfalt</translation>
    </message>
    <message>
        <source>recognisable</source>
        <translation>erkennbar</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>precision, real vs real</source>
        <translation>Präzision, echt gegen echt</translation>
    </message>
    <message>
        <source>recall, real vs real</source>
        <translation>Abdeckung, echt gegen echt</translation>
    </message>
    <message>
        <source>held through the clip</source>
        <translation>über den Clip gehalten</translation>
    </message>
    <message>
        <source>held, real clips</source>
        <translation>gehalten, echte Clips</translation>
    </message>
    <message>
        <source>drift between halves</source>
        <translation>Drift zwischen den Hälften</translation>
    </message>
</context>
<context>
    <name>vd::ui::ModelInputStrip</name>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Wählen Sie einen Clip aus, um die Frames zu sehen, mit denen das Modell trainiert.</translation>
    </message>
    <message>
        <source>Sampling %1 …</source>
        <translation>Frames aus %1 werden entnommen …</translation>
    </message>
    <message>
        <source>Cannot sample this clip: %1</source>
        <translation>Aus diesem Clip können keine Frames entnommen werden: %1</translation>
    </message>
    <message>
        <source> (%1 fps)</source>
        <translation> (%1 fps)</translation>
    </message>
    <message>
        <source>%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6</source>
        <translation>%1 Frames · %2×%3 · Stride %4%5 · ab Frame 0 · zentrierter Zuschnitt%6</translation>
    </message>
    <message>
        <source> · random flip (fixed seed)</source>
        <translation> · zufällige Spiegelung (fester Seed)</translation>
    </message>
</context>
<context>
    <name>vd::ui::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>e.g. ~/videos/shapes.vdproj</source>
        <translation>z. B. ~/videos/shapes.vdproj</translation>
    </message>
    <message>
        <source>a folder of videos; subfolders are labels</source>
        <translation>ein Ordner mit Videos; Unterordner sind Labels</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Demo: 64×64, trains in minutes on a CPU</source>
        <translation>Demo: 64×64, trainiert in Minuten auf einer CPU</translation>
    </message>
    <message>
        <source>Base: full-size models, for a GPU</source>
        <translation>Base: Modelle in voller Größe, für eine GPU</translation>
    </message>
    <message>
        <source>Write the built-in demo dataset (moving shapes) into the folder</source>
        <translation>Den integrierten Demo-Datensatz (bewegte Formen) in den Ordner schreiben</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Projektdatei:</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>Datensatzordner:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio-Projekte (*.vdproj)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Wählen Sie, wo die Projektdatei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Choose the folder with the training videos.</source>
        <translation>Wählen Sie den Ordner mit den Trainingsvideos.</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>Der Datensatzordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 exists and will be overwritten.</source>
        <translation>%1 existiert bereits und wird überschrieben.</translation>
    </message>
    <message>
        <source>Writing %1 demo clips…</source>
        <translation>%1 Demo-Clips werden geschrieben…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Could not write the demo dataset: %1</source>
        <translation>Der Demo-Datensatz konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Small: 128×128, trains in an hour on a CPU</source>
        <translation>Small: 128×128, trainiert in einer Stunde auf einer CPU</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 steps, the denoiser for up to %6 minutes or %7 steps.</source>
        <translation>Clips mit %1×%2 Pixeln und %3 Frames. Der VAE trainiert bis zu %4 Minuten oder %5 Schritte, der Denoiser bis zu %6 Minuten oder %7 Schritte.</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 steps and the denoiser for %5 steps.</source>
        <translation>Clips mit %1×%2 Pixeln und %3 Frames. Der VAE trainiert %4 Schritte und der Denoiser %5 Schritte.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>Wie im Projekt festgelegt</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatisch (CUDA, falls verfügbar)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Automatic (%1 on this machine)</source>
        <translation>Automatisch (%1 auf diesem Rechner)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Training device:</source>
        <translation>Trainingsgerät:</translation>
    </message>
    <message>
        <source>Torch threads:</source>
        <translation>Torch-Threads:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>The device applies to the next run; a new language applies after a restart.</source>
        <translation>Das Gerät gilt ab dem nächsten Lauf; eine neue Sprache wird nach einem Neustart wirksam.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreviewPanel</name>
    <message>
        <source>step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <source>Sampling cancelled.</source>
        <translation>Sampling abgebrochen.</translation>
    </message>
    <message>
        <source>Sample Now</source>
        <translation>Jetzt samplen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open Clip…</source>
        <translation>Clip öffnen…</translation>
    </message>
    <message>
        <source>Play a dataset clip or an exported clip</source>
        <translation>Einen Clip aus dem Datensatz oder einen exportierten Clip abspielen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the current clip or the whole grid to MP4, WebM, GIF or PNG frames</source>
        <translation>Den aktuellen Clip oder das ganze Raster als MP4, WebM, GIF oder PNG-Frames speichern</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Loading the trained models…</source>
        <translation>Trainierte Modelle werden geladen…</translation>
    </message>
    <message>
        <source>Open a project to sample from its models.</source>
        <translation>Öffnen Sie ein Projekt, um mit seinen Modellen zu samplen.</translation>
    </message>
    <message>
        <source>Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of %5×%6 on %7</source>
        <translation>Denoiser: Schritt %1 (Trainingsziel %2); VAE: Schritt %3; %4 Frames mit %5×%6 auf %7</translation>
    </message>
    <message>
        <source>No model to sample from: %1</source>
        <translation>Kein Modell zum Samplen: %1</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>Sampling läuft…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5</source>
        <translation>
            <numerusform>%n Clip in %1 s gesampelt: %2, %3 Schritte, Guidance %4, Seed %5</numerusform>
            <numerusform>%n Clips in %1 s gesampelt: %2, %3 Schritte, Guidance %4, Seed %5</numerusform>
        </translation>
    </message>
    <message>
        <source>loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
    <message>
        <source>%1: no frames could be decoded</source>
        <translation>%1: Es konnten keine Frames decodiert werden</translation>
    </message>
    <message>
        <source> (first %1 of %2 frames)</source>
        <translation> (erste %1 von %2 Frames)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Clip</source>
        <translation>Clip öffnen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>Kein Clip.</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n frame(s), %2×%3 pixels</source>
        <translation>
            <numerusform>%1
%n Frame, %2×%3 Pixel</numerusform>
            <numerusform>%1
%n Frames, %2×%3 Pixel</numerusform>
        </translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>Clip %1</translation>
    </message>
    <message>
        <source>mean change %1, max %2</source>
        <translation>mittlere Änderung %1, max. %2</translation>
    </message>
    <message>
        <source>flicker index %1</source>
        <translation>Flimmerindex %1</translation>
    </message>
    <message>
        <source>Judge Clips</source>
        <translation>Clips bewerten</translation>
    </message>
    <message>
        <source>Score the sampled clips with the project&apos;s sample judge: class accuracy, Fréchet distance to real clips, motion and diversity against real clips (trains the judge first if needed)</source>
        <translation>Bewertet die erzeugten Clips mit dem Samplebewerter des Projekts: Klassengenauigkeit, Fréchet-Distanz zu echten Clips, Bewegung und Vielfalt im Vergleich zu echten Clips (trainiert den Bewerter zuerst, falls nötig)</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>Wird bewertet…</translation>
    </message>
    <message numerus="yes">
        <source>Judge: %1% right on %n held-out clip window(s)</source>
        <translation>
            <numerusform>Bewerter: %1 % richtig bei %n zurückgehaltenen Clipfenster</numerusform>
            <numerusform>Bewerter: %1 % richtig bei %n zurückgehaltenen Clipfenstern</numerusform>
        </translation>
    </message>
    <message>
        <source>Class accuracy: %1% (%2)</source>
        <translation>Klassengenauigkeit: %1 % (%2)</translation>
    </message>
    <message>
        <source>Fréchet distance: %1 (real vs real: %2)</source>
        <translation>Fréchet-Distanz: %1 (echt gegen echt: %2)</translation>
    </message>
    <message>
        <source>The judge failed: %1</source>
        <translation>Die Bewertung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Held through the clip: %1% (real clips: %2%)</source>
        <translation>Über den Clip gehalten: %1 % (echte Clips: %2 %)</translation>
    </message>
    <message>
        <source>Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4</source>
        <translation>Generiert / echt: mittlere Änderung ×%1, Flimmern ×%2, Drift ×%3, Vielfalt ×%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSession</name>
    <message>
        <source>No project file to save to.</source>
        <translation>Keine Projektdatei zum Speichern vorhanden.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSettingsForm</name>
    <message>
        <source>Filter settings…</source>
        <translation>Einstellungen filtern…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Use these settings for the next run (File &gt; Save Project writes them)</source>
        <translation>Diese Einstellungen für den nächsten Lauf verwenden (Datei &gt; Projekt speichern schreibt sie in die Datei)</translation>
    </message>
    <message>
        <source>Open or create a project to edit its settings.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, um seine Einstellungen zu bearbeiten.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Valid. Apply to use these settings.</source>
        <translation>Gültig. Klicken Sie auf „Übernehmen“, um diese Einstellungen zu verwenden.</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Einstellungen von %1</translation>
    </message>
</context>
<context>
    <name>vd::ui::ReconstructionViews</name>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Input, frame %1</source>
        <translation>Eingabe, Frame %1</translation>
    </message>
    <message>
        <source>Reconstruction, PSNR %1 dB</source>
        <translation>Rekonstruktion, PSNR %1 dB</translation>
    </message>
    <message>
        <source>|error| mean %1, scale 0–%2</source>
        <translation>|Fehler| Mittel %1, Skala 0–%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::RunCheckpointList</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Checkpoints of this stage&apos;s run; double-click opens the folder</source>
        <translation>Checkpoints des Laufs dieser Stufe; Doppelklick öffnet den Ordner</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleSettingsForm</name>
    <message>
        <source>The samplers that fit the model&apos;s training objective</source>
        <translation>Die Sampler, die zum Trainingsziel des Modells passen</translation>
    </message>
    <message>
        <source>Sampler steps (Heun evaluates the model twice per step)</source>
        <translation>Sampler-Schritte (Heun wertet das Modell zweimal pro Schritt aus)</translation>
    </message>
    <message>
        <source>Classifier-free guidance: 1 uses the label&apos;s prediction as is, more follows the label more strongly</source>
        <translation>Classifier-free Guidance: 1 verwendet die Vorhersage für das Label unverändert, höhere Werte folgen dem Label stärker</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>Unkonditioniert</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>Zufälligen Seed wählen</translation>
    </message>
    <message>
        <source>Clips to generate; they play side by side</source>
        <translation>Anzahl zu erzeugender Clips; sie werden nebeneinander abgespielt</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Sampler:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>Guidance:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips:</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>Autoguidance:</source>
        <translation>Autoguidance:</translation>
    </message>
    <message>
        <source>Autoguidance: adds this much of the difference between the model and its run&apos;s early checkpoint (the guide), which sharpens outlines; 0 = off</source>
        <translation>Autoguidance: addiert so viel vom Unterschied zwischen dem Modell und dem frühen Checkpoint seines Laufs (dem Guide), was Umrisse schärft; 0 = aus</translation>
    </message>
    <message>
        <source>This run kept no guide checkpoint (diffusion.guide_at in the project), so clips are sampled without autoguidance</source>
        <translation>Dieser Lauf hat keinen Guide-Checkpoint behalten (diffusion.guide_at im Projekt), daher werden Clips ohne Autoguidance erzeugt</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleWorker</name>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Sample at least 2 clips to judge them.</source>
        <translation>Erzeugen Sie mindestens 2 Clips, um sie zu bewerten.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ScalingPlot</name>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Trainingsclips</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>Loss auf zurückgehaltenen Clips</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>Letzter Trainings-Loss</translation>
    </message>
    <message>
        <source>This sweep is not a scaling study (scale the model or the data to get one).</source>
        <translation>Dieser Sweep ist keine Skalierungsstudie (das Modell oder die Daten skalieren, um eine zu erhalten).</translation>
    </message>
    <message>
        <source>Variants (compute-matched)</source>
        <translation>Varianten (gleiche Rechenmenge)</translation>
    </message>
    <message>
        <source>Variants (step-matched)</source>
        <translation>Varianten (gleiche Schrittzahl)</translation>
    </message>
    <message>
        <source>%1 = %2 × x^−%3 (b ± %4, R² %5)</source>
        <translation>%1 = %2 × x^−%3 (b ± %4, R² %5)</translation>
    </message>
    <message numerus="yes">
        <source>Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; R² %5 over %n point(s)).</source>
        <translation>
            <numerusform>Eine Verdopplung von %1 multipliziert den Loss mit %2 (b = %3 ± %4, Standardfehler; R² %5 über %n Punkt).</numerusform>
            <numerusform>Eine Verdopplung von %1 multipliziert den Loss mit %2 (b = %3 ± %4, Standardfehler; R² %5 über %n Punkte).</numerusform>
        </translation>
    </message>
    <message>
        <source>No power law fitted: it needs 3 or more finished variants at different sizes.</source>
        <translation>Kein Potenzgesetz angepasst: dafür braucht es 3 oder mehr fertige Varianten unterschiedlicher Größe.</translation>
    </message>
    <message>
        <source>the training clips</source>
        <translation>die Trainingsclips</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>die Parameter</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepController</name>
    <message>
        <source>A sweep is running already.</source>
        <translation>Es läuft bereits ein Sweep.</translation>
    </message>
    <message>
        <source>Cannot run sweeps: %1 is missing.</source>
        <translation>Sweeps können nicht laufen: %1 fehlt.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepCurvesPlot</name>
    <message>
        <source>The figure drawn for each selected variant</source>
        <translation>Die für jede gewählte Variante gezeichnete Größe</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Geglättet</translation>
    </message>
    <message>
        <source>Draw each curve as a moving average of the logged steps</source>
        <translation>Jede Kurve als gleitenden Mittelwert der protokollierten Schritte zeichnen</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their curves.</source>
        <translation>Varianten in der Tabelle auswählen, um ihre Kurven zu vergleichen.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Größe:</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepDefinitionForm</name>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>Diffusion</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>The stage every variant trains. A diffusion sweep trains on the project&apos;s trained VAE.</source>
        <translation>Die Stufe, die jede Variante trainiert. Ein Diffusions-Sweep trainiert auf dem trainierten VAE des Projekts.</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>Achse hinzufügen</translation>
    </message>
    <message>
        <source>Vary one more setting: the sweep trains every combination</source>
        <translation>Eine weitere Einstellung variieren: der Sweep trainiert jede Kombination</translation>
    </message>
    <message>
        <source>project&apos;s</source>
        <translation>Projektwert</translation>
    </message>
    <message>
        <source>Training steps of each variant (the project&apos;s when not set)</source>
        <translation>Trainingsschritte jeder Variante (ohne Angabe die des Projekts)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>A time budget for each variant, not for the whole sweep</source>
        <translation>Ein Zeitbudget je Variante, nicht für den ganzen Sweep</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder under runs/sweeps</source>
        <translation>Der Ordner des Sweeps unter runs/sweeps</translation>
    </message>
    <message>
        <source>Same steps</source>
        <translation>Gleiche Schritte</translation>
    </message>
    <message>
        <source>Same compute</source>
        <translation>Gleiche Rechenmenge</translation>
    </message>
    <message>
        <source>A scaling study: every variant trains the same steps, or the same steps × FLOPs per step (a wider model gets fewer steps)</source>
        <translation>Eine Skalierungsstudie: jede Variante trainiert gleich viele Schritte oder gleich viele Schritte × FLOPs pro Schritt (ein breiteres Modell erhält weniger Schritte)</translation>
    </message>
    <message>
        <source>Measure on held-out clips</source>
        <translation>Auf zurückgehaltenen Clips messen</translation>
    </message>
    <message>
        <source>Each finished variant is judged on the held-out clips (reconstruction or sample quality, held-out loss)</source>
        <translation>Jede fertige Variante wird auf den zurückgehaltenen Clips bewertet (Rekonstruktions- oder Samplequalität, Loss auf zurückgehaltenen Clips)</translation>
    </message>
    <message>
        <source>The command the sweep runs; the same command in a terminal runs or continues it there</source>
        <translation>Der Befehl, den der Sweep ausführt; derselbe Befehl in einem Terminal führt ihn dort aus oder setzt ihn fort</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>Variieren:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Minuten:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>Gleichzeitig:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Choose a setting…</source>
        <translation>Einstellung wählen…</translation>
    </message>
    <message>
        <source>Model size (scaling study)</source>
        <translation>Modellgröße (Skalierungsstudie)</translation>
    </message>
    <message>
        <source>Share of the data (scaling study)</source>
        <translation>Anteil der Daten (Skalierungsstudie)</translation>
    </message>
    <message>
        <source>width factors, e.g. 0.5, 1, 2, 4</source>
        <translation>Breitenfaktoren, z. B. 0.5, 1, 2, 4</translation>
    </message>
    <message>
        <source>shares of the clips, e.g. 0.25, 0.5, 1</source>
        <translation>Anteile der Clips, z. B. 0.25, 0.5, 1</translation>
    </message>
    <message>
        <source>values, comma-separated (now %1)</source>
        <translation>Werte, durch Kommas getrennt (jetzt %1)</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The setting to vary (a key of the project file), or a scaling axis</source>
        <translation>Die zu variierende Einstellung (ein Schlüssel der Projektdatei) oder eine Skalierungsachse</translation>
    </message>
    <message>
        <source>Values separated by commas: numbers, true/false, words, or lists in brackets ([4, 8])</source>
        <translation>Durch Kommas getrennte Werte: Zahlen, true/false, Wörter oder Listen in Klammern ([4, 8])</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>Diese Achse entfernen</translation>
    </message>
    <message>
        <source>project&apos;s (%1)</source>
        <translation>Projektwert (%1)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Open a project to define a sweep.</source>
        <translation>Ein Projekt öffnen, um einen Sweep festzulegen.</translation>
    </message>
    <message>
        <source>The project has unsaved changes: save it first (the sweep reads the project file).</source>
        <translation>Das Projekt hat ungespeicherte Änderungen: zuerst speichern (der Sweep liest die Projektdatei).</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n variant(s).</source>
        <translation>
            <numerusform>Bereit: %n Variante.</numerusform>
            <numerusform>Bereit: %n Varianten.</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Variants trained at once, each in its own process with one thread; 1 trains them one after another with all threads; automatic: one per core on a CPU, one after another on a GPU</source>
        <translation>Gleichzeitig trainierte Varianten, jede in einem eigenen Prozess mit einem Thread; 1 trainiert sie nacheinander mit allen Threads; automatisch: eine pro Kern auf der CPU, nacheinander auf einer GPU</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepPreviewGrid</name>
    <message>
        <source>Reconstruction %1</source>
        <translation>Rekonstruktion %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Sample %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>%1 (no previews)</source>
        <translation>%1 (keine Vorschauen)</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1, Schritt %2</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their previews.</source>
        <translation>Varianten in der Tabelle auswählen, um ihre Vorschauen zu vergleichen.</translation>
    </message>
    <message>
        <source>The selected variants have saved no previews yet.</source>
        <translation>Die gewählten Varianten haben noch keine Vorschauen gespeichert.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepRequest</name>
    <message>
        <source>Add a setting to vary.</source>
        <translation>Eine zu variierende Einstellung hinzufügen.</translation>
    </message>
    <message>
        <source>Choose the setting of each axis.</source>
        <translation>Für jede Achse eine Einstellung wählen.</translation>
    </message>
    <message>
        <source>%1: give one or more values, separated by commas.</source>
        <translation>%1: einen oder mehrere Werte angeben, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepTableModel</name>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs per step</source>
        <translation>FLOPs pro Schritt</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Letzter Loss</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>Bester Loss</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>Loss auf zurückgehaltenen Clips</translation>
    </message>
    <message>
        <source>Blob score</source>
        <translation>Blob-Score</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Class accuracy</source>
        <translation>Klassengenauigkeit</translation>
    </message>
    <message>
        <source>Recognisable</source>
        <translation>Erkennbar</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Fréchet-Distanz</translation>
    </message>
    <message>
        <source>Fréchet floor</source>
        <translation>Fréchet-Untergrenze</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>Basiskanäle</translation>
    </message>
    <message>
        <source>Data share</source>
        <translation>Datenanteil</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Trainingsclips</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Angeglichen</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>Trainings-FLOPs</translation>
    </message>
</context>
<context>
    <name>vd::ui::ThumbnailCache</name>
    <message>
        <source>no frame could be decoded</source>
        <translation>es konnte kein Frame decodiert werden</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingController</name>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>Das Training ist mit einem unbekannten Fehler fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Save the project before training with %1 processes: the other processes read the project file.</source>
        <translation>Speichern Sie das Projekt vor dem Training mit %1 Prozessen: Die anderen Prozesse lesen die Projektdatei.</translation>
    </message>
    <message>
        <source>Cannot train with %1 processes: %2 is missing (it is installed next to the studio). Set the processes to 1 to train in the studio alone.</source>
        <translation>Training mit %1 Prozessen nicht möglich: %2 fehlt (es wird neben dem Studio installiert). Stellen Sie die Prozesse auf 1, um nur im Studio zu trainieren.</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <source>Process %1 of %2 was ended by signal %3: %4</source>
        <translation>Prozess %1 von %2 wurde durch Signal %3 beendet: %4</translation>
    </message>
    <message>
        <source>Process %1 of %2 ended with status %3: %4</source>
        <translation>Prozess %1 von %2 endete mit Status %3: %4</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPanel</name>
    <message>
        <source>Preparing: %1</source>
        <translation>Vorbereitung: %1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>Pausiert bei Schritt %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>1 · VAE (autoencoder)</source>
        <translation>1 · VAE (Autoencoder)</translation>
    </message>
    <message>
        <source>2 · Diffusion (denoiser)</source>
        <translation>2 · Diffusion (Denoiser)</translation>
    </message>
    <message>
        <source>Train the VAE first; the diffusion stage trains on its latents</source>
        <translation>Trainieren Sie zuerst den VAE; die Diffusionsstufe trainiert auf seinen Latents</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Train this stage from scratch (or resume, if it has checkpoints)</source>
        <translation>Diese Stufe von Grund auf trainieren (oder fortsetzen, falls sie Checkpoints hat)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint</source>
        <translation>Nach dem aktuellen Schritt stoppen und einen Checkpoint speichern</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>Schritt %v / %m</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation>Den pausierten Lauf fortsetzen</translation>
    </message>
    <message>
        <source>Continue training from the checkpoint at step %1</source>
        <translation>Training ab dem Checkpoint bei Schritt %1 fortsetzen</translation>
    </message>
    <message>
        <source>Continue a paused run, or a stopped one from its newest checkpoint</source>
        <translation>Einen pausierten Lauf fortsetzen oder einen gestoppten ab seinem neuesten Checkpoint</translation>
    </message>
    <message>
        <source>

The diffusion run was trained on this VAE&apos;s latents; train it again after a new VAE.</source>
        <translation>

Der Diffusionslauf wurde auf den Latents dieses VAE trainiert; trainieren Sie ihn nach einem neuen VAE erneut.</translation>
    </message>
    <message>
        <source>Checkpoints Exist</source>
        <translation>Checkpoints vorhanden</translation>
    </message>
    <message>
        <source>This stage has finished (step %1). Start over? Starting over moves the current run folder aside; nothing is deleted. To train longer, raise its steps in Settings and resume.%2</source>
        <translation>Diese Stufe ist abgeschlossen (Schritt %1). Neu beginnen? Beim Neubeginn wird der aktuelle Laufordner beiseitegeschoben; nichts wird gelöscht. Um länger zu trainieren, erhöhen Sie unter „Einstellungen“ die Schrittzahl und setzen Sie fort.%2</translation>
    </message>
    <message>
        <source>This stage already has checkpoints (newest at step %1). Resume from there, or start over? Starting over moves the current run folder aside; nothing is deleted.%2</source>
        <translation>Diese Stufe hat bereits Checkpoints (neuester bei Schritt %1). Dort fortsetzen oder neu beginnen? Beim Neubeginn wird der aktuelle Laufordner beiseitegeschoben; nichts wird gelöscht.%2</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2; move or delete it yourself to start over.</source>
        <translation>%1 kann nicht nach %2 verschoben werden; verschieben oder löschen Sie den Ordner selbst, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>Wird nach diesem Schritt gestoppt und ein Checkpoint gespeichert…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Vorbereitung…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n torch thread(s)</source>
        <translation>
            <numerusform>%1 · %n Torch-Thread</numerusform>
            <numerusform>%1 · %n Torch-Threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview clips appear here every %n step(s) while training.</source>
        <translation>
            <numerusform>Während des Trainings erscheinen hier nach jedem Schritt Vorschau-Clips.</numerusform>
            <numerusform>Während des Trainings erscheinen hier alle %n Schritte Vorschau-Clips.</numerusform>
        </translation>
    </message>
    <message>
        <source>Previews are off for this stage (preview_every is 0).</source>
        <translation>Vorschauen sind für diese Stufe deaktiviert (preview_every ist 0).</translation>
    </message>
    <message>
        <source>Open a project to train it.</source>
        <translation>Öffnen Sie ein Projekt, um es zu trainieren.</translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation>Abgeschlossen bei Schritt %1</translation>
    </message>
    <message>
        <source>Stopped at step %1</source>
        <translation>Gestoppt bei Schritt %1</translation>
    </message>
    <message>
        <source>Train as this many processes on this machine (data parallel): each gets a share of the batch and of the cores, together they train the project&apos;s batch. The project must be saved: the other processes read its file.</source>
        <translation>Mit so vielen Prozessen auf diesem Rechner trainieren (datenparallel): Jeder erhält einen Teil des Batches und der Kerne, zusammen trainieren sie den Batch des Projekts. Das Projekt muss gespeichert sein: Die anderen Prozesse lesen seine Datei.</translation>
    </message>
    <message>
        <source>Processes on this machine:</source>
        <translation>Prozesse auf diesem Rechner:</translation>
    </message>
    <message>
        <source>%1 per process × %2 processes = %3</source>
        <translation>%1 je Prozess × %2 Prozesse = %3</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPreviewGrid</name>
    <message>
        <source>Latest previews</source>
        <translation>Neueste Vorschauen</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>Clip %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>Sample %1</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · input | reconstruction</source>
        <translation>Neueste Vorschauen · Schritt %1 · Eingabe | Rekonstruktion</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · samples</source>
        <translation>Neueste Vorschauen · Schritt %1 · Samples</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingStatsForm</name>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>Verbleibend:</translation>
    </message>
    <message>
        <source>Loader wait:</source>
        <translation>Loader-Wartezeit:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Loss (smoothed):</source>
        <translation>Loss (geglättet):</translation>
    </message>
    <message>
        <source>%1 it/s · %2 ms/step</source>
        <translation>%1 it/s · %2 ms/Schritt</translation>
    </message>
    <message>
        <source>%1 ms/step (%2%)</source>
        <translation>%1 ms/Schritt (%2 %)</translation>
    </message>
    <message>
        <source>Clips per step of each process, and of all of them together</source>
        <translation>Clips pro Schritt je Prozess und aller Prozesse zusammen</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch-Größe:</translation>
    </message>
</context>
<context>
    <name>vd::ui::VideoFilePlayer</name>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Wählen Sie einen Clip aus, um ihn abzuspielen.</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 fps · %5 frames · %6</source>
        <translation>%1 · %2×%3 · %4 fps · %5 Frames · %6</translation>
    </message>
    <message>
        <source>playing the first %1 frames</source>
        <translation>die ersten %1 Frames werden abgespielt</translation>
    </message>
    <message>
        <source>stops after %1 frames: %2</source>
        <translation>bricht nach %1 Frames ab: %2</translation>
    </message>
    <message>
        <source>no frame could be decoded</source>
        <translation>es konnte kein Frame decodiert werden</translation>
    </message>
    <message>
        <source>Decoding %1 …</source>
        <translation>%1 wird decodiert …</translation>
    </message>
    <message>
        <source>Cannot play this clip.</source>
        <translation>Dieser Clip kann nicht abgespielt werden.</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
</context>
</TS>
