<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>vd::ui::BlobScorePlot</name>
    <message>
        <source>training step</source>
        <translation>étape d’entraînement</translation>
    </message>
    <message>
        <source>blob score</source>
        <translation>score de blob</translation>
    </message>
    <message>
        <source>Blob score over training (VAE previews)</source>
        <translation>Score de blob au fil de l’entraînement (aperçus du VAE)</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>can. %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelHistogram</name>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Channel %1 values (%2; dashed: mean)</source>
        <translation>Valeurs du canal %1 (%2&#xa0;; pointillés&#xa0;: moyenne)</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>normalisées</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>brutes</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelStatsTable</name>
    <message>
        <source>Ch</source>
        <translation>Can.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Écart-type</translation>
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
        <translation>Top 1&#xa0;%</translation>
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
        <translation>Canal latent</translation>
    </message>
    <message>
        <source>Mean over frames and positions</source>
        <translation>Moyenne sur les images et les positions</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Écart-type</translation>
    </message>
    <message>
        <source>Smallest value</source>
        <translation>Plus petite valeur</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Plus grande valeur</translation>
    </message>
    <message>
        <source>Excess kurtosis (0 for a Gaussian; large: heavy tails)</source>
        <translation>Excès de kurtosis (0 pour une gaussienne&#xa0;; élevé&#xa0;: queues lourdes)</translation>
    </message>
    <message>
        <source>Largest |value − mean| / std</source>
        <translation>Plus grand |valeur − moyenne| / écart-type</translation>
    </message>
    <message>
        <source>Share of the channel&apos;s energy in its top 1% positions (about 0.085 for Gaussian values)</source>
        <translation>Part de l’énergie du canal dans ses 1&#xa0;% de positions les plus fortes (environ 0.085 pour des valeurs gaussiennes)</translation>
    </message>
    <message>
        <source>Share of the energy in high spatial frequencies</source>
        <translation>Part de l’énergie dans les hautes fréquences spatiales</translation>
    </message>
    <message>
        <source>Blobs found</source>
        <translation>Blobs détectés</translation>
    </message>
    <message>
        <source>Blob score (flagged at the detector&apos;s blob_score)</source>
        <translation>Score de blob (signalé à partir du blob_score du détecteur)</translation>
    </message>
    <message>
        <source>Flagged: blob score %1 reaches %2</source>
        <translation>Signalé&#xa0;: le score de blob %1 atteint le seuil %2</translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s), score below %1</source>
        <translation>
            <numerusform>%n blob, score inférieur à %1</numerusform>
            <numerusform>%n blobs, score inférieur à %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipGridPlayer</name>
    <message>
        <source>Previous frame (Left)</source>
        <translation>Image précédente (Flèche gauche)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Lecture (Espace)</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>Image suivante (Flèche droite)</translation>
    </message>
    <message>
        <source>Scrub through the frames</source>
        <translation>Parcourir les images</translation>
    </message>
    <message>
        <source>frame %1 / %2</source>
        <translation>image %1 / %2</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> i/s</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>Vitesse de lecture en images par seconde</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>Zoom: fit the view, or whole factors with sharp pixels</source>
        <translation>Zoom&#xa0;: ajuster à la vue, ou facteurs entiers avec des pixels nets</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Show |frame - previous frame|, amplified %1x, instead of the frames</source>
        <translation>Afficher |image - image précédente|, amplifiée ×%1, au lieu des images</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>No clip to show.
Sample with the model, or open a dataset or exported clip.</source>
        <translation>Aucun clip à afficher.
Échantillonnez le modèle, ou ouvrez un jeu de données ou un clip exporté.</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Espace)</translation>
    </message>
    <message>
        <source>no frames</source>
        <translation>aucune image</translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>Pas de miniature&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>ignoré&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 a été ignoré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>i/s</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>vd::ui::DatasetPanel</name>
    <message>
        <source>Scanning the folder</source>
        <translation>Analyse du dossier</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Réanalyser</translation>
    </message>
    <message>
        <source>Scan the folder again (only changed files are probed)</source>
        <translation>Analyser à nouveau le dossier (seuls les fichiers modifiés sont examinés)</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrer par nom</translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation>N’afficher qu’une étiquette</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Usable clips</source>
        <translation>Clips utilisables</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Fichiers ignorés</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniatures</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Ce que voit le modèle</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Scanning %1 …</source>
        <translation>Analyse de %1 …</translation>
    </message>
    <message>
        <source>Cannot scan this folder: %1</source>
        <translation>Impossible d’analyser ce dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>No clips.</source>
        <translation>Aucun clip.</translation>
    </message>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Sélectionnez un clip pour le lire.</translation>
    </message>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Sélectionnez un clip pour voir les images sur lesquelles le modèle s’entraîne.</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>Aucun jeu de données</translation>
    </message>
    <message>
        <source>Open a project or a folder to browse its clips.</source>
        <translation>Ouvrez un projet ou un dossier pour parcourir ses clips.</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n étiquette</numerusform>
            <numerusform>%n étiquettes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignoré</numerusform>
            <numerusform>%n ignorés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1&#xa0;images</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sans étiquette)</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 a été ignoré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Skipped files are not used for training.</source>
        <translation>Les fichiers ignorés ne servent pas à l’entraînement.</translation>
    </message>
    <message>
        <source>Sampled with the project&apos;s dataset settings.</source>
        <translation>Échantillonnage selon les paramètres du jeu de données du projet.</translation>
    </message>
    <message>
        <source>No project open: sampled with the default dataset settings.</source>
        <translation>Aucun projet ouvert&#xa0;: échantillonnage selon les paramètres par défaut du jeu de données.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExperimentsPanel</name>
    <message>
        <source>The project&apos;s sweeps (runs/sweeps): choose one to see its results</source>
        <translation>Les balayages du projet (runs/sweeps) : choisissez-en un pour voir ses résultats</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the sweeps folder again</source>
        <translation>Relire le dossier des balayages</translation>
    </message>
    <message>
        <source>Load Settings</source>
        <translation>Charger les réglages</translation>
    </message>
    <message>
        <source>Show this sweep&apos;s settings in the form: Start then continues it (finished variants are skipped)</source>
        <translation>Afficher les réglages de ce balayage dans le formulaire : Démarrer le poursuit alors (les variantes terminées sont ignorées)</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Balayages</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Démarrer le balayage</translation>
    </message>
    <message>
        <source>Run the sweep in its own process; a sweep with this name that was stopped continues where it stopped</source>
        <translation>Exécuter le balayage dans son propre processus ; un balayage de ce nom qui a été arrêté reprend là où il s’est arrêté</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the running variants after their current step; each saves a checkpoint</source>
        <translation>Arrêter les variantes en cours après leur étape actuelle ; chacune enregistre un checkpoint</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>Nouveau balayage</translation>
    </message>
    <message>
        <source>No sweep chosen.</source>
        <translation>Aucun balayage choisi.</translation>
    </message>
    <message>
        <source>Select variants (Ctrl or Shift for several) to compare them below; click a header to sort by it</source>
        <translation>Sélectionnez des variantes (Ctrl ou Maj pour plusieurs) pour les comparer ci-dessous ; cliquez sur un en-tête pour trier selon celui-ci</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Courbes</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Mise à l’échelle</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>The newest previews of the selected variants: the same held-out clips and the same noise for each</source>
        <translation>Les aperçus les plus récents des variantes sélectionnées : les mêmes clips réservés et le même bruit pour chacune</translation>
    </message>
    <message>
        <source>diffusion</source>
        <translation>diffusion</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 finished</source>
        <translation>%1 — %2, %3 sur %4 terminées</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Stopping: each running variant finishes its step and saves a checkpoint…</source>
        <translation>Arrêt : chaque variante en cours termine son étape et enregistre un checkpoint…</translation>
    </message>
    <message>
        <source>The sweep finished.</source>
        <translation>Le balayage est terminé.</translation>
    </message>
    <message>
        <source>Stopped. Start the same sweep again to continue it.</source>
        <translation>Arrêté. Relancez le même balayage pour le poursuivre.</translation>
    </message>
    <message>
        <source>The sweep did not start.</source>
        <translation>Le balayage n’a pas démarré.</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>Le balayage n’a pas démarré : %1</translation>
    </message>
    <message>
        <source>The sweep failed.</source>
        <translation>Le balayage a échoué.</translation>
    </message>
    <message>
        <source>The sweep failed (status %1): %2</source>
        <translation>Le balayage a échoué (statut %1) : %2</translation>
    </message>
    <message>
        <source>This project has no sweeps yet: define one on the left.</source>
        <translation>Ce projet n’a pas encore de balayage : définissez-en un à gauche.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stage, %3 of %n variant(s) finished.</source>
        <translation>
            <numerusform>%1 : phase %2, %3 sur %n variante terminées.</numerusform>
            <numerusform>%1 : phase %2, %3 sur %n variantes terminées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures read from the runs now (results.json is written when the sweep ends).</source>
        <translation>Valeurs lues à l’instant dans les exécutions (results.json est écrit à la fin du balayage).</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportDialog</name>
    <message>
        <source>Export Clips</source>
        <translation>Exporter des clips</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>Current clip (%1)</source>
        <translation>Clip actuel (%1)</translation>
    </message>
    <message numerus="yes">
        <source>All %n clip(s) of the grid, into a folder</source>
        <translation>
            <numerusform>Tous les clips de la grille (%n clip), dans un dossier</numerusform>
            <numerusform>Les %n clips de la grille, dans un dossier</numerusform>
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
        <translation>GIF animé</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>Séquence PNG (un dossier)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> i/s</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Each pixel becomes a block of this size (nearest neighbour)</source>
        <translation>Chaque pixel devient un bloc de cette taille (plus proche voisin)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message numerus="yes">
        <source>of %n frame(s)</source>
        <translation>
            <numerusform>sur %n image</numerusform>
            <numerusform>sur %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips&#xa0;:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Fréquence d’images&#xa0;:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Échelle&#xa0;:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Images&#xa0;:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Enregistrer dans&#xa0;:</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Une exportation est déjà en cours.</translation>
    </message>
    <message>
        <source>There is no clip to export.</source>
        <translation>Il n’y a aucun clip à exporter.</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>Choisissez où enregistrer.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Remplacer les fichiers&#xa0;?</translation>
    </message>
    <message>
        <source>These already exist and will be replaced:
%1</source>
        <translation>Ces fichiers existent déjà et seront remplacés&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n clip(s) to %1</source>
        <translation>
            <numerusform>%n clip exporté dans %1</numerusform>
            <numerusform>%n clips exportés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n complete clip(s) were kept.</source>
        <translation>
            <numerusform>Annulé&#xa0;; %n clip complet a été conservé.</numerusform>
            <numerusform>Annulé&#xa0;; %n clips complets ont été conservés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>Exporter dans un dossier</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Vidéo MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>Vidéo WebM (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>Animation GIF (*.gif)</translation>
    </message>
    <message>
        <source>Export Clip</source>
        <translation>Exporter le clip</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)</source>
        <translation>
            <numerusform>%1 × %2&#xa0;pixels, %n image à %3&#xa0;i/s (%4&#xa0;s)</numerusform>
            <numerusform>%1 × %2&#xa0;pixels, %n images à %3&#xa0;i/s (%4&#xa0;s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportWorker</name>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Impossible d’exporter vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a folder</source>
        <translation>«&#xa0;%1&#xa0;» existe et n’est pas un dossier</translation>
    </message>
    <message>
        <source>one output path per clip is needed</source>
        <translation>il faut un chemin de sortie par clip</translation>
    </message>
    <message>
        <source>the scale must be 1 to 16</source>
        <translation>l’échelle doit être comprise entre 1 et 16</translation>
    </message>
    <message>
        <source>the frame range %1-%2 is outside the clip&apos;s %3 frames</source>
        <translation>la plage d’images %1-%2 dépasse les %3&#xa0;images du clip</translation>
    </message>
</context>
<context>
    <name>vd::ui::FlickerPlot</name>
    <message>
        <source>frame</source>
        <translation>image</translation>
    </message>
    <message>
        <source>mean |change|</source>
        <translation>|variation| moyenne</translation>
    </message>
    <message>
        <source>Frame-to-frame change (no clip)</source>
        <translation>Variation d’une image à l’autre (aucun clip)</translation>
    </message>
    <message>
        <source>flicker index %1, mean change %2</source>
        <translation>indice de scintillement %1, variation moyenne %2</translation>
    </message>
    <message>
        <source>mean change %1 (flicker index needs 3 frames)</source>
        <translation>variation moyenne %1 (l’indice de scintillement nécessite 3&#xa0;images)</translation>
    </message>
    <message>
        <source>a single frame has no change</source>
        <translation>une image seule ne varie pas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectionVerdictView</name>
    <message>
        <source>clean</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>suspect</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>blobs</translation>
    </message>
    <message>
        <source>Inspection failed: %1</source>
        <translation>Échec de l’inspection&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — step %2: %3. %4</source>
        <translation>%1 — étape %2&#xa0;: %3. %4</translation>
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
        <translation>(La normalisation des latents de ce checkpoint n’est pas encore calibrée&#xa0;; les valeurs sont brutes.)</translation>
    </message>
    <message>
        <source>%1: step %2, %3, max blob score %4, PSNR %5 dB</source>
        <translation>%1&#xa0;: étape %2, %3, score de blob max. %4, PSNR %5&#xa0;dB</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorControlBar</name>
    <message>
        <source>step %1 (newest)</source>
        <translation>étape %1 (la plus récente)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>étape %1</translation>
    </message>
    <message>
        <source>VAE checkpoint to inspect (EMA weights when saved)</source>
        <translation>Checkpoint du VAE à inspecter (poids EMA s’ils ont été enregistrés)</translation>
    </message>
    <message>
        <source>A second checkpoint to inspect on the same clip</source>
        <translation>Un second checkpoint à inspecter sur le même clip</translation>
    </message>
    <message>
        <source>Show A</source>
        <translation>Afficher A</translation>
    </message>
    <message>
        <source>Show B</source>
        <translation>Afficher B</translation>
    </message>
    <message>
        <source>Show the first checkpoint&apos;s result</source>
        <translation>Afficher le résultat du premier checkpoint</translation>
    </message>
    <message>
        <source>Show the comparison checkpoint&apos;s result</source>
        <translation>Afficher le résultat du checkpoint de comparaison</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the checkpoints, clips and metrics again</source>
        <translation>Relire les checkpoints, les clips et les métriques</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Latent normalization</source>
        <translation>Normalisation des latents</translation>
    </message>
    <message>
        <source>Show the latents after the VAE&apos;s per-channel normalization, as the diffusion model sees them</source>
        <translation>Afficher les latents après la normalisation par canal du VAE, tels que le modèle de diffusion les voit</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>Échelle de couleurs commune</translation>
    </message>
    <message>
        <source>One colour range for all channels (symmetric around 0) instead of one per channel (centred on its mean)</source>
        <translation>Une seule plage de couleurs pour tous les canaux (symétrique autour de 0) au lieu d’une par canal (centrée sur sa moyenne)</translation>
    </message>
    <message>
        <source>Checkpoint A:</source>
        <translation>Checkpoint A&#xa0;:</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>Comparer avec B&#xa0;:</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>Clip&#xa0;:</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>Image&#xa0;:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorPanel</name>
    <message>
        <source>No VAE checkpoint yet: train the VAE first.</source>
        <translation>Pas encore de checkpoint du VAE&#xa0;: entraînez d’abord le VAE.</translation>
    </message>
    <message>
        <source>%1 (held out)</source>
        <translation>%1 (hors entraînement)</translation>
    </message>
    <message>
        <source>Could not list the dataset&apos;s clips: %1</source>
        <translation>Impossible de lister les clips du jeu de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the VAE metrics: %1</source>
        <translation>Impossible de lire les métriques du VAE&#xa0;: %1</translation>
    </message>
    <message>
        <source>Inspect a Video</source>
        <translation>Inspecter une vidéo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>Inspection de %1…</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10</source>
        <translation>%1&#xa0;: %2&#xa0;images de %3×%4, latents %5×%6×%7×%8, VAE à l’étape %9%10</translation>
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
        <translation>Canaux latents (cliquer pour sélectionner&#xa0;; cadres&#xa0;: blobs)</translation>
    </message>
    <message>
        <source>ch %1 · score %2</source>
        <translation>can. %1 · score %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::LogView</name>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs uniquement</translation>
    </message>
    <message>
        <source>Filter log…</source>
        <translation>Filtrer le journal…</translation>
    </message>
</context>
<context>
    <name>vd::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>Ouvrir le &amp;dossier d’un jeu de données…</translation>
    </message>
    <message>
        <source>Open &amp;Video…</source>
        <translation>Ouvrir une &amp;vidéo…</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>Ouvrir une vidéo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</source>
        <translation>Vidéos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>En&amp;traînement</translation>
    </message>
    <message>
        <source>&amp;Start or Resume</source>
        <translation>&amp;Démarrer ou reprendre</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>S&amp;top (saves a checkpoint)</source>
        <translation>&amp;Arrêter (enregistre un checkpoint)</translation>
    </message>
    <message>
        <source>&amp;Clips</source>
        <translation>&amp;Clips</translation>
    </message>
    <message>
        <source>&amp;Sample Now</source>
        <translation>Échantillonner &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Inspect Clip File…</source>
        <translation>&amp;Inspecter un fichier de clip…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher le panneau %1</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About VDStudio</source>
        <translation>À &amp;propos de VDStudio</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>%1: not a project, folder or video</source>
        <translation>%1&#xa0;: ni un projet, ni un dossier, ni une vidéo</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>Projets VDStudio (*.vdproj)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Ouvrir le dossier d’un jeu de données</translation>
    </message>
    <message>
        <source>About VDStudio</source>
        <translation>À propos de VDStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training and sampling latent video diffusion models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Device: %3&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Entraînement et échantillonnage de modèles de diffusion vidéo latente.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Périphérique&#xa0;: %3&lt;/p&gt;&lt;p&gt;Licence&#xa0;: GPL-3.0-or-later&lt;/p&gt;</translation>
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
        <translation>%1 — %2 (préréglage %3, %4×%5, %6&#xa0;images)</translation>
    </message>
    <message>
        <source>No project open — File &gt; New Project or Open Project</source>
        <translation>Aucun projet ouvert — Fichier &gt; Nouveau projet ou Ouvrir un projet</translation>
    </message>
    <message>
        <source>Device: %1 — %2</source>
        <translation>Périphérique&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message>
        <source>The settings of %1 have changed. Save them?</source>
        <translation>Les paramètres de %1 ont changé. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>Entraînement en cours</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it, save a checkpoint and quit?</source>
        <translation>Un entraînement est en cours. L’arrêter, enregistrer un checkpoint et quitter&#xa0;?</translation>
    </message>
    <message>
        <source>Stopping the run and saving a checkpoint…</source>
        <translation>Arrêt de l’entraînement et enregistrement d’un checkpoint…</translation>
    </message>
    <message>
        <source>The run did not stop in time; try again.</source>
        <translation>L’entraînement ne s’est pas arrêté à temps&#xa0;; réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (%n périphérique)</numerusform>
            <numerusform>CUDA (%n périphériques)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n torch thread(s))</source>
        <translation>
            <numerusform>CPU (%n thread Torch)</numerusform>
            <numerusform>CPU (%n threads Torch)</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Expériences</translation>
    </message>
    <message>
        <source>A Sweep Is Running</source>
        <translation>Un balayage est en cours</translation>
    </message>
    <message>
        <source>A sweep is in progress. Stop it (each running variant saves a checkpoint) and quit? Starting it again later continues it.</source>
        <translation>Un balayage est en cours. L’arrêter (chaque variante en cours enregistre un checkpoint) et quitter ? Le relancer plus tard le poursuit.</translation>
    </message>
    <message>
        <source>Stopping the sweep…</source>
        <translation>Arrêt du balayage…</translation>
    </message>
    <message>
        <source>The sweep did not stop in time; try again.</source>
        <translation>Le balayage ne s’est pas arrêté à temps ; réessayez.</translation>
    </message>
</context>
<context>
    <name>vd::ui::MetricsPlot</name>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Norme du gradient</translation>
    </message>
    <message>
        <source>Step time and loader wait (ms)</source>
        <translation>Durée d’étape et attente du chargeur (ms)</translation>
    </message>
    <message>
        <source>Probe reconstruction PSNR (dB)</source>
        <translation>PSNR de reconstruction des clips témoins (dB)</translation>
    </message>
    <message>
        <source>Latent health</source>
        <translation>Santé des latents</translation>
    </message>
    <message>
        <source>Blob score per channel</source>
        <translation>Score de blob par canal</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>Autres courbes</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d’apprentissage</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norme du gradient</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>loader wait</source>
        <translation>attente du chargeur</translation>
    </message>
    <message>
        <source>probe PSNR</source>
        <translation>PSNR témoin</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Échelle log</translation>
    </message>
    <message>
        <source>Overlay Earlier Run…</source>
        <translation>Superposer une exécution antérieure…</translation>
    </message>
    <message>
        <source>Clear Overlay</source>
        <translation>Effacer la superposition</translation>
    </message>
    <message>
        <source>Which figure of the run to plot</source>
        <translation>Courbe de l’exécution à tracer</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average)</source>
        <translation>Lissage des courbes en gras (moyenne mobile exponentielle)</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>Axe y logarithmique</translation>
    </message>
    <message>
        <source>Draw the curves of another run&apos;s metrics.jsonl, dashed</source>
        <translation>Tracer en pointillés les courbes du metrics.jsonl d’une autre exécution</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Lissage</translation>
    </message>
    <message>
        <source>Remove the overlay of %1</source>
        <translation>Retirer la superposition de %1</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (exécution antérieure)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>étape %1</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1&#xa0;: %2 (lissé %3)</translation>
    </message>
    <message>
        <source>Overlay Earlier Run</source>
        <translation>Superposer une exécution antérieure</translation>
    </message>
    <message>
        <source>Metrics logs (metrics.jsonl *.jsonl)</source>
        <translation>Journaux de métriques (metrics.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>durée d’étape</translation>
    </message>
    <message>
        <source>Sample quality: class accuracy</source>
        <translation>Qualité des échantillons : précision de classe</translation>
    </message>
    <message>
        <source>Sample quality: Fréchet distance</source>
        <translation>Qualité des échantillons : distance de Fréchet</translation>
    </message>
    <message>
        <source>Sample quality: generated / real</source>
        <translation>Qualité des échantillons : généré / réel</translation>
    </message>
    <message>
        <source>all classes</source>
        <translation>toutes les classes</translation>
    </message>
    <message>
        <source>generated vs real</source>
        <translation>généré contre réel</translation>
    </message>
    <message>
        <source>real vs real (floor)</source>
        <translation>réel contre réel (plancher)</translation>
    </message>
    <message>
        <source>mean change</source>
        <translation>variation moyenne</translation>
    </message>
    <message>
        <source>flicker index</source>
        <translation>indice de scintillement</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>diversité</translation>
    </message>
    <message>
        <source>recognisable</source>
        <translation>reconnaissables</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <source>precision, real vs real</source>
        <translation>précision, réel contre réel</translation>
    </message>
    <message>
        <source>recall, real vs real</source>
        <translation>rappel, réel contre réel</translation>
    </message>
    <message>
        <source>held through the clip</source>
        <translation>tenue sur tout le clip</translation>
    </message>
    <message>
        <source>held, real clips</source>
        <translation>tenue, clips réels</translation>
    </message>
    <message>
        <source>drift between halves</source>
        <translation>dérive entre les moitiés</translation>
    </message>
</context>
<context>
    <name>vd::ui::ModelInputStrip</name>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Sélectionnez un clip pour voir les images sur lesquelles le modèle s’entraîne.</translation>
    </message>
    <message>
        <source>Sampling %1 …</source>
        <translation>Échantillonnage de %1 …</translation>
    </message>
    <message>
        <source>Cannot sample this clip: %1</source>
        <translation>Impossible d’échantillonner ce clip&#xa0;: %1</translation>
    </message>
    <message>
        <source> (%1 fps)</source>
        <translation> (%1&#xa0;i/s)</translation>
    </message>
    <message>
        <source>%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6</source>
        <translation>%1&#xa0;images · %2×%3 · pas %4%5 · depuis l’image 0 · recadrage centré%6</translation>
    </message>
    <message>
        <source> · random flip (fixed seed)</source>
        <translation> · retournement aléatoire (graine fixe)</translation>
    </message>
</context>
<context>
    <name>vd::ui::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>e.g. ~/videos/shapes.vdproj</source>
        <translation>p. ex. ~/videos/shapes.vdproj</translation>
    </message>
    <message>
        <source>a folder of videos; subfolders are labels</source>
        <translation>un dossier de vidéos&#xa0;; les sous-dossiers sont les étiquettes</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Demo: 64×64, trains in minutes on a CPU</source>
        <translation>Démo&#xa0;: 64×64, s’entraîne en quelques minutes sur CPU</translation>
    </message>
    <message>
        <source>Base: full-size models, for a GPU</source>
        <translation>Base&#xa0;: modèles de taille complète, pour un GPU</translation>
    </message>
    <message>
        <source>Write the built-in demo dataset (moving shapes) into the folder</source>
        <translation>Écrire le jeu de données de démo intégré (formes en mouvement) dans le dossier</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Fichier du projet&#xa0;:</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>Dossier du jeu de données&#xa0;:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage&#xa0;:</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>Projets VDStudio (*.vdproj)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Dossier du jeu de données</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Choisissez où enregistrer le fichier du projet.</translation>
    </message>
    <message>
        <source>Choose the folder with the training videos.</source>
        <translation>Choisissez le dossier contenant les vidéos d’entraînement.</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>Le dossier du jeu de données %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 exists and will be overwritten.</source>
        <translation>%1 existe et sera écrasé.</translation>
    </message>
    <message>
        <source>Writing %1 demo clips…</source>
        <translation>Écriture de %1 clips de démo…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Could not write the demo dataset: %1</source>
        <translation>Impossible d’écrire le jeu de données de démo&#xa0;: %1</translation>
    </message>
    <message>
        <source>Small: 128×128, trains in an hour on a CPU</source>
        <translation>Petit&#xa0;: 128×128, s’entraîne en une heure sur CPU</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 steps, the denoiser for up to %6 minutes or %7 steps.</source>
        <translation>Clips de %1×%2 pixels et %3 images. Le VAE s’entraîne jusqu’à %4 minutes ou %5 pas, le débruiteur jusqu’à %6 minutes ou %7 pas.</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 steps and the denoiser for %5 steps.</source>
        <translation>Clips de %1×%2 pixels et %3 images. Le VAE s’entraîne %4 pas et le débruiteur %5 pas.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>Selon le projet</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatique (CUDA si disponible)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Automatic (%1 on this machine)</source>
        <translation>Automatique (%1 sur cette machine)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Selon le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Training device:</source>
        <translation>Périphérique d’entraînement&#xa0;:</translation>
    </message>
    <message>
        <source>Torch threads:</source>
        <translation>Threads Torch&#xa0;:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <source>The device applies to the next run; a new language applies after a restart.</source>
        <translation>Le périphérique s’applique au prochain entraînement&#xa0;; une nouvelle langue s’applique après un redémarrage.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreviewPanel</name>
    <message>
        <source>step %1 / %2</source>
        <translation>étape %1 / %2</translation>
    </message>
    <message>
        <source>Sampling cancelled.</source>
        <translation>Échantillonnage annulé.</translation>
    </message>
    <message>
        <source>Sample Now</source>
        <translation>Échantillonner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open Clip…</source>
        <translation>Ouvrir un clip…</translation>
    </message>
    <message>
        <source>Play a dataset clip or an exported clip</source>
        <translation>Lire un clip du jeu de données ou un clip exporté</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Write the current clip or the whole grid to MP4, WebM, GIF or PNG frames</source>
        <translation>Enregistrer le clip actuel ou toute la grille en MP4, WebM, GIF ou images PNG</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Loading the trained models…</source>
        <translation>Chargement des modèles entraînés…</translation>
    </message>
    <message>
        <source>Open a project to sample from its models.</source>
        <translation>Ouvrez un projet pour échantillonner ses modèles.</translation>
    </message>
    <message>
        <source>Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of %5×%6 on %7</source>
        <translation>Débruiteur&#xa0;: étape %1 (objectif %2)&#xa0;; VAE&#xa0;: étape %3&#xa0;; %4&#xa0;images de %5×%6 sur %7</translation>
    </message>
    <message>
        <source>No model to sample from: %1</source>
        <translation>Aucun modèle à échantillonner&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>Échantillonnage…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
        <source>Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5</source>
        <translation>
            <numerusform>%n clip échantillonné en %1&#xa0;s&#xa0;: %2, %3 étapes, guidage %4, graine %5</numerusform>
            <numerusform>%n clips échantillonnés en %1&#xa0;s&#xa0;: %2, %3 étapes, guidage %4, graine %5</numerusform>
        </translation>
    </message>
    <message>
        <source>loading models…</source>
        <translation>chargement des modèles…</translation>
    </message>
    <message>
        <source>%1: no frames could be decoded</source>
        <translation>%1&#xa0;: aucune image n’a pu être décodée</translation>
    </message>
    <message>
        <source> (first %1 of %2 frames)</source>
        <translation> (%1 premières images sur %2)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open Clip</source>
        <translation>Ouvrir un clip</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>Aucun clip.</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n frame(s), %2×%3 pixels</source>
        <translation>
            <numerusform>%1
%n image, %2×%3&#xa0;pixels</numerusform>
            <numerusform>%1
%n images, %2×%3&#xa0;pixels</numerusform>
        </translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>mean change %1, max %2</source>
        <translation>variation moyenne %1, max. %2</translation>
    </message>
    <message>
        <source>flicker index %1</source>
        <translation>indice de scintillement %1</translation>
    </message>
    <message>
        <source>Judge Clips</source>
        <translation>Évaluer les clips</translation>
    </message>
    <message>
        <source>Score the sampled clips with the project&apos;s sample judge: class accuracy, Fréchet distance to real clips, motion and diversity against real clips (trains the judge first if needed)</source>
        <translation>Note les clips générés avec l’évaluateur d’échantillons du projet : précision de classe, distance de Fréchet aux clips réels, mouvement et diversité par rapport aux clips réels (entraîne d’abord l’évaluateur si nécessaire)</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>Évaluation…</translation>
    </message>
    <message numerus="yes">
        <source>Judge: %1% right on %n held-out clip window(s)</source>
        <translation>
            <numerusform>Évaluateur : %1 % de réussite sur %n fenêtre de clip réservée</numerusform>
            <numerusform>Évaluateur : %1 % de réussite sur %n fenêtres de clip réservées</numerusform>
        </translation>
    </message>
    <message>
        <source>Class accuracy: %1% (%2)</source>
        <translation>Précision de classe : %1 % (%2)</translation>
    </message>
    <message>
        <source>Fréchet distance: %1 (real vs real: %2)</source>
        <translation>Distance de Fréchet : %1 (réel contre réel : %2)</translation>
    </message>
    <message>
        <source>The judge failed: %1</source>
        <translation>L’évaluation a échoué : %1</translation>
    </message>
    <message>
        <source>Held through the clip: %1% (real clips: %2%)</source>
        <translation>Tenue sur tout le clip : %1 % (clips réels : %2 %)</translation>
    </message>
    <message>
        <source>Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4</source>
        <translation>Généré / réel : variation moyenne ×%1, scintillement ×%2, dérive ×%3, diversité ×%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSession</name>
    <message>
        <source>No project file to save to.</source>
        <translation>Aucun fichier de projet dans lequel enregistrer.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSettingsForm</name>
    <message>
        <source>Filter settings…</source>
        <translation>Filtrer les paramètres…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Use these settings for the next run (File &gt; Save Project writes them)</source>
        <translation>Utiliser ces paramètres pour le prochain entraînement (Fichier &gt; Enregistrer le projet les écrit)</translation>
    </message>
    <message>
        <source>Open or create a project to edit its settings.</source>
        <translation>Ouvrez ou créez un projet pour modifier ses paramètres.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Valid. Apply to use these settings.</source>
        <translation>Valide. Appliquez pour utiliser ces paramètres.</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Paramètres de %1</translation>
    </message>
</context>
<context>
    <name>vd::ui::ReconstructionViews</name>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>Reconstruction</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Input, frame %1</source>
        <translation>Entrée, image %1</translation>
    </message>
    <message>
        <source>Reconstruction, PSNR %1 dB</source>
        <translation>Reconstruction, PSNR %1&#xa0;dB</translation>
    </message>
    <message>
        <source>|error| mean %1, scale 0–%2</source>
        <translation>|erreur| moyenne %1, échelle 0–%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::RunCheckpointList</name>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Checkpoints of this stage&apos;s run; double-click opens the folder</source>
        <translation>Checkpoints de l’exécution de cette phase&#xa0;; un double-clic ouvre le dossier</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleSettingsForm</name>
    <message>
        <source>The samplers that fit the model&apos;s training objective</source>
        <translation>Les échantillonneurs compatibles avec l’objectif d’entraînement du modèle</translation>
    </message>
    <message>
        <source>Sampler steps (Heun evaluates the model twice per step)</source>
        <translation>Étapes de l’échantillonneur (Heun évalue le modèle deux fois par étape)</translation>
    </message>
    <message>
        <source>Classifier-free guidance: 1 uses the label&apos;s prediction as is, more follows the label more strongly</source>
        <translation>Guidage sans classifieur&#xa0;: 1 utilise telle quelle la prédiction de l’étiquette, une valeur plus élevée suit l’étiquette de plus près</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>Inconditionnel</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>Choisir une graine aléatoire</translation>
    </message>
    <message>
        <source>Clips to generate; they play side by side</source>
        <translation>Clips à générer&#xa0;; ils sont lus côte à côte</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Échantillonneur&#xa0;:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Étapes&#xa0;:</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>Guidage&#xa0;:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine&#xa0;:</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips&#xa0;:</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>Autoguidance:</source>
        <translation>Autoguidage&#xa0;:</translation>
    </message>
    <message>
        <source>Autoguidance: adds this much of the difference between the model and its run&apos;s early checkpoint (the guide), which sharpens outlines; 0 = off</source>
        <translation>Autoguidage&#xa0;: ajoute cette part de la différence entre le modèle et le point de contrôle précoce de son entraînement (le guide), ce qui affine les contours&#xa0;; 0 = désactivé</translation>
    </message>
    <message>
        <source>This run kept no guide checkpoint (diffusion.guide_at in the project), so clips are sampled without autoguidance</source>
        <translation>Cet entraînement n’a conservé aucun point de contrôle guide (diffusion.guide_at dans le projet)&#xa0;: les clips sont échantillonnés sans autoguidage</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleWorker</name>
    <message>
        <source>%1 #%2</source>
        <translation>%1 nº %2</translation>
    </message>
    <message>
        <source>Sample at least 2 clips to judge them.</source>
        <translation>Générez au moins 2 clips pour les évaluer.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ScalingPlot</name>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Clips d’entraînement</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>Perte sur les clips réservés</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>Perte d’entraînement finale</translation>
    </message>
    <message>
        <source>This sweep is not a scaling study (scale the model or the data to get one).</source>
        <translation>Ce balayage n’est pas une étude de mise à l’échelle (faites varier la taille du modèle ou des données pour en obtenir une).</translation>
    </message>
    <message>
        <source>Variants (compute-matched)</source>
        <translation>Variantes (même calcul)</translation>
    </message>
    <message>
        <source>Variants (step-matched)</source>
        <translation>Variantes (mêmes étapes)</translation>
    </message>
    <message>
        <source>%1 = %2 × x^−%3 (b ± %4, R² %5)</source>
        <translation>%1 = %2 × x^−%3 (b ± %4, R² %5)</translation>
    </message>
    <message numerus="yes">
        <source>Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; R² %5 over %n point(s)).</source>
        <translation>
            <numerusform>Doubler %1 multiplie la perte par %2 (b = %3 ± %4, erreur type ; R² %5 sur %n point).</numerusform>
            <numerusform>Doubler %1 multiplie la perte par %2 (b = %3 ± %4, erreur type ; R² %5 sur %n points).</numerusform>
        </translation>
    </message>
    <message>
        <source>No power law fitted: it needs 3 or more finished variants at different sizes.</source>
        <translation>Aucune loi de puissance ajustée : il faut au moins 3 variantes terminées de tailles différentes.</translation>
    </message>
    <message>
        <source>the training clips</source>
        <translation>les clips d’entraînement</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>les paramètres</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepController</name>
    <message>
        <source>A sweep is running already.</source>
        <translation>Un balayage est déjà en cours.</translation>
    </message>
    <message>
        <source>Cannot run sweeps: %1 is missing.</source>
        <translation>Impossible d’exécuter des balayages : %1 est introuvable.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepCurvesPlot</name>
    <message>
        <source>The figure drawn for each selected variant</source>
        <translation>La grandeur tracée pour chaque variante sélectionnée</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Lissé</translation>
    </message>
    <message>
        <source>Draw each curve as a moving average of the logged steps</source>
        <translation>Tracer chaque courbe comme moyenne mobile des étapes enregistrées</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Échelle log</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their curves.</source>
        <translation>Sélectionnez des variantes dans le tableau pour comparer leurs courbes.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Grandeur :</translation>
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
        <translation>La phase que chaque variante entraîne. Un balayage de diffusion s’entraîne sur le VAE entraîné du projet.</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>Ajouter un axe</translation>
    </message>
    <message>
        <source>Vary one more setting: the sweep trains every combination</source>
        <translation>Faire varier un réglage de plus : le balayage entraîne chaque combinaison</translation>
    </message>
    <message>
        <source>project&apos;s</source>
        <translation>du projet</translation>
    </message>
    <message>
        <source>Training steps of each variant (the project&apos;s when not set)</source>
        <translation>Étapes d’entraînement de chaque variante (celles du projet si non précisé)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>A time budget for each variant, not for the whole sweep</source>
        <translation>Un budget de temps par variante, pas pour tout le balayage</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder under runs/sweeps</source>
        <translation>Le dossier du balayage sous runs/sweeps</translation>
    </message>
    <message>
        <source>Same steps</source>
        <translation>Mêmes étapes</translation>
    </message>
    <message>
        <source>Same compute</source>
        <translation>Même calcul</translation>
    </message>
    <message>
        <source>A scaling study: every variant trains the same steps, or the same steps × FLOPs per step (a wider model gets fewer steps)</source>
        <translation>Une étude de mise à l’échelle : chaque variante s’entraîne le même nombre d’étapes, ou le même produit étapes × FLOPs par étape (un modèle plus large a moins d’étapes)</translation>
    </message>
    <message>
        <source>Measure on held-out clips</source>
        <translation>Mesurer sur les clips réservés</translation>
    </message>
    <message>
        <source>Each finished variant is judged on the held-out clips (reconstruction or sample quality, held-out loss)</source>
        <translation>Chaque variante terminée est évaluée sur les clips réservés (qualité de reconstruction ou des échantillons, perte sur les clips réservés)</translation>
    </message>
    <message>
        <source>The command the sweep runs; the same command in a terminal runs or continues it there</source>
        <translation>La commande que le balayage exécute ; la même commande dans un terminal l’exécute ou le poursuit là</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Phase :</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>Faire varier :</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Minutes :</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Étapes :</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>En même temps :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation>Mise à l’échelle :</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Commande :</translation>
    </message>
    <message>
        <source>Choose a setting…</source>
        <translation>Choisir un réglage…</translation>
    </message>
    <message>
        <source>Model size (scaling study)</source>
        <translation>Taille du modèle (étude de mise à l’échelle)</translation>
    </message>
    <message>
        <source>Share of the data (scaling study)</source>
        <translation>Part des données (étude de mise à l’échelle)</translation>
    </message>
    <message>
        <source>width factors, e.g. 0.5, 1, 2, 4</source>
        <translation>facteurs de largeur, p. ex. 0.5, 1, 2, 4</translation>
    </message>
    <message>
        <source>shares of the clips, e.g. 0.25, 0.5, 1</source>
        <translation>parts des clips, p. ex. 0.25, 0.5, 1</translation>
    </message>
    <message>
        <source>values, comma-separated (now %1)</source>
        <translation>valeurs séparées par des virgules (actuellement %1)</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>valeurs séparées par des virgules</translation>
    </message>
    <message>
        <source>The setting to vary (a key of the project file), or a scaling axis</source>
        <translation>Le réglage à faire varier (une clé du fichier de projet) ou un axe de mise à l’échelle</translation>
    </message>
    <message>
        <source>Values separated by commas: numbers, true/false, words, or lists in brackets ([4, 8])</source>
        <translation>Valeurs séparées par des virgules : nombres, true/false, mots ou listes entre crochets ([4, 8])</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>Retirer cet axe</translation>
    </message>
    <message>
        <source>project&apos;s (%1)</source>
        <translation>du projet (%1)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Open a project to define a sweep.</source>
        <translation>Ouvrez un projet pour définir un balayage.</translation>
    </message>
    <message>
        <source>The project has unsaved changes: save it first (the sweep reads the project file).</source>
        <translation>Le projet a des modifications non enregistrées : enregistrez-le d’abord (le balayage lit le fichier de projet).</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n variant(s).</source>
        <translation>
            <numerusform>Prêt : %n variante.</numerusform>
            <numerusform>Prêt : %n variantes.</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Variants trained at once, each in its own process with one thread; 1 trains them one after another with all threads; automatic: one per core on a CPU, one after another on a GPU</source>
        <translation>Variantes entraînées en même temps, chacune dans son propre processus avec un thread ; 1 les entraîne l’une après l’autre avec tous les threads ; automatique : une par cœur sur le CPU, l’une après l’autre sur un GPU</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepPreviewGrid</name>
    <message>
        <source>Reconstruction %1</source>
        <translation>Reconstruction %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Échantillon %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <source>%1 (no previews)</source>
        <translation>%1 (aucun aperçu)</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1, étape %2</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their previews.</source>
        <translation>Sélectionnez des variantes dans le tableau pour comparer leurs aperçus.</translation>
    </message>
    <message>
        <source>The selected variants have saved no previews yet.</source>
        <translation>Les variantes sélectionnées n’ont encore enregistré aucun aperçu.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepRequest</name>
    <message>
        <source>Add a setting to vary.</source>
        <translation>Ajoutez un réglage à faire varier.</translation>
    </message>
    <message>
        <source>Choose the setting of each axis.</source>
        <translation>Choisissez le réglage de chaque axe.</translation>
    </message>
    <message>
        <source>%1: give one or more values, separated by commas.</source>
        <translation>%1 : indiquez une ou plusieurs valeurs, séparées par des virgules.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepTableModel</name>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>FLOPs per step</source>
        <translation>FLOPs par étape</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Perte finale</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>Meilleure perte</translation>
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
        <translation>Perte sur les clips réservés</translation>
    </message>
    <message>
        <source>Blob score</source>
        <translation>Score de blob</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Class accuracy</source>
        <translation>Précision de classe</translation>
    </message>
    <message>
        <source>Recognisable</source>
        <translation>Reconnaissables</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Distance de Fréchet</translation>
    </message>
    <message>
        <source>Fréchet floor</source>
        <translation>Plancher de Fréchet</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>Canaux de base</translation>
    </message>
    <message>
        <source>Data share</source>
        <translation>Part des données</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Clips d’entraînement</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Égalisé</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>FLOPs d’entraînement</translation>
    </message>
</context>
<context>
    <name>vd::ui::ThumbnailCache</name>
    <message>
        <source>no frame could be decoded</source>
        <translation>aucune image n’a pu être décodée</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingController</name>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>L’entraînement a échoué en raison d’une erreur inconnue.</translation>
    </message>
    <message>
        <source>Save the project before training with %1 processes: the other processes read the project file.</source>
        <translation>Enregistrez le projet avant d’entraîner avec %1 processus : les autres processus lisent le fichier du projet.</translation>
    </message>
    <message>
        <source>Cannot train with %1 processes: %2 is missing (it is installed next to the studio). Set the processes to 1 to train in the studio alone.</source>
        <translation>Impossible d’entraîner avec %1 processus : %2 est introuvable (il est installé à côté du studio). Réglez les processus sur 1 pour entraîner dans le studio seul.</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>aucun message</translation>
    </message>
    <message>
        <source>Process %1 of %2 was ended by signal %3: %4</source>
        <translation>Le processus %1 sur %2 a été arrêté par le signal %3 : %4</translation>
    </message>
    <message>
        <source>Process %1 of %2 ended with status %3: %4</source>
        <translation>Le processus %1 sur %2 s’est terminé avec le statut %3 : %4</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPanel</name>
    <message>
        <source>Preparing: %1</source>
        <translation>Préparation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>En pause à l’étape %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement en cours</translation>
    </message>
    <message>
        <source>1 · VAE (autoencoder)</source>
        <translation>1 · VAE (auto-encodeur)</translation>
    </message>
    <message>
        <source>2 · Diffusion (denoiser)</source>
        <translation>2 · Diffusion (débruiteur)</translation>
    </message>
    <message>
        <source>Train the VAE first; the diffusion stage trains on its latents</source>
        <translation>Entraînez d’abord le VAE&#xa0;; la phase de diffusion s’entraîne sur ses latents</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Train this stage from scratch (or resume, if it has checkpoints)</source>
        <translation>Entraîner cette phase depuis zéro (ou reprendre, si elle a des checkpoints)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint</source>
        <translation>Arrêter après l’étape en cours et enregistrer un checkpoint</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>étape %v / %m</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Phase&#xa0;:</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Aucun projet ouvert</translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation>Poursuivre l’exécution en pause</translation>
    </message>
    <message>
        <source>Continue training from the checkpoint at step %1</source>
        <translation>Poursuivre l’entraînement depuis le checkpoint de l’étape %1</translation>
    </message>
    <message>
        <source>Continue a paused run, or a stopped one from its newest checkpoint</source>
        <translation>Poursuivre une exécution en pause, ou une exécution arrêtée depuis son checkpoint le plus récent</translation>
    </message>
    <message>
        <source>

The diffusion run was trained on this VAE&apos;s latents; train it again after a new VAE.</source>
        <translation>

La phase de diffusion a été entraînée sur les latents de ce VAE&#xa0;; entraînez-la à nouveau après un nouveau VAE.</translation>
    </message>
    <message>
        <source>Checkpoints Exist</source>
        <translation>Des checkpoints existent</translation>
    </message>
    <message>
        <source>This stage has finished (step %1). Start over? Starting over moves the current run folder aside; nothing is deleted. To train longer, raise its steps in Settings and resume.%2</source>
        <translation>Cette phase est terminée (étape %1). Recommencer&#xa0;? Recommencer met de côté le dossier de l’exécution actuelle&#xa0;; rien n’est supprimé. Pour entraîner plus longtemps, augmentez son nombre d’étapes dans Paramètres et reprenez.%2</translation>
    </message>
    <message>
        <source>This stage already has checkpoints (newest at step %1). Resume from there, or start over? Starting over moves the current run folder aside; nothing is deleted.%2</source>
        <translation>Cette phase a déjà des checkpoints (le plus récent à l’étape %1). Reprendre à partir de là, ou recommencer&#xa0;? Recommencer met de côté le dossier de l’exécution actuelle&#xa0;; rien n’est supprimé.%2</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2; move or delete it yourself to start over.</source>
        <translation>Impossible de déplacer %1 vers %2&#xa0;; déplacez-le ou supprimez-le vous-même pour recommencer.</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>Arrêt après cette étape et enregistrement d’un checkpoint…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n torch thread(s)</source>
        <translation>
            <numerusform>%1 · %n thread Torch</numerusform>
            <numerusform>%1 · %n threads Torch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview clips appear here every %n step(s) while training.</source>
        <translation>
            <numerusform>Les clips d’aperçu apparaissent ici à chaque étape pendant l’entraînement.</numerusform>
            <numerusform>Les clips d’aperçu apparaissent ici toutes les %n étapes pendant l’entraînement.</numerusform>
        </translation>
    </message>
    <message>
        <source>Previews are off for this stage (preview_every is 0).</source>
        <translation>Les aperçus sont désactivés pour cette phase (preview_every vaut 0).</translation>
    </message>
    <message>
        <source>Open a project to train it.</source>
        <translation>Ouvrez un projet pour l’entraîner.</translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation>Terminé à l’étape %1</translation>
    </message>
    <message>
        <source>Stopped at step %1</source>
        <translation>Arrêté à l’étape %1</translation>
    </message>
    <message>
        <source>Train as this many processes on this machine (data parallel): each gets a share of the batch and of the cores, together they train the project&apos;s batch. The project must be saved: the other processes read its file.</source>
        <translation>Entraîner avec autant de processus sur cette machine (parallélisme de données) : chacun reçoit une part du lot et des cœurs, ensemble ils entraînent le lot du projet. Le projet doit être enregistré : les autres processus lisent son fichier.</translation>
    </message>
    <message>
        <source>Processes on this machine:</source>
        <translation>Processus sur cette machine :</translation>
    </message>
    <message>
        <source>%1 per process × %2 processes = %3</source>
        <translation>%1 par processus × %2 processus = %3</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPreviewGrid</name>
    <message>
        <source>Latest previews</source>
        <translation>Derniers aperçus</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>échantillon %1</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · input | reconstruction</source>
        <translation>Derniers aperçus · étape %1 · entrée | reconstruction</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · samples</source>
        <translation>Derniers aperçus · étape %1 · échantillons</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingStatsForm</name>
    <message>
        <source>Speed:</source>
        <translation>Vitesse&#xa0;:</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>Temps restant&#xa0;:</translation>
    </message>
    <message>
        <source>Loader wait:</source>
        <translation>Attente du chargeur&#xa0;:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Loss (smoothed):</source>
        <translation>Perte (lissée)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 it/s · %2 ms/step</source>
        <translation>%1&#xa0;it/s · %2&#xa0;ms/étape</translation>
    </message>
    <message>
        <source>%1 ms/step (%2%)</source>
        <translation>%1&#xa0;ms/étape (%2&#xa0;%)</translation>
    </message>
    <message>
        <source>Clips per step of each process, and of all of them together</source>
        <translation>Clips par pas de chaque processus, et de tous ensemble</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Lot :</translation>
    </message>
</context>
<context>
    <name>vd::ui::VideoFilePlayer</name>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Sélectionnez un clip pour le lire.</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 fps · %5 frames · %6</source>
        <translation>%1 · %2×%3 · %4&#xa0;i/s · %5&#xa0;images · %6</translation>
    </message>
    <message>
        <source>playing the first %1 frames</source>
        <translation>lecture des %1 premières images</translation>
    </message>
    <message>
        <source>stops after %1 frames: %2</source>
        <translation>s’arrête après %1&#xa0;images&#xa0;: %2</translation>
    </message>
    <message>
        <source>no frame could be decoded</source>
        <translation>aucune image n’a pu être décodée</translation>
    </message>
    <message>
        <source>Decoding %1 …</source>
        <translation>Décodage de %1 …</translation>
    </message>
    <message>
        <source>Cannot play this clip.</source>
        <translation>Impossible de lire ce clip.</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>Légende&#xa0;: %1</translation>
    </message>
</context>
</TS>
