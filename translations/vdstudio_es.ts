<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>vd::ui::BlobScorePlot</name>
    <message>
        <source>training step</source>
        <translation>paso de entrenamiento</translation>
    </message>
    <message>
        <source>blob score</source>
        <translation>puntuación de blob</translation>
    </message>
    <message>
        <source>Blob score over training (VAE previews)</source>
        <translation>Puntuación de blob durante el entrenamiento (vistas previas del VAE)</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>can. %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máx.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelHistogram</name>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>Channel %1 values (%2; dashed: mean)</source>
        <translation>Valores del canal %1 (%2; discontinua: media)</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>normalizados</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>sin normalizar</translation>
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
        <translation>Media</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Desv.</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>Curtosis</translation>
    </message>
    <message>
        <source>Max |z|</source>
        <translation>Máx. |z|</translation>
    </message>
    <message>
        <source>Top 1%</source>
        <translation>1% sup.</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>AF</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Latent channel</source>
        <translation>Canal latente</translation>
    </message>
    <message>
        <source>Mean over frames and positions</source>
        <translation>Media sobre fotogramas y posiciones</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Desviación estándar</translation>
    </message>
    <message>
        <source>Smallest value</source>
        <translation>Valor mínimo</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Valor máximo</translation>
    </message>
    <message>
        <source>Excess kurtosis (0 for a Gaussian; large: heavy tails)</source>
        <translation>Exceso de curtosis (0 para una gaussiana; valores grandes: colas pesadas)</translation>
    </message>
    <message>
        <source>Largest |value − mean| / std</source>
        <translation>Máximo de |valor − media| / desviación estándar</translation>
    </message>
    <message>
        <source>Share of the channel&apos;s energy in its top 1% positions (about 0.085 for Gaussian values)</source>
        <translation>Proporción de la energía del canal concentrada en el 1% de posiciones con más energía (aprox. 0.085 para valores gaussianos)</translation>
    </message>
    <message>
        <source>Share of the energy in high spatial frequencies</source>
        <translation>Proporción de la energía en las altas frecuencias espaciales (AF)</translation>
    </message>
    <message>
        <source>Blobs found</source>
        <translation>Blobs encontrados</translation>
    </message>
    <message>
        <source>Blob score (flagged at the detector&apos;s blob_score)</source>
        <translation>Puntuación de blob (se marca al alcanzar el blob_score del detector)</translation>
    </message>
    <message>
        <source>Flagged: blob score %1 reaches %2</source>
        <translation>Marcado: la puntuación de blob %1 alcanza %2</translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s), score below %1</source>
        <translation>
            <numerusform>%n blob, puntuación inferior a %1</numerusform>
            <numerusform>%n blobs, puntuación inferior a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipGridPlayer</name>
    <message>
        <source>Previous frame (Left)</source>
        <translation>Fotograma anterior (Izquierda)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproducir (Espacio)</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>Fotograma siguiente (Derecha)</translation>
    </message>
    <message>
        <source>Scrub through the frames</source>
        <translation>Desplazarse por los fotogramas</translation>
    </message>
    <message>
        <source>frame %1 / %2</source>
        <translation>fotograma %1 / %2</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>Velocidad de reproducción en fotogramas por segundo</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Bucle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>Zoom: fit the view, or whole factors with sharp pixels</source>
        <translation>Zoom: ajustar a la vista o factores enteros con píxeles nítidos</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Show |frame - previous frame|, amplified %1x, instead of the frames</source>
        <translation>Mostrar |fotograma - fotograma anterior|, amplificado %1x, en lugar de los fotogramas</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>No clip to show.
Sample with the model, or open a dataset or exported clip.</source>
        <translation>No hay ningún clip que mostrar.
Genere muestras con el modelo o abra un conjunto de datos o un clip exportado.</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausar (Espacio)</translation>
    </message>
    <message>
        <source>no frames</source>
        <translation>sin fotogramas</translation>
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
        <translation>correcto</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>Sin miniatura: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>omitido: %1</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>Se omitió %1: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Fotogramas</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>vd::ui::DatasetPanel</name>
    <message>
        <source>Scanning the folder</source>
        <translation>Analizando la carpeta</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Volver a analizar</translation>
    </message>
    <message>
        <source>Scan the folder again (only changed files are probed)</source>
        <translation>Analizar de nuevo la carpeta (solo se examinan los archivos modificados)</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrar por nombre</translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation>Mostrar solo una etiqueta</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Usable clips</source>
        <translation>Clips utilizables</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Archivos omitidos</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniaturas</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Lo que ve el modelo</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
    <message>
        <source>Scanning %1 …</source>
        <translation>Analizando %1 …</translation>
    </message>
    <message>
        <source>Cannot scan this folder: %1</source>
        <translation>No se puede analizar esta carpeta: %1</translation>
    </message>
    <message>
        <source>No clips.</source>
        <translation>No hay clips.</translation>
    </message>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Seleccione un clip para reproducirlo.</translation>
    </message>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Seleccione un clip para ver los fotogramas con los que se entrena el modelo.</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>Sin conjunto de datos</translation>
    </message>
    <message>
        <source>Open a project or a folder to browse its clips.</source>
        <translation>Abra un proyecto o una carpeta para explorar sus clips.</translation>
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
            <numerusform>%n etiqueta</numerusform>
            <numerusform>%n etiquetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 fotogramas</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sin etiqueta)</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>Se omitió %1: %2</translation>
    </message>
    <message>
        <source>Skipped files are not used for training.</source>
        <translation>Los archivos omitidos no se usan para el entrenamiento.</translation>
    </message>
    <message>
        <source>Sampled with the project&apos;s dataset settings.</source>
        <translation>Fotogramas muestreados con la configuración del conjunto de datos del proyecto.</translation>
    </message>
    <message>
        <source>No project open: sampled with the default dataset settings.</source>
        <translation>No hay ningún proyecto abierto: fotogramas muestreados con la configuración predeterminada del conjunto de datos.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExperimentsPanel</name>
    <message>
        <source>The project&apos;s sweeps (runs/sweeps): choose one to see its results</source>
        <translation>Los barridos del proyecto (runs/sweeps): elija uno para ver sus resultados</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the sweeps folder again</source>
        <translation>Volver a leer la carpeta de barridos</translation>
    </message>
    <message>
        <source>Load Settings</source>
        <translation>Cargar ajustes</translation>
    </message>
    <message>
        <source>Show this sweep&apos;s settings in the form: Start then continues it (finished variants are skipped)</source>
        <translation>Mostrar los ajustes de este barrido en el formulario: al iniciarlo, continúa (se omiten las variantes terminadas)</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Barridos</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Iniciar barrido</translation>
    </message>
    <message>
        <source>Run the sweep in its own process; a sweep with this name that was stopped continues where it stopped</source>
        <translation>Ejecuta el barrido en su propio proceso; un barrido detenido con este nombre continúa donde se detuvo</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the running variants after their current step; each saves a checkpoint</source>
        <translation>Detiene las variantes en curso tras su paso actual; cada una guarda un checkpoint</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>Nuevo barrido</translation>
    </message>
    <message>
        <source>No sweep chosen.</source>
        <translation>Ningún barrido elegido.</translation>
    </message>
    <message>
        <source>Select variants (Ctrl or Shift for several) to compare them below; click a header to sort by it</source>
        <translation>Seleccione variantes (Ctrl o Mayús para varias) para compararlas abajo; haga clic en un encabezado para ordenar por él</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Escalado</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>The newest previews of the selected variants: the same held-out clips and the same noise for each</source>
        <translation>Las vistas previas más recientes de las variantes seleccionadas: los mismos clips reservados y el mismo ruido para cada una</translation>
    </message>
    <message>
        <source>diffusion</source>
        <translation>difusión</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 finished</source>
        <translation>%1 — %2, %3 de %4 terminadas</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En curso…</translation>
    </message>
    <message>
        <source>Stopping: each running variant finishes its step and saves a checkpoint…</source>
        <translation>Deteniendo: cada variante en curso termina su paso y guarda un checkpoint…</translation>
    </message>
    <message>
        <source>The sweep finished.</source>
        <translation>El barrido ha terminado.</translation>
    </message>
    <message>
        <source>Stopped. Start the same sweep again to continue it.</source>
        <translation>Detenido. Inicie el mismo barrido de nuevo para continuarlo.</translation>
    </message>
    <message>
        <source>The sweep did not start.</source>
        <translation>El barrido no se inició.</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>El barrido no se inició: %1</translation>
    </message>
    <message>
        <source>The sweep failed.</source>
        <translation>El barrido ha fallado.</translation>
    </message>
    <message>
        <source>The sweep failed (status %1): %2</source>
        <translation>El barrido ha fallado (estado %1): %2</translation>
    </message>
    <message>
        <source>This project has no sweeps yet: define one on the left.</source>
        <translation>Este proyecto aún no tiene barridos: defina uno a la izquierda.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stage, %3 of %n variant(s) finished.</source>
        <translation>
            <numerusform>%1: etapa %2, %3 de %n variante terminadas.</numerusform>
            <numerusform>%1: etapa %2, %3 de %n variantes terminadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures read from the runs now (results.json is written when the sweep ends).</source>
        <translation>Cifras leídas ahora de las ejecuciones (results.json se escribe al terminar el barrido).</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportDialog</name>
    <message>
        <source>Export Clips</source>
        <translation>Exportar clips</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>Current clip (%1)</source>
        <translation>Clip actual (%1)</translation>
    </message>
    <message numerus="yes">
        <source>All %n clip(s) of the grid, into a folder</source>
        <translation>
            <numerusform>%n clip de la cuadrícula, en una carpeta</numerusform>
            <numerusform>Los %n clips de la cuadrícula, en una carpeta</numerusform>
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
        <translation>GIF animado</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>Secuencia PNG (una carpeta)</translation>
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
        <translation>Cada píxel se convierte en un bloque de este tamaño (vecino más cercano)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message numerus="yes">
        <source>of %n frame(s)</source>
        <translation>
            <numerusform>de %n fotograma</numerusform>
            <numerusform>de %n fotogramas</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Velocidad de fotogramas:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Escala:</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Fotogramas:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Guardar en:</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Ya hay una exportación en curso.</translation>
    </message>
    <message>
        <source>There is no clip to export.</source>
        <translation>No hay ningún clip que exportar.</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>Elija dónde guardar.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>¿Reemplazar archivos?</translation>
    </message>
    <message>
        <source>These already exist and will be replaced:
%1</source>
        <translation>Estos archivos ya existen y se reemplazarán:
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Se ha guardado %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n clip(s) to %1</source>
        <translation>
            <numerusform>Se ha guardado %n clip en %1</numerusform>
            <numerusform>Se han guardado %n clips en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelado; no se ha escrito nada.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n complete clip(s) were kept.</source>
        <translation>
            <numerusform>Cancelado; se ha conservado %n clip completo.</numerusform>
            <numerusform>Cancelado; se han conservado %n clips completos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>Exportar a carpeta</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Vídeo MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>Vídeo WebM (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>Animación GIF (*.gif)</translation>
    </message>
    <message>
        <source>Export Clip</source>
        <translation>Exportar clip</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)</source>
        <translation>
            <numerusform>%1 × %2 píxeles, %n fotograma a %3 fps (%4 s)</numerusform>
            <numerusform>%1 × %2 píxeles, %n fotogramas a %3 fps (%4 s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportWorker</name>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>No se pudo exportar a %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a folder</source>
        <translation>«%1» existe y no es una carpeta</translation>
    </message>
    <message>
        <source>one output path per clip is needed</source>
        <translation>se necesita una ruta de salida por clip</translation>
    </message>
    <message>
        <source>the scale must be 1 to 16</source>
        <translation>la escala debe estar entre 1 y 16</translation>
    </message>
    <message>
        <source>the frame range %1-%2 is outside the clip&apos;s %3 frames</source>
        <translation>el intervalo de fotogramas %1-%2 está fuera de los %3 fotogramas del clip</translation>
    </message>
</context>
<context>
    <name>vd::ui::FlickerPlot</name>
    <message>
        <source>frame</source>
        <translation>fotograma</translation>
    </message>
    <message>
        <source>mean |change|</source>
        <translation>|cambio| medio</translation>
    </message>
    <message>
        <source>Frame-to-frame change (no clip)</source>
        <translation>Cambio entre fotogramas (sin clip)</translation>
    </message>
    <message>
        <source>flicker index %1, mean change %2</source>
        <translation>índice de parpadeo %1, cambio medio %2</translation>
    </message>
    <message>
        <source>mean change %1 (flicker index needs 3 frames)</source>
        <translation>cambio medio %1 (el índice de parpadeo necesita 3 fotogramas)</translation>
    </message>
    <message>
        <source>a single frame has no change</source>
        <translation>un solo fotograma no tiene cambios</translation>
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
        <translation>limpio</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>sospechoso</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>con blobs</translation>
    </message>
    <message>
        <source>Inspection failed: %1</source>
        <translation>Error en la inspección: %1</translation>
    </message>
    <message>
        <source>%1 — step %2: %3. %4</source>
        <translation>%1 — paso %2: %3. %4</translation>
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
        <translation>(La normalización de latentes de este checkpoint aún no está calibrada; los valores están sin normalizar.)</translation>
    </message>
    <message>
        <source>%1: step %2, %3, max blob score %4, PSNR %5 dB</source>
        <translation>%1: paso %2, %3, puntuación de blob máx. %4, PSNR %5 dB</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorControlBar</name>
    <message>
        <source>step %1 (newest)</source>
        <translation>paso %1 (el más reciente)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>VAE checkpoint to inspect (EMA weights when saved)</source>
        <translation>Checkpoint del VAE que se va a inspeccionar (pesos EMA si se guardaron)</translation>
    </message>
    <message>
        <source>A second checkpoint to inspect on the same clip</source>
        <translation>Un segundo checkpoint que inspeccionar con el mismo clip</translation>
    </message>
    <message>
        <source>Show A</source>
        <translation>Mostrar A</translation>
    </message>
    <message>
        <source>Show B</source>
        <translation>Mostrar B</translation>
    </message>
    <message>
        <source>Show the first checkpoint&apos;s result</source>
        <translation>Mostrar el resultado del primer checkpoint</translation>
    </message>
    <message>
        <source>Show the comparison checkpoint&apos;s result</source>
        <translation>Mostrar el resultado del checkpoint de comparación</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the checkpoints, clips and metrics again</source>
        <translation>Volver a leer los checkpoints, los clips y las métricas</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Abrir archivo…</translation>
    </message>
    <message>
        <source>Latent normalization</source>
        <translation>Normalización de latentes</translation>
    </message>
    <message>
        <source>Show the latents after the VAE&apos;s per-channel normalization, as the diffusion model sees them</source>
        <translation>Mostrar los latentes tras la normalización por canal del VAE, tal como los ve el modelo de difusión</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>Escala de color común</translation>
    </message>
    <message>
        <source>One colour range for all channels (symmetric around 0) instead of one per channel (centred on its mean)</source>
        <translation>Un único rango de color para todos los canales (simétrico respecto a 0) en lugar de uno por canal (centrado en su media)</translation>
    </message>
    <message>
        <source>Checkpoint A:</source>
        <translation>Checkpoint A:</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>Comparar con B:</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>Clip:</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>Fotograma:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorPanel</name>
    <message>
        <source>No VAE checkpoint yet: train the VAE first.</source>
        <translation>Aún no hay ningún checkpoint del VAE: entrene primero el VAE.</translation>
    </message>
    <message>
        <source>%1 (held out)</source>
        <translation>%1 (reservado)</translation>
    </message>
    <message>
        <source>Could not list the dataset&apos;s clips: %1</source>
        <translation>No se pudieron listar los clips del conjunto de datos: %1</translation>
    </message>
    <message>
        <source>Could not read the VAE metrics: %1</source>
        <translation>No se pudieron leer las métricas del VAE: %1</translation>
    </message>
    <message>
        <source>Inspect a Video</source>
        <translation>Inspeccionar un vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>Inspeccionando %1…</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10</source>
        <translation>%1: %2 fotogramas de %3×%4, latentes %5×%6×%7×%8, paso del VAE %9%10</translation>
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
        <translation>Canales latentes (clic para seleccionar; recuadros: blobs)</translation>
    </message>
    <message>
        <source>ch %1 · score %2</source>
        <translation>can. %1 · punt. %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::LogView</name>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Todos los mensajes</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advertencias y errores</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Filter log…</source>
        <translation>Filtrar registro…</translation>
    </message>
</context>
<context>
    <name>vd::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Guardar proyecto &amp;como…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>Abrir carpeta del conjunto de &amp;datos…</translation>
    </message>
    <message>
        <source>Open &amp;Video…</source>
        <translation>Abrir &amp;vídeo…</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>Abrir vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</source>
        <translation>Vídeos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>E&amp;ntrenamiento</translation>
    </message>
    <message>
        <source>&amp;Start or Resume</source>
        <translation>&amp;Iniciar o reanudar</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>S&amp;top (saves a checkpoint)</source>
        <translation>&amp;Detener (guarda un checkpoint)</translation>
    </message>
    <message>
        <source>&amp;Clips</source>
        <translation>&amp;Clips</translation>
    </message>
    <message>
        <source>&amp;Sample Now</source>
        <translation>&amp;Muestrear ahora</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Inspect Clip File…</source>
        <translation>&amp;Inspeccionar archivo de clip…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Restablecer disposición</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About VDStudio</source>
        <translation>&amp;Acerca de VDStudio</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Se ha abierto %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>%1: not a project, folder or video</source>
        <translation>%1: no es un proyecto, una carpeta ni un vídeo</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>Proyectos de VDStudio (*.vdproj)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Guardar proyecto</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se ha guardado %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Guardar proyecto como</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Abrir carpeta del conjunto de datos</translation>
    </message>
    <message>
        <source>About VDStudio</source>
        <translation>Acerca de VDStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training and sampling latent video diffusion models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Device: %3&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Entrenamiento y muestreo de modelos de difusión latente de vídeo.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Dispositivo: %3&lt;/p&gt;&lt;p&gt;Licencia: GPL-3.0-or-later&lt;/p&gt;</translation>
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
        <translation>%1 — %2 (preajuste %3, %4×%5, %6 fotogramas)</translation>
    </message>
    <message>
        <source>No project open — File &gt; New Project or Open Project</source>
        <translation>No hay ningún proyecto abierto — Archivo &gt; Nuevo proyecto o Abrir proyecto</translation>
    </message>
    <message>
        <source>Device: %1 — %2</source>
        <translation>Dispositivo: %1 — %2</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>Configuración sin guardar</translation>
    </message>
    <message>
        <source>The settings of %1 have changed. Save them?</source>
        <translation>La configuración de %1 ha cambiado. ¿Desea guardarla?</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>Entrenamiento en curso</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it, save a checkpoint and quit?</source>
        <translation>Hay una ejecución de entrenamiento en curso. ¿Detenerla, guardar un checkpoint y salir?</translation>
    </message>
    <message>
        <source>Stopping the run and saving a checkpoint…</source>
        <translation>Deteniendo la ejecución y guardando un checkpoint…</translation>
    </message>
    <message>
        <source>The run did not stop in time; try again.</source>
        <translation>La ejecución no se detuvo a tiempo; inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (%n dispositivo)</numerusform>
            <numerusform>CUDA (%n dispositivos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n torch thread(s))</source>
        <translation>
            <numerusform>CPU (%n hilo de Torch)</numerusform>
            <numerusform>CPU (%n hilos de Torch)</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimentos</translation>
    </message>
    <message>
        <source>A Sweep Is Running</source>
        <translation>Hay un barrido en curso</translation>
    </message>
    <message>
        <source>A sweep is in progress. Stop it (each running variant saves a checkpoint) and quit? Starting it again later continues it.</source>
        <translation>Hay un barrido en curso. ¿Detenerlo (cada variante en curso guarda un checkpoint) y salir? Iniciarlo de nuevo más tarde lo continúa.</translation>
    </message>
    <message>
        <source>Stopping the sweep…</source>
        <translation>Deteniendo el barrido…</translation>
    </message>
    <message>
        <source>The sweep did not stop in time; try again.</source>
        <translation>El barrido no se detuvo a tiempo; inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>vd::ui::MetricsPlot</name>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Norma del gradiente</translation>
    </message>
    <message>
        <source>Step time and loader wait (ms)</source>
        <translation>Tiempo por paso y espera del cargador (ms)</translation>
    </message>
    <message>
        <source>Probe reconstruction PSNR (dB)</source>
        <translation>PSNR de reconstrucción de los clips de prueba (dB)</translation>
    </message>
    <message>
        <source>Latent health</source>
        <translation>Salud de los latentes</translation>
    </message>
    <message>
        <source>Blob score per channel</source>
        <translation>Puntuación de blob por canal</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>Otras métricas</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norma del gradiente</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>loader wait</source>
        <translation>espera del cargador</translation>
    </message>
    <message>
        <source>probe PSNR</source>
        <translation>PSNR de prueba</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Overlay Earlier Run…</source>
        <translation>Superponer ejecución anterior…</translation>
    </message>
    <message>
        <source>Clear Overlay</source>
        <translation>Quitar superposición</translation>
    </message>
    <message>
        <source>Which figure of the run to plot</source>
        <translation>Qué métrica de la ejecución representar</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average)</source>
        <translation>Suavizado de las curvas en negrita (media móvil exponencial)</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>Eje y logarítmico</translation>
    </message>
    <message>
        <source>Draw the curves of another run&apos;s metrics.jsonl, dashed</source>
        <translation>Dibujar con línea discontinua las curvas del metrics.jsonl de otra ejecución</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Suavizado</translation>
    </message>
    <message>
        <source>Remove the overlay of %1</source>
        <translation>Quitar la superposición de %1</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (ejecución anterior)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1: %2 (suavizado %3)</translation>
    </message>
    <message>
        <source>Overlay Earlier Run</source>
        <translation>Superponer ejecución anterior</translation>
    </message>
    <message>
        <source>Metrics logs (metrics.jsonl *.jsonl)</source>
        <translation>Registros de métricas (metrics.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>tiempo por paso</translation>
    </message>
    <message>
        <source>Sample quality: class accuracy</source>
        <translation>Calidad de las muestras: precisión de clase</translation>
    </message>
    <message>
        <source>Sample quality: Fréchet distance</source>
        <translation>Calidad de las muestras: distancia de Fréchet</translation>
    </message>
    <message>
        <source>Sample quality: generated / real</source>
        <translation>Calidad de las muestras: generado / real</translation>
    </message>
    <message>
        <source>all classes</source>
        <translation>todas las clases</translation>
    </message>
    <message>
        <source>generated vs real</source>
        <translation>generado frente a real</translation>
    </message>
    <message>
        <source>real vs real (floor)</source>
        <translation>real frente a real (mínimo)</translation>
    </message>
    <message>
        <source>mean change</source>
        <translation>cambio medio</translation>
    </message>
    <message>
        <source>flicker index</source>
        <translation>índice de parpadeo</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>diversidad</translation>
    </message>
    <message>
        <source>recognisable</source>
        <translation>reconocibles</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>cobertura</translation>
    </message>
    <message>
        <source>precision, real vs real</source>
        <translation>precisión, real frente a real</translation>
    </message>
    <message>
        <source>recall, real vs real</source>
        <translation>cobertura, real frente a real</translation>
    </message>
    <message>
        <source>held through the clip</source>
        <translation>mantenida en todo el clip</translation>
    </message>
    <message>
        <source>held, real clips</source>
        <translation>mantenida, clips reales</translation>
    </message>
    <message>
        <source>drift between halves</source>
        <translation>deriva entre mitades</translation>
    </message>
</context>
<context>
    <name>vd::ui::ModelInputStrip</name>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>Seleccione un clip para ver los fotogramas con los que se entrena el modelo.</translation>
    </message>
    <message>
        <source>Sampling %1 …</source>
        <translation>Muestreando %1 …</translation>
    </message>
    <message>
        <source>Cannot sample this clip: %1</source>
        <translation>No se puede muestrear este clip: %1</translation>
    </message>
    <message>
        <source> (%1 fps)</source>
        <translation> (%1 fps)</translation>
    </message>
    <message>
        <source>%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6</source>
        <translation>%1 fotogramas · %2×%3 · salto %4%5 · desde el fotograma 0 · recorte central%6</translation>
    </message>
    <message>
        <source> · random flip (fixed seed)</source>
        <translation> · volteo aleatorio (semilla fija)</translation>
    </message>
</context>
<context>
    <name>vd::ui::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>e.g. ~/videos/shapes.vdproj</source>
        <translation>p. ej., ~/videos/formas.vdproj</translation>
    </message>
    <message>
        <source>a folder of videos; subfolders are labels</source>
        <translation>una carpeta de vídeos; las subcarpetas son las etiquetas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Demo: 64×64, trains in minutes on a CPU</source>
        <translation>Demo: 64×64, se entrena en minutos en una CPU</translation>
    </message>
    <message>
        <source>Base: full-size models, for a GPU</source>
        <translation>Base: modelos de tamaño completo, para una GPU</translation>
    </message>
    <message>
        <source>Write the built-in demo dataset (moving shapes) into the folder</source>
        <translation>Escribir en la carpeta el conjunto de datos de demostración integrado (formas en movimiento)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Archivo del proyecto:</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>Carpeta del conjunto de datos:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>Proyectos de VDStudio (*.vdproj)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Carpeta del conjunto de datos</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Elija dónde guardar el archivo del proyecto.</translation>
    </message>
    <message>
        <source>Choose the folder with the training videos.</source>
        <translation>Elija la carpeta con los vídeos de entrenamiento.</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>La carpeta del conjunto de datos %1 no existe.</translation>
    </message>
    <message>
        <source>%1 exists and will be overwritten.</source>
        <translation>%1 ya existe y se sobrescribirá.</translation>
    </message>
    <message>
        <source>Writing %1 demo clips…</source>
        <translation>Escribiendo %1 clips de demostración…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Could not write the demo dataset: %1</source>
        <translation>No se pudo escribir el conjunto de datos de demostración: %1</translation>
    </message>
    <message>
        <source>Small: 128×128, trains in an hour on a CPU</source>
        <translation>Pequeño: 128×128, se entrena en una hora en una CPU</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 steps, the denoiser for up to %6 minutes or %7 steps.</source>
        <translation>Clips de %1×%2 píxeles y %3 fotogramas. El VAE se entrena hasta %4 minutos o %5 pasos; el denoiser, hasta %6 minutos o %7 pasos.</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 steps and the denoiser for %5 steps.</source>
        <translation>Clips de %1×%2 píxeles y %3 fotogramas. El VAE se entrena %4 pasos y el denoiser %5 pasos.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>Según el proyecto</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automático (CUDA si está disponible)</translation>
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
        <translation>Automático (%1 en este equipo)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Training device:</source>
        <translation>Dispositivo de entrenamiento:</translation>
    </message>
    <message>
        <source>Torch threads:</source>
        <translation>Hilos de Torch:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>The device applies to the next run; a new language applies after a restart.</source>
        <translation>El dispositivo se aplica a la siguiente ejecución; un nuevo idioma, tras reiniciar la aplicación.</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreviewPanel</name>
    <message>
        <source>step %1 / %2</source>
        <translation>paso %1 / %2</translation>
    </message>
    <message>
        <source>Sampling cancelled.</source>
        <translation>Muestreo cancelado.</translation>
    </message>
    <message>
        <source>Sample Now</source>
        <translation>Muestrear ahora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open Clip…</source>
        <translation>Abrir clip…</translation>
    </message>
    <message>
        <source>Play a dataset clip or an exported clip</source>
        <translation>Reproducir un clip del conjunto de datos o un clip exportado</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Write the current clip or the whole grid to MP4, WebM, GIF or PNG frames</source>
        <translation>Guardar el clip actual o toda la cuadrícula como MP4, WebM, GIF o fotogramas PNG</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Loading the trained models…</source>
        <translation>Cargando los modelos entrenados…</translation>
    </message>
    <message>
        <source>Open a project to sample from its models.</source>
        <translation>Abra un proyecto para muestrear con sus modelos.</translation>
    </message>
    <message>
        <source>Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of %5×%6 on %7</source>
        <translation>Denoiser: paso %1 (objetivo %2); VAE: paso %3; %4 fotogramas de %5×%6 en %7</translation>
    </message>
    <message>
        <source>No model to sample from: %1</source>
        <translation>No hay ningún modelo con el que muestrear: %1</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>Muestreando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message numerus="yes">
        <source>Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5</source>
        <translation>
            <numerusform>%n clip muestreado en %1 s: %2, %3 pasos, guía %4, semilla %5</numerusform>
            <numerusform>%n clips muestreados en %1 s: %2, %3 pasos, guía %4, semilla %5</numerusform>
        </translation>
    </message>
    <message>
        <source>loading models…</source>
        <translation>cargando modelos…</translation>
    </message>
    <message>
        <source>%1: no frames could be decoded</source>
        <translation>%1: no se pudo decodificar ningún fotograma</translation>
    </message>
    <message>
        <source> (first %1 of %2 frames)</source>
        <translation> (primeros %1 de %2 fotogramas)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Se ha abierto %1</translation>
    </message>
    <message>
        <source>Open Clip</source>
        <translation>Abrir clip</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>No hay ningún clip.</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n frame(s), %2×%3 pixels</source>
        <translation>
            <numerusform>%1
%n fotograma, %2×%3 píxeles</numerusform>
            <numerusform>%1
%n fotogramas, %2×%3 píxeles</numerusform>
        </translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>mean change %1, max %2</source>
        <translation>cambio medio %1, máx. %2</translation>
    </message>
    <message>
        <source>flicker index %1</source>
        <translation>índice de parpadeo %1</translation>
    </message>
    <message>
        <source>Judge Clips</source>
        <translation>Evaluar clips</translation>
    </message>
    <message>
        <source>Score the sampled clips with the project&apos;s sample judge: class accuracy, Fréchet distance to real clips, motion and diversity against real clips (trains the judge first if needed)</source>
        <translation>Puntúa los clips generados con el evaluador de muestras del proyecto: precisión de clase, distancia de Fréchet a los clips reales, movimiento y diversidad frente a los clips reales (entrena primero el evaluador si hace falta)</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>Evaluando…</translation>
    </message>
    <message numerus="yes">
        <source>Judge: %1% right on %n held-out clip window(s)</source>
        <translation>
            <numerusform>Evaluador: %1 % de aciertos en %n ventana de clip reservada</numerusform>
            <numerusform>Evaluador: %1 % de aciertos en %n ventanas de clip reservadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Class accuracy: %1% (%2)</source>
        <translation>Precisión de clase: %1 % (%2)</translation>
    </message>
    <message>
        <source>Fréchet distance: %1 (real vs real: %2)</source>
        <translation>Distancia de Fréchet: %1 (real frente a real: %2)</translation>
    </message>
    <message>
        <source>The judge failed: %1</source>
        <translation>La evaluación falló: %1</translation>
    </message>
    <message>
        <source>Held through the clip: %1% (real clips: %2%)</source>
        <translation>Mantenida en todo el clip: %1 % (clips reales: %2 %)</translation>
    </message>
    <message>
        <source>Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4</source>
        <translation>Generado / real: cambio medio ×%1, parpadeo ×%2, deriva ×%3, diversidad ×%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSession</name>
    <message>
        <source>No project file to save to.</source>
        <translation>No hay ningún archivo de proyecto en el que guardar.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSettingsForm</name>
    <message>
        <source>Filter settings…</source>
        <translation>Filtrar ajustes…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Use these settings for the next run (File &gt; Save Project writes them)</source>
        <translation>Usar esta configuración en la siguiente ejecución (se escribe con Archivo &gt; Guardar proyecto)</translation>
    </message>
    <message>
        <source>Open or create a project to edit its settings.</source>
        <translation>Abra o cree un proyecto para editar su configuración.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Valid. Apply to use these settings.</source>
        <translation>Configuración válida. Pulse Aplicar para usarla.</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Configuración de %1</translation>
    </message>
</context>
<context>
    <name>vd::ui::ReconstructionViews</name>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>Reconstrucción</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Input, frame %1</source>
        <translation>Entrada, fotograma %1</translation>
    </message>
    <message>
        <source>Reconstruction, PSNR %1 dB</source>
        <translation>Reconstrucción, PSNR %1 dB</translation>
    </message>
    <message>
        <source>|error| mean %1, scale 0–%2</source>
        <translation>|error| medio %1, escala 0–%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::RunCheckpointList</name>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Checkpoints of this stage&apos;s run; double-click opens the folder</source>
        <translation>Checkpoints de la ejecución de esta etapa; doble clic para abrir la carpeta</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleSettingsForm</name>
    <message>
        <source>The samplers that fit the model&apos;s training objective</source>
        <translation>Los muestreadores compatibles con el objetivo de entrenamiento del modelo</translation>
    </message>
    <message>
        <source>Sampler steps (Heun evaluates the model twice per step)</source>
        <translation>Pasos del muestreador (Heun evalúa el modelo dos veces por paso)</translation>
    </message>
    <message>
        <source>Classifier-free guidance: 1 uses the label&apos;s prediction as is, more follows the label more strongly</source>
        <translation>Guía sin clasificador (classifier-free guidance): 1 usa la predicción de la etiqueta tal cual; un valor mayor sigue la etiqueta con más fuerza</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>Incondicional</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>Elegir una semilla aleatoria</translation>
    </message>
    <message>
        <source>Clips to generate; they play side by side</source>
        <translation>Clips que generar; se reproducen uno junto a otro</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Muestreador:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pasos:</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>Guía:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Etiqueta:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semilla:</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>Clips:</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>Autoguidance:</source>
        <translation>Autoguía:</translation>
    </message>
    <message>
        <source>Autoguidance: adds this much of the difference between the model and its run&apos;s early checkpoint (the guide), which sharpens outlines; 0 = off</source>
        <translation>Autoguía: suma esta proporción de la diferencia entre el modelo y el punto de control temprano de su ejecución (la guía), lo que define mejor los contornos; 0 = desactivada</translation>
    </message>
    <message>
        <source>This run kept no guide checkpoint (diffusion.guide_at in the project), so clips are sampled without autoguidance</source>
        <translation>Esta ejecución no guardó ningún punto de control de guía (diffusion.guide_at en el proyecto), así que los clips se generan sin autoguía</translation>
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
        <translation>Genere al menos 2 clips para evaluarlos.</translation>
    </message>
</context>
<context>
    <name>vd::ui::ScalingPlot</name>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Clips de entrenamiento</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>Pérdida en clips reservados</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>Pérdida de entrenamiento final</translation>
    </message>
    <message>
        <source>This sweep is not a scaling study (scale the model or the data to get one).</source>
        <translation>Este barrido no es un estudio de escalado (escale el modelo o los datos para obtener uno).</translation>
    </message>
    <message>
        <source>Variants (compute-matched)</source>
        <translation>Variantes (mismo cómputo)</translation>
    </message>
    <message>
        <source>Variants (step-matched)</source>
        <translation>Variantes (mismos pasos)</translation>
    </message>
    <message>
        <source>%1 = %2 × x^−%3 (b ± %4, R² %5)</source>
        <translation>%1 = %2 × x^−%3 (b ± %4, R² %5)</translation>
    </message>
    <message numerus="yes">
        <source>Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; R² %5 over %n point(s)).</source>
        <translation>
            <numerusform>Duplicar %1 multiplica la pérdida por %2 (b = %3 ± %4, error estándar; R² %5 sobre %n punto).</numerusform>
            <numerusform>Duplicar %1 multiplica la pérdida por %2 (b = %3 ± %4, error estándar; R² %5 sobre %n puntos).</numerusform>
        </translation>
    </message>
    <message>
        <source>No power law fitted: it needs 3 or more finished variants at different sizes.</source>
        <translation>No se ajustó ninguna ley de potencias: hacen falta 3 o más variantes terminadas de distintos tamaños.</translation>
    </message>
    <message>
        <source>the training clips</source>
        <translation>los clips de entrenamiento</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>los parámetros</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepController</name>
    <message>
        <source>A sweep is running already.</source>
        <translation>Ya hay un barrido en curso.</translation>
    </message>
    <message>
        <source>Cannot run sweeps: %1 is missing.</source>
        <translation>No se pueden ejecutar barridos: falta %1.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepCurvesPlot</name>
    <message>
        <source>The figure drawn for each selected variant</source>
        <translation>La cifra que se dibuja para cada variante seleccionada</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Suavizado</translation>
    </message>
    <message>
        <source>Draw each curve as a moving average of the logged steps</source>
        <translation>Dibuja cada curva como media móvil de los pasos registrados</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their curves.</source>
        <translation>Seleccione variantes en la tabla para comparar sus curvas.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Cifra:</translation>
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
        <translation>Difusión</translation>
    </message>
    <message>
        <source>The stage every variant trains. A diffusion sweep trains on the project&apos;s trained VAE.</source>
        <translation>La etapa que entrena cada variante. Un barrido de difusión entrena sobre el VAE ya entrenado del proyecto.</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>Añadir eje</translation>
    </message>
    <message>
        <source>Vary one more setting: the sweep trains every combination</source>
        <translation>Variar un ajuste más: el barrido entrena todas las combinaciones</translation>
    </message>
    <message>
        <source>project&apos;s</source>
        <translation>del proyecto</translation>
    </message>
    <message>
        <source>Training steps of each variant (the project&apos;s when not set)</source>
        <translation>Pasos de entrenamiento de cada variante (los del proyecto si no se indican)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>A time budget for each variant, not for the whole sweep</source>
        <translation>Un presupuesto de tiempo por variante, no para todo el barrido</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder under runs/sweeps</source>
        <translation>La carpeta del barrido en runs/sweeps</translation>
    </message>
    <message>
        <source>Same steps</source>
        <translation>Mismos pasos</translation>
    </message>
    <message>
        <source>Same compute</source>
        <translation>Mismo cómputo</translation>
    </message>
    <message>
        <source>A scaling study: every variant trains the same steps, or the same steps × FLOPs per step (a wider model gets fewer steps)</source>
        <translation>Un estudio de escalado: cada variante entrena los mismos pasos, o los mismos pasos × FLOPs por paso (un modelo más ancho recibe menos pasos)</translation>
    </message>
    <message>
        <source>Measure on held-out clips</source>
        <translation>Medir en clips reservados</translation>
    </message>
    <message>
        <source>Each finished variant is judged on the held-out clips (reconstruction or sample quality, held-out loss)</source>
        <translation>Cada variante terminada se evalúa en los clips reservados (calidad de reconstrucción o de las muestras, pérdida en clips reservados)</translation>
    </message>
    <message>
        <source>The command the sweep runs; the same command in a terminal runs or continues it there</source>
        <translation>La orden que ejecuta el barrido; la misma orden en una terminal lo ejecuta o lo continúa allí</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Etapa:</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>Variar:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Minutos:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pasos:</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>A la vez:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation>Escalado:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Orden:</translation>
    </message>
    <message>
        <source>Choose a setting…</source>
        <translation>Elija un ajuste…</translation>
    </message>
    <message>
        <source>Model size (scaling study)</source>
        <translation>Tamaño del modelo (estudio de escalado)</translation>
    </message>
    <message>
        <source>Share of the data (scaling study)</source>
        <translation>Fracción de los datos (estudio de escalado)</translation>
    </message>
    <message>
        <source>width factors, e.g. 0.5, 1, 2, 4</source>
        <translation>factores de anchura, p. ej. 0.5, 1, 2, 4</translation>
    </message>
    <message>
        <source>shares of the clips, e.g. 0.25, 0.5, 1</source>
        <translation>fracciones de los clips, p. ej. 0.25, 0.5, 1</translation>
    </message>
    <message>
        <source>values, comma-separated (now %1)</source>
        <translation>valores separados por comas (ahora %1)</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>valores separados por comas</translation>
    </message>
    <message>
        <source>The setting to vary (a key of the project file), or a scaling axis</source>
        <translation>El ajuste que se varía (una clave del archivo de proyecto) o un eje de escalado</translation>
    </message>
    <message>
        <source>Values separated by commas: numbers, true/false, words, or lists in brackets ([4, 8])</source>
        <translation>Valores separados por comas: números, true/false, palabras o listas entre corchetes ([4, 8])</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>Quitar este eje</translation>
    </message>
    <message>
        <source>project&apos;s (%1)</source>
        <translation>del proyecto (%1)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>Open a project to define a sweep.</source>
        <translation>Abra un proyecto para definir un barrido.</translation>
    </message>
    <message>
        <source>The project has unsaved changes: save it first (the sweep reads the project file).</source>
        <translation>El proyecto tiene cambios sin guardar: guárdelo primero (el barrido lee el archivo de proyecto).</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n variant(s).</source>
        <translation>
            <numerusform>Listo: %n variante.</numerusform>
            <numerusform>Listo: %n variantes.</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>Variants trained at once, each in its own process with one thread; 1 trains them one after another with all threads; automatic: one per core on a CPU, one after another on a GPU</source>
        <translation>Variantes entrenadas a la vez, cada una en su propio proceso con un hilo; 1 las entrena una tras otra con todos los hilos; automático: una por núcleo en la CPU, una tras otra en una GPU</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepPreviewGrid</name>
    <message>
        <source>Reconstruction %1</source>
        <translation>Reconstrucción %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Muestra %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>clase %1</translation>
    </message>
    <message>
        <source>%1 (no previews)</source>
        <translation>%1 (sin vistas previas)</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1, paso %2</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their previews.</source>
        <translation>Seleccione variantes en la tabla para comparar sus vistas previas.</translation>
    </message>
    <message>
        <source>The selected variants have saved no previews yet.</source>
        <translation>Las variantes seleccionadas aún no han guardado vistas previas.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepRequest</name>
    <message>
        <source>Add a setting to vary.</source>
        <translation>Añada un ajuste que variar.</translation>
    </message>
    <message>
        <source>Choose the setting of each axis.</source>
        <translation>Elija el ajuste de cada eje.</translation>
    </message>
    <message>
        <source>%1: give one or more values, separated by commas.</source>
        <translation>%1: indique uno o más valores, separados por comas.</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepTableModel</name>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>FLOPs per step</source>
        <translation>FLOPs por paso</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Tiempo (s)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Pérdida final</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>Mejor pérdida</translation>
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
        <translation>Pérdida en clips reservados</translation>
    </message>
    <message>
        <source>Blob score</source>
        <translation>Puntuación de blob</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>Class accuracy</source>
        <translation>Precisión de clase</translation>
    </message>
    <message>
        <source>Recognisable</source>
        <translation>Reconocibles</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Distancia de Fréchet</translation>
    </message>
    <message>
        <source>Fréchet floor</source>
        <translation>Suelo de Fréchet</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>Canales base</translation>
    </message>
    <message>
        <source>Data share</source>
        <translation>Fracción de datos</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>Clips de entrenamiento</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Igualado</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>FLOPs de entrenamiento</translation>
    </message>
</context>
<context>
    <name>vd::ui::ThumbnailCache</name>
    <message>
        <source>no frame could be decoded</source>
        <translation>no se pudo decodificar ningún fotograma</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingController</name>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>El entrenamiento falló con un error desconocido.</translation>
    </message>
    <message>
        <source>Save the project before training with %1 processes: the other processes read the project file.</source>
        <translation>Guarde el proyecto antes de entrenar con %1 procesos: los demás procesos leen el archivo del proyecto.</translation>
    </message>
    <message>
        <source>Cannot train with %1 processes: %2 is missing (it is installed next to the studio). Set the processes to 1 to train in the studio alone.</source>
        <translation>No se puede entrenar con %1 procesos: falta %2 (se instala junto al estudio). Ponga los procesos en 1 para entrenar solo en el estudio.</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>sin mensaje</translation>
    </message>
    <message>
        <source>Process %1 of %2 was ended by signal %3: %4</source>
        <translation>El proceso %1 de %2 terminó por la señal %3: %4</translation>
    </message>
    <message>
        <source>Process %1 of %2 ended with status %3: %4</source>
        <translation>El proceso %1 de %2 terminó con el estado %3: %4</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPanel</name>
    <message>
        <source>Preparing: %1</source>
        <translation>Preparando: %1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>En pausa en el paso %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenando</translation>
    </message>
    <message>
        <source>1 · VAE (autoencoder)</source>
        <translation>1 · VAE (autocodificador)</translation>
    </message>
    <message>
        <source>2 · Diffusion (denoiser)</source>
        <translation>2 · Difusión (denoiser)</translation>
    </message>
    <message>
        <source>Train the VAE first; the diffusion stage trains on its latents</source>
        <translation>Entrene primero el VAE; la etapa de difusión se entrena con sus latentes</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Train this stage from scratch (or resume, if it has checkpoints)</source>
        <translation>Entrenar esta etapa desde cero (o reanudar, si tiene checkpoints)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint</source>
        <translation>Detener tras el paso actual y guardar un checkpoint</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>paso %v / %m</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Etapa:</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>No hay ningún proyecto abierto</translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation>Continuar la ejecución en pausa</translation>
    </message>
    <message>
        <source>Continue training from the checkpoint at step %1</source>
        <translation>Continuar el entrenamiento desde el checkpoint del paso %1</translation>
    </message>
    <message>
        <source>Continue a paused run, or a stopped one from its newest checkpoint</source>
        <translation>Continuar una ejecución en pausa, o una detenida desde su checkpoint más reciente</translation>
    </message>
    <message>
        <source>

The diffusion run was trained on this VAE&apos;s latents; train it again after a new VAE.</source>
        <translation>

La ejecución de difusión se entrenó con los latentes de este VAE; vuelva a entrenarla cuando tenga un VAE nuevo.</translation>
    </message>
    <message>
        <source>Checkpoints Exist</source>
        <translation>Ya existen checkpoints</translation>
    </message>
    <message>
        <source>This stage has finished (step %1). Start over? Starting over moves the current run folder aside; nothing is deleted. To train longer, raise its steps in Settings and resume.%2</source>
        <translation>Esta etapa ha terminado (paso %1). ¿Empezar de nuevo? Empezar de nuevo mueve aparte la carpeta de la ejecución actual; no se elimina nada. Para entrenar más tiempo, aumente sus pasos en Configuración y reanude.%2</translation>
    </message>
    <message>
        <source>This stage already has checkpoints (newest at step %1). Resume from there, or start over? Starting over moves the current run folder aside; nothing is deleted.%2</source>
        <translation>Esta etapa ya tiene checkpoints (el más reciente, en el paso %1). ¿Reanudar desde ahí o empezar de nuevo? Empezar de nuevo mueve aparte la carpeta de la ejecución actual; no se elimina nada.%2</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2; move or delete it yourself to start over.</source>
        <translation>No se puede mover %1 a %2; muévala o elimínela usted mismo para empezar de nuevo.</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>Deteniendo tras este paso y guardando un checkpoint…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n torch thread(s)</source>
        <translation>
            <numerusform>%1 · %n hilo de torch</numerusform>
            <numerusform>%1 · %n hilos de torch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview clips appear here every %n step(s) while training.</source>
        <translation>
            <numerusform>Los clips de vista previa aparecen aquí cada %n paso durante el entrenamiento.</numerusform>
            <numerusform>Los clips de vista previa aparecen aquí cada %n pasos durante el entrenamiento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Previews are off for this stage (preview_every is 0).</source>
        <translation>Las vistas previas están desactivadas para esta etapa (preview_every es 0).</translation>
    </message>
    <message>
        <source>Open a project to train it.</source>
        <translation>Abra un proyecto para entrenarlo.</translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation>Terminado en el paso %1</translation>
    </message>
    <message>
        <source>Stopped at step %1</source>
        <translation>Detenido en el paso %1</translation>
    </message>
    <message>
        <source>Train as this many processes on this machine (data parallel): each gets a share of the batch and of the cores, together they train the project&apos;s batch. The project must be saved: the other processes read its file.</source>
        <translation>Entrenar con este número de procesos en esta máquina (paralelismo de datos): cada uno recibe una parte del lote y de los núcleos, y juntos entrenan el lote del proyecto. El proyecto debe estar guardado: los demás procesos leen su archivo.</translation>
    </message>
    <message>
        <source>Processes on this machine:</source>
        <translation>Procesos en esta máquina:</translation>
    </message>
    <message>
        <source>%1 per process × %2 processes = %3</source>
        <translation>%1 por proceso × %2 procesos = %3</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPreviewGrid</name>
    <message>
        <source>Latest previews</source>
        <translation>Últimas vistas previas</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>clip %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>clase %1</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>muestra %1</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · input | reconstruction</source>
        <translation>Últimas vistas previas · paso %1 · entrada | reconstrucción</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · samples</source>
        <translation>Últimas vistas previas · paso %1 · muestras</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingStatsForm</name>
    <message>
        <source>Speed:</source>
        <translation>Velocidad:</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>Tiempo restante:</translation>
    </message>
    <message>
        <source>Loader wait:</source>
        <translation>Espera del cargador:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>Loss (smoothed):</source>
        <translation>Pérdida (suavizada):</translation>
    </message>
    <message>
        <source>%1 it/s · %2 ms/step</source>
        <translation>%1 it/s · %2 ms/paso</translation>
    </message>
    <message>
        <source>%1 ms/step (%2%)</source>
        <translation>%1 ms/paso (%2%)</translation>
    </message>
    <message>
        <source>Clips per step of each process, and of all of them together</source>
        <translation>Clips por paso de cada proceso y de todos juntos</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Lote:</translation>
    </message>
</context>
<context>
    <name>vd::ui::VideoFilePlayer</name>
    <message>
        <source>Select a clip to play it.</source>
        <translation>Seleccione un clip para reproducirlo.</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Reproducir / pausar</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 fps · %5 frames · %6</source>
        <translation>%1 · %2×%3 · %4 fps · %5 fotogramas · %6</translation>
    </message>
    <message>
        <source>playing the first %1 frames</source>
        <translation>reproduciendo los primeros %1 fotogramas</translation>
    </message>
    <message>
        <source>stops after %1 frames: %2</source>
        <translation>se detiene tras %1 fotogramas: %2</translation>
    </message>
    <message>
        <source>no frame could be decoded</source>
        <translation>no se pudo decodificar ningún fotograma</translation>
    </message>
    <message>
        <source>Decoding %1 …</source>
        <translation>Decodificando %1 …</translation>
    </message>
    <message>
        <source>Cannot play this clip.</source>
        <translation>No se puede reproducir este clip.</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>Leyenda: %1</translation>
    </message>
</context>
</TS>
