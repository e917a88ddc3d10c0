<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>vd::ui::BlobScorePlot</name>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>blob score</source>
        <translation>斑块分数</translation>
    </message>
    <message>
        <source>Blob score over training (VAE previews)</source>
        <translation>训练过程中的斑块分数（VAE 预览）</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelHistogram</name>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Channel %1 values (%2; dashed: mean)</source>
        <translation>通道 %1 的值（%2；虚线：均值）</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>已归一化</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原始值</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelStatsTable</name>
    <message>
        <source>Ch</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>峰度</translation>
    </message>
    <message>
        <source>Max |z|</source>
        <translation>最大 |z|</translation>
    </message>
    <message>
        <source>Top 1%</source>
        <translation>前 1%</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>高频</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>斑块</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Latent channel</source>
        <translation>潜变量通道</translation>
    </message>
    <message>
        <source>Mean over frames and positions</source>
        <translation>所有帧和位置上的均值</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Smallest value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Excess kurtosis (0 for a Gaussian; large: heavy tails)</source>
        <translation>超额峰度（高斯分布为 0；值大表示重尾）</translation>
    </message>
    <message>
        <source>Largest |value − mean| / std</source>
        <translation>最大 |值 − 均值| / 标准差</translation>
    </message>
    <message>
        <source>Share of the channel&apos;s energy in its top 1% positions (about 0.085 for Gaussian values)</source>
        <translation>该通道能量集中在前 1% 位置上的比例（高斯分布约为 0.085）</translation>
    </message>
    <message>
        <source>Share of the energy in high spatial frequencies</source>
        <translation>高空间频率所占的能量比例</translation>
    </message>
    <message>
        <source>Blobs found</source>
        <translation>检测到的斑块数</translation>
    </message>
    <message>
        <source>Blob score (flagged at the detector&apos;s blob_score)</source>
        <translation>斑块分数（达到检测器的 blob_score 时标记）</translation>
    </message>
    <message>
        <source>Flagged: blob score %1 reaches %2</source>
        <translation>已标记：斑块分数 %1 达到 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s), score below %1</source>
        <translation>
            <numerusform>%n 个斑块，分数低于 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipGridPlayer</name>
    <message>
        <source>Previous frame (Left)</source>
        <translation>上一帧（左方向键）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格键）</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>下一帧（右方向键）</translation>
    </message>
    <message>
        <source>Scrub through the frames</source>
        <translation>拖动以浏览各帧</translation>
    </message>
    <message>
        <source>frame %1 / %2</source>
        <translation>帧 %1 / %2</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>播放速度（帧/秒）</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>Zoom: fit the view, or whole factors with sharp pixels</source>
        <translation>缩放：适应视图，或按整数倍放大并保持像素清晰</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>帧差</translation>
    </message>
    <message>
        <source>Show |frame - previous frame|, amplified %1x, instead of the frames</source>
        <translation>显示 |当前帧 - 上一帧|（放大 %1 倍），而不是原始帧</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>No clip to show.
Sample with the model, or open a dataset or exported clip.</source>
        <translation>没有可显示的片段。
请用模型采样，或打开数据集片段或已导出的片段。</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
    <message>
        <source>no frames</source>
        <translation>无帧</translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>无缩略图：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 已跳过：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>vd::ui::DatasetPanel</name>
    <message>
        <source>Scanning the folder</source>
        <translation>正在扫描文件夹</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Scan the folder again (only changed files are probed)</source>
        <translation>重新扫描文件夹（仅检测有改动的文件）</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation>只显示某一个标签</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Usable clips</source>
        <translation>可用片段</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>已跳过的文件</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>模型所见</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Scanning %1 …</source>
        <translation>正在扫描 %1…</translation>
    </message>
    <message>
        <source>Cannot scan this folder: %1</source>
        <translation>无法扫描此文件夹：%1</translation>
    </message>
    <message>
        <source>No clips.</source>
        <translation>没有片段。</translation>
    </message>
    <message>
        <source>Select a clip to play it.</source>
        <translation>选择一个片段即可播放。</translation>
    </message>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>选择一个片段，查看模型训练时使用的帧。</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>无数据集</translation>
    </message>
    <message>
        <source>Open a project or a folder to browse its clips.</source>
        <translation>打开项目或文件夹以浏览其中的片段。</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 个已跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 已跳过：%2</translation>
    </message>
    <message>
        <source>Skipped files are not used for training.</source>
        <translation>已跳过的文件不会用于训练。</translation>
    </message>
    <message>
        <source>Sampled with the project&apos;s dataset settings.</source>
        <translation>按项目的数据集设置取帧。</translation>
    </message>
    <message>
        <source>No project open: sampled with the default dataset settings.</source>
        <translation>未打开项目：按默认数据集设置取帧。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExperimentsPanel</name>
    <message>
        <source>The project&apos;s sweeps (runs/sweeps): choose one to see its results</source>
        <translation>项目的扫描（runs/sweeps）：选择一个以查看其结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the sweeps folder again</source>
        <translation>重新读取扫描文件夹</translation>
    </message>
    <message>
        <source>Load Settings</source>
        <translation>载入设置</translation>
    </message>
    <message>
        <source>Show this sweep&apos;s settings in the form: Start then continues it (finished variants are skipped)</source>
        <translation>在表单中显示此扫描的设置：随后点击开始即可继续（已完成的变体会被跳过）</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <source>Run the sweep in its own process; a sweep with this name that was stopped continues where it stopped</source>
        <translation>在独立进程中运行扫描；已停止的同名扫描会从停止处继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running variants after their current step; each saves a checkpoint</source>
        <translation>在当前步骤结束后停止正在运行的变体；每个变体都会保存检查点</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>新建扫描</translation>
    </message>
    <message>
        <source>No sweep chosen.</source>
        <translation>未选择扫描。</translation>
    </message>
    <message>
        <source>Select variants (Ctrl or Shift for several) to compare them below; click a header to sort by it</source>
        <translation>选择变体（按 Ctrl 或 Shift 多选）即可在下方比较；点击表头按该列排序</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>缩放规律</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The newest previews of the selected variants: the same held-out clips and the same noise for each</source>
        <translation>所选变体的最新预览：每个变体使用相同的保留片段和相同的噪声</translation>
    </message>
    <message>
        <source>diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 finished</source>
        <translation>%1 — %2，已完成 %3/%4</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Stopping: each running variant finishes its step and saves a checkpoint…</source>
        <translation>正在停止：每个运行中的变体会完成当前步骤并保存检查点…</translation>
    </message>
    <message>
        <source>The sweep finished.</source>
        <translation>扫描已完成。</translation>
    </message>
    <message>
        <source>Stopped. Start the same sweep again to continue it.</source>
        <translation>已停止。再次开始同一扫描即可继续。</translation>
    </message>
    <message>
        <source>The sweep did not start.</source>
        <translation>扫描未能开始。</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>扫描未能开始：%1</translation>
    </message>
    <message>
        <source>The sweep failed.</source>
        <translation>扫描失败。</translation>
    </message>
    <message>
        <source>The sweep failed (status %1): %2</source>
        <translation>扫描失败（状态 %1）：%2</translation>
    </message>
    <message>
        <source>This project has no sweeps yet: define one on the left.</source>
        <translation>此项目还没有扫描：请在左侧定义一个。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stage, %3 of %n variant(s) finished.</source>
        <translation>
            <numerusform>%1：%2 阶段，%n 个变体中已完成 %3 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures read from the runs now (results.json is written when the sweep ends).</source>
        <translation>数值刚从各次运行中读取（results.json 会在扫描结束时写入）。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportDialog</name>
    <message>
        <source>Export Clips</source>
        <translation>导出片段</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>Current clip (%1)</source>
        <translation>当前片段（%1）</translation>
    </message>
    <message numerus="yes">
        <source>All %n clip(s) of the grid, into a folder</source>
        <translation>
            <numerusform>网格中的全部 %n 个片段，导出到文件夹</numerusform>
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
        <translation>GIF 动图</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>PNG 序列（文件夹）</translation>
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
        <translation>每个像素放大为此尺寸的方块（最近邻插值）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message numerus="yes">
        <source>of %n frame(s)</source>
        <translation>
            <numerusform>（共 %n 帧）</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>片段：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>放大倍数：</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧范围：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有导出任务正在进行。</translation>
    </message>
    <message>
        <source>There is no clip to export.</source>
        <translation>没有可导出的片段。</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>These already exist and will be replaced:
%1</source>
        <translation>以下文件已存在，将被替换：
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n clip(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个片段写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n complete clip(s) were kept.</source>
        <translation>
            <numerusform>已取消；已保留 %n 个完整的片段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>Export Clip</source>
        <translation>导出片段</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)</source>
        <translation>
            <numerusform>%1 × %2 像素，%n 帧，%3 fps（%4 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportWorker</name>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a folder</source>
        <translation>“%1”已存在，但不是文件夹</translation>
    </message>
    <message>
        <source>one output path per clip is needed</source>
        <translation>每个片段都需要一个输出路径</translation>
    </message>
    <message>
        <source>the scale must be 1 to 16</source>
        <translation>放大倍数必须在 1 到 16 之间</translation>
    </message>
    <message>
        <source>the frame range %1-%2 is outside the clip&apos;s %3 frames</source>
        <translation>帧范围 %1-%2 超出了片段的 %3 帧</translation>
    </message>
</context>
<context>
    <name>vd::ui::FlickerPlot</name>
    <message>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>mean |change|</source>
        <translation>平均 |变化|</translation>
    </message>
    <message>
        <source>Frame-to-frame change (no clip)</source>
        <translation>帧间变化（无片段）</translation>
    </message>
    <message>
        <source>flicker index %1, mean change %2</source>
        <translation>闪烁指数 %1，平均变化 %2</translation>
    </message>
    <message>
        <source>mean change %1 (flicker index needs 3 frames)</source>
        <translation>平均变化 %1（闪烁指数至少需要 3 帧）</translation>
    </message>
    <message>
        <source>a single frame has no change</source>
        <translation>单帧不存在变化</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectionVerdictView</name>
    <message>
        <source>clean</source>
        <translation>无斑块</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>有斑块</translation>
    </message>
    <message>
        <source>Inspection failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <source>%1 — step %2: %3. %4</source>
        <translation>%1 — 第 %2 步：%3。%4</translation>
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
        <translation>（此检查点的潜变量归一化尚未校准；显示的是原始值。）</translation>
    </message>
    <message>
        <source>%1: step %2, %3, max blob score %4, PSNR %5 dB</source>
        <translation>%1：第 %2 步，%3，最大斑块分数 %4，PSNR %5 dB</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorControlBar</name>
    <message>
        <source>step %1 (newest)</source>
        <translation>第 %1 步（最新）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>VAE checkpoint to inspect (EMA weights when saved)</source>
        <translation>要检查的 VAE 检查点（优先使用已保存的 EMA 权重）</translation>
    </message>
    <message>
        <source>A second checkpoint to inspect on the same clip</source>
        <translation>在同一片段上检查的第二个检查点</translation>
    </message>
    <message>
        <source>Show A</source>
        <translation>显示 A</translation>
    </message>
    <message>
        <source>Show B</source>
        <translation>显示 B</translation>
    </message>
    <message>
        <source>Show the first checkpoint&apos;s result</source>
        <translation>显示第一个检查点的结果</translation>
    </message>
    <message>
        <source>Show the comparison checkpoint&apos;s result</source>
        <translation>显示对比检查点的结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the checkpoints, clips and metrics again</source>
        <translation>重新读取检查点、片段和指标</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Latent normalization</source>
        <translation>潜变量归一化</translation>
    </message>
    <message>
        <source>Show the latents after the VAE&apos;s per-channel normalization, as the diffusion model sees them</source>
        <translation>显示经过 VAE 逐通道归一化后的潜变量，即扩散模型实际看到的潜变量</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>统一色阶</translation>
    </message>
    <message>
        <source>One colour range for all channels (symmetric around 0) instead of one per channel (centred on its mean)</source>
        <translation>所有通道使用同一颜色范围（以 0 为中心对称），而不是每个通道各用一个范围（以该通道均值为中心）</translation>
    </message>
    <message>
        <source>Checkpoint A:</source>
        <translation>检查点 A：</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>与 B 对比：</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>片段：</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorPanel</name>
    <message>
        <source>No VAE checkpoint yet: train the VAE first.</source>
        <translation>尚无 VAE 检查点：请先训练 VAE。</translation>
    </message>
    <message>
        <source>%1 (held out)</source>
        <translation>%1（留出集）</translation>
    </message>
    <message>
        <source>Could not list the dataset&apos;s clips: %1</source>
        <translation>无法列出数据集的片段：%1</translation>
    </message>
    <message>
        <source>Could not read the VAE metrics: %1</source>
        <translation>无法读取 VAE 指标：%1</translation>
    </message>
    <message>
        <source>Inspect a Video</source>
        <translation>检查视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;All files (*)</source>
        <translation>视频 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10</source>
        <translation>%1：%2 帧，%3×%4，潜变量 %5×%6×%7×%8，VAE 第 %9 步%10</translation>
    </message>
    <message>
        <source> (EMA)</source>
        <translation>（EMA）</translation>
    </message>
</context>
<context>
    <name>vd::ui::LatentChannelsView</name>
    <message>
        <source>Latent channels (click to select; boxes: blobs)</source>
        <translation>潜变量通道（单击以选择；方框：斑块）</translation>
    </message>
    <message>
        <source>ch %1 · score %2</source>
        <translation>通道 %1 · 分数 %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::LogView</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>全部消息</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Filter log…</source>
        <translation>筛选日志…</translation>
    </message>
</context>
<context>
    <name>vd::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Open &amp;Video…</source>
        <translation>打开视频(&amp;V)…</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</source>
        <translation>视频 (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start or Resume</source>
        <translation>开始或继续(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top (saves a checkpoint)</source>
        <translation>停止（保存检查点）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Clips</source>
        <translation>片段(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sample Now</source>
        <translation>立即采样(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Inspect Clip File…</source>
        <translation>检查片段文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About VDStudio</source>
        <translation>关于 VDStudio(&amp;A)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>%1: not a project, folder or video</source>
        <translation>%1：不是项目、文件夹或视频</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio 项目 (*.vdproj)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>About VDStudio</source>
        <translation>关于 VDStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training and sampling latent video diffusion models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Device: %3&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;训练潜空间视频扩散模型并从中采样。&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;设备：%3&lt;/p&gt;&lt;p&gt;许可证：GPL-3.0-or-later&lt;/p&gt;</translation>
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
        <translation>%1 — %2（预设 %3，%4×%5，%6 帧）</translation>
    </message>
    <message>
        <source>No project open — File &gt; New Project or Open Project</source>
        <translation>未打开项目 — 请使用“文件 &gt; 新建项目”或“打开项目”</translation>
    </message>
    <message>
        <source>Device: %1 — %2</source>
        <translation>设备：%1 — %2</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>未保存的设置</translation>
    </message>
    <message>
        <source>The settings of %1 have changed. Save them?</source>
        <translation>%1 的设置已更改。是否保存？</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it, save a checkpoint and quit?</source>
        <translation>训练正在运行。是否停止训练、保存检查点并退出？</translation>
    </message>
    <message>
        <source>Stopping the run and saving a checkpoint…</source>
        <translation>正在停止训练并保存检查点…</translation>
    </message>
    <message>
        <source>The run did not stop in time; try again.</source>
        <translation>训练未能及时停止，请重试。</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA（%n 个设备）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n torch thread(s))</source>
        <translation>
            <numerusform>CPU（%n 个 Torch 线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>A Sweep Is Running</source>
        <translation>扫描正在运行</translation>
    </message>
    <message>
        <source>A sweep is in progress. Stop it (each running variant saves a checkpoint) and quit? Starting it again later continues it.</source>
        <translation>扫描正在进行。要停止它（每个运行中的变体都会保存检查点）并退出吗？之后再次开始即可继续。</translation>
    </message>
    <message>
        <source>Stopping the sweep…</source>
        <translation>正在停止扫描…</translation>
    </message>
    <message>
        <source>The sweep did not stop in time; try again.</source>
        <translation>扫描未能及时停止；请重试。</translation>
    </message>
</context>
<context>
    <name>vd::ui::MetricsPlot</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Step time and loader wait (ms)</source>
        <translation>每步耗时与加载等待（ms）</translation>
    </message>
    <message>
        <source>Probe reconstruction PSNR (dB)</source>
        <translation>探针片段重建 PSNR（dB）</translation>
    </message>
    <message>
        <source>Latent health</source>
        <translation>潜变量健康度</translation>
    </message>
    <message>
        <source>Blob score per channel</source>
        <translation>各通道斑块分数</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>其他指标</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loader wait</source>
        <translation>加载等待</translation>
    </message>
    <message>
        <source>probe PSNR</source>
        <translation>探针 PSNR</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Overlay Earlier Run…</source>
        <translation>叠加先前的运行…</translation>
    </message>
    <message>
        <source>Clear Overlay</source>
        <translation>清除叠加</translation>
    </message>
    <message>
        <source>Which figure of the run to plot</source>
        <translation>选择要绘制的运行指标</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average)</source>
        <translation>粗曲线的平滑程度（指数移动平均）</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>y 轴使用对数刻度</translation>
    </message>
    <message>
        <source>Draw the curves of another run&apos;s metrics.jsonl, dashed</source>
        <translation>以虚线绘制另一次运行的 metrics.jsonl 曲线</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Remove the overlay of %1</source>
        <translation>移除 %1 的叠加曲线</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1（先前的运行）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1：%2（平滑后 %3）</translation>
    </message>
    <message>
        <source>Overlay Earlier Run</source>
        <translation>叠加先前的运行</translation>
    </message>
    <message>
        <source>Metrics logs (metrics.jsonl *.jsonl)</source>
        <translation>指标日志 (metrics.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>每步耗时</translation>
    </message>
    <message>
        <source>Sample quality: class accuracy</source>
        <translation>样本质量：类别准确率</translation>
    </message>
    <message>
        <source>Sample quality: Fréchet distance</source>
        <translation>样本质量：Fréchet 距离</translation>
    </message>
    <message>
        <source>Sample quality: generated / real</source>
        <translation>样本质量：生成 / 真实</translation>
    </message>
    <message>
        <source>all classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>generated vs real</source>
        <translation>生成对真实</translation>
    </message>
    <message>
        <source>real vs real (floor)</source>
        <translation>真实对真实（下限）</translation>
    </message>
    <message>
        <source>mean change</source>
        <translation>平均变化</translation>
    </message>
    <message>
        <source>flicker index</source>
        <translation>闪烁指数</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>多样性</translation>
    </message>
    <message>
        <source>recognisable</source>
        <translation>可辨认</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>precision, real vs real</source>
        <translation>精确率（真实对真实）</translation>
    </message>
    <message>
        <source>recall, real vs real</source>
        <translation>召回率（真实对真实）</translation>
    </message>
    <message>
        <source>held through the clip</source>
        <translation>整段保持</translation>
    </message>
    <message>
        <source>held, real clips</source>
        <translation>保持，真实片段</translation>
    </message>
    <message>
        <source>drift between halves</source>
        <translation>前后两半的漂移</translation>
    </message>
</context>
<context>
    <name>vd::ui::ModelInputStrip</name>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>选择一个片段，查看模型训练时使用的帧。</translation>
    </message>
    <message>
        <source>Sampling %1 …</source>
        <translation>正在从 %1 取帧…</translation>
    </message>
    <message>
        <source>Cannot sample this clip: %1</source>
        <translation>无法从此片段取帧：%1</translation>
    </message>
    <message>
        <source> (%1 fps)</source>
        <translation>（%1 fps）</translation>
    </message>
    <message>
        <source>%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6</source>
        <translation>%1 帧 · %2×%3 · 帧间隔 %4%5 · 从第 0 帧开始 · 中心裁剪%6</translation>
    </message>
    <message>
        <source> · random flip (fixed seed)</source>
        <translation> · 随机翻转（固定种子）</translation>
    </message>
</context>
<context>
    <name>vd::ui::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>e.g. ~/videos/shapes.vdproj</source>
        <translation>例如 ~/videos/shapes.vdproj</translation>
    </message>
    <message>
        <source>a folder of videos; subfolders are labels</source>
        <translation>存放视频的文件夹；子文件夹即为标签</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Demo: 64×64, trains in minutes on a CPU</source>
        <translation>Demo：64×64，在 CPU 上几分钟即可训练完成</translation>
    </message>
    <message>
        <source>Base: full-size models, for a GPU</source>
        <translation>Base：完整规模的模型，适用于 GPU</translation>
    </message>
    <message>
        <source>Write the built-in demo dataset (moving shapes) into the folder</source>
        <translation>将内置的演示数据集（移动的形状）写入该文件夹</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>项目文件：</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>数据集文件夹：</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio 项目 (*.vdproj)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>请选择项目文件的保存位置。</translation>
    </message>
    <message>
        <source>Choose the folder with the training videos.</source>
        <translation>请选择包含训练视频的文件夹。</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>数据集文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 exists and will be overwritten.</source>
        <translation>%1 已存在，将被覆盖。</translation>
    </message>
    <message>
        <source>Writing %1 demo clips…</source>
        <translation>正在写入 %1 个演示片段…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Could not write the demo dataset: %1</source>
        <translation>无法写入演示数据集：%1</translation>
    </message>
    <message>
        <source>Small: 128×128, trains in an hour on a CPU</source>
        <translation>Small：128×128，在 CPU 上一小时内完成训练</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 steps, the denoiser for up to %6 minutes or %7 steps.</source>
        <translation>%1×%2 像素、%3 帧的片段。VAE 最多训练 %4 分钟或 %5 步，去噪器最多训练 %6 分钟或 %7 步。</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 steps and the denoiser for %5 steps.</source>
        <translation>%1×%2 像素、%3 帧的片段。VAE 训练 %4 步，去噪器训练 %5 步。</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>按项目设置</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>自动（可用时使用 CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Automatic (%1 on this machine)</source>
        <translation>自动（本机为 %1）</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Training device:</source>
        <translation>训练设备：</translation>
    </message>
    <message>
        <source>Torch threads:</source>
        <translation>Torch 线程数：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>The device applies to the next run; a new language applies after a restart.</source>
        <translation>设备设置将在下次训练运行时生效；更改语言需重启后生效。</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreviewPanel</name>
    <message>
        <source>step %1 / %2</source>
        <translation>步 %1 / %2</translation>
    </message>
    <message>
        <source>Sampling cancelled.</source>
        <translation>已取消采样。</translation>
    </message>
    <message>
        <source>Sample Now</source>
        <translation>立即采样</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open Clip…</source>
        <translation>打开片段…</translation>
    </message>
    <message>
        <source>Play a dataset clip or an exported clip</source>
        <translation>播放数据集片段或已导出的片段</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the current clip or the whole grid to MP4, WebM, GIF or PNG frames</source>
        <translation>将当前片段或整个网格导出为 MP4、WebM、GIF 或 PNG 帧序列</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Loading the trained models…</source>
        <translation>正在加载已训练的模型…</translation>
    </message>
    <message>
        <source>Open a project to sample from its models.</source>
        <translation>请打开项目，以使用其模型进行采样。</translation>
    </message>
    <message>
        <source>Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of %5×%6 on %7</source>
        <translation>去噪器：第 %1 步（训练目标 %2）；VAE：第 %3 步；%4 帧，%5×%6，设备 %7</translation>
    </message>
    <message>
        <source>No model to sample from: %1</source>
        <translation>没有可用于采样的模型：%1</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>正在采样…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5</source>
        <translation>
            <numerusform>已采样 %n 个片段，用时 %1 秒：%2，%3 步，引导强度 %4，种子 %5</numerusform>
        </translation>
    </message>
    <message>
        <source>loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>%1: no frames could be decoded</source>
        <translation>%1：无法解码任何帧</translation>
    </message>
    <message>
        <source> (first %1 of %2 frames)</source>
        <translation>（共 %2 帧，仅前 %1 帧）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Open Clip</source>
        <translation>打开片段</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>视频 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>无片段。</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n frame(s), %2×%3 pixels</source>
        <translation>
            <numerusform>%1
%n 帧，%2×%3 像素</numerusform>
        </translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>mean change %1, max %2</source>
        <translation>平均变化 %1，最大 %2</translation>
    </message>
    <message>
        <source>flicker index %1</source>
        <translation>闪烁指数 %1</translation>
    </message>
    <message>
        <source>Judge Clips</source>
        <translation>评估片段</translation>
    </message>
    <message>
        <source>Score the sampled clips with the project&apos;s sample judge: class accuracy, Fréchet distance to real clips, motion and diversity against real clips (trains the judge first if needed)</source>
        <translation>用项目的样本评估器为生成的片段打分：类别准确率、与真实片段的 Fréchet 距离、与真实片段相比的运动和多样性（如有需要会先训练评估器）</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>正在评估…</translation>
    </message>
    <message numerus="yes">
        <source>Judge: %1% right on %n held-out clip window(s)</source>
        <translation>
            <numerusform>评估器：在 %n 个保留片段窗口上正确率 %1%</numerusform>
        </translation>
    </message>
    <message>
        <source>Class accuracy: %1% (%2)</source>
        <translation>类别准确率：%1%（%2）</translation>
    </message>
    <message>
        <source>Fréchet distance: %1 (real vs real: %2)</source>
        <translation>Fréchet 距离：%1（真实对真实：%2）</translation>
    </message>
    <message>
        <source>The judge failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <source>Held through the clip: %1% (real clips: %2%)</source>
        <translation>整段保持：%1%（真实片段：%2%）</translation>
    </message>
    <message>
        <source>Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4</source>
        <translation>生成 / 真实：平均变化 ×%1，闪烁 ×%2，漂移 ×%3，多样性 ×%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSession</name>
    <message>
        <source>No project file to save to.</source>
        <translation>没有可保存到的项目文件。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSettingsForm</name>
    <message>
        <source>Filter settings…</source>
        <translation>筛选设置项…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Use these settings for the next run (File &gt; Save Project writes them)</source>
        <translation>在下次训练运行时使用这些设置（“文件 &gt; 保存”会将其写入项目）</translation>
    </message>
    <message>
        <source>Open or create a project to edit its settings.</source>
        <translation>请打开或创建项目以编辑其设置。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Valid. Apply to use these settings.</source>
        <translation>设置有效。点击“应用”即可使用这些设置。</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>%1 的设置</translation>
    </message>
</context>
<context>
    <name>vd::ui::ReconstructionViews</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Input, frame %1</source>
        <translation>输入，第 %1 帧</translation>
    </message>
    <message>
        <source>Reconstruction, PSNR %1 dB</source>
        <translation>重建，PSNR %1 dB</translation>
    </message>
    <message>
        <source>|error| mean %1, scale 0–%2</source>
        <translation>|误差| 均值 %1，色阶 0–%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::RunCheckpointList</name>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Checkpoints of this stage&apos;s run; double-click opens the folder</source>
        <translation>此阶段运行的检查点；双击可打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleSettingsForm</name>
    <message>
        <source>The samplers that fit the model&apos;s training objective</source>
        <translation>与模型训练目标相匹配的采样器</translation>
    </message>
    <message>
        <source>Sampler steps (Heun evaluates the model twice per step)</source>
        <translation>采样步数（Heun 每步计算两次模型）</translation>
    </message>
    <message>
        <source>Classifier-free guidance: 1 uses the label&apos;s prediction as is, more follows the label more strongly</source>
        <translation>无分类器引导（CFG）：1 表示直接使用该标签的条件预测，数值越大越严格地遵循标签</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>无条件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>随机选取一个种子</translation>
    </message>
    <message>
        <source>Clips to generate; they play side by side</source>
        <translation>要生成的片段数；生成后并排播放</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>采样器：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>引导强度：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>片段数：</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Autoguidance:</source>
        <translation>自引导：</translation>
    </message>
    <message>
        <source>Autoguidance: adds this much of the difference between the model and its run&apos;s early checkpoint (the guide), which sharpens outlines; 0 = off</source>
        <translation>自引导：按此倍数加上模型与其训练早期检查点（引导模型）之间的差，使轮廓更清晰；0 = 关闭</translation>
    </message>
    <message>
        <source>This run kept no guide checkpoint (diffusion.guide_at in the project), so clips are sampled without autoguidance</source>
        <translation>此次训练没有保留引导检查点（项目中的 diffusion.guide_at），因此生成片段时不使用自引导</translation>
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
        <translation>请至少生成 2 个片段后再评估。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ScalingPlot</name>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>训练片段数</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>保留片段上的损失</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>This sweep is not a scaling study (scale the model or the data to get one).</source>
        <translation>此扫描不是缩放研究（缩放模型或数据即可得到）。</translation>
    </message>
    <message>
        <source>Variants (compute-matched)</source>
        <translation>变体（计算量匹配）</translation>
    </message>
    <message>
        <source>Variants (step-matched)</source>
        <translation>变体（步数匹配）</translation>
    </message>
    <message>
        <source>%1 = %2 × x^−%3 (b ± %4, R² %5)</source>
        <translation>%1 = %2 × x^−%3（b ± %4，R² %5）</translation>
    </message>
    <message numerus="yes">
        <source>Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; R² %5 over %n point(s)).</source>
        <translation>
            <numerusform>%1翻倍时损失乘以 %2（b = %3 ± %4，标准误差；R² %5，共 %n 个点）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No power law fitted: it needs 3 or more finished variants at different sizes.</source>
        <translation>未拟合幂律：需要 3 个或更多不同规模的已完成变体。</translation>
    </message>
    <message>
        <source>the training clips</source>
        <translation>训练片段数</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>参数量</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepController</name>
    <message>
        <source>A sweep is running already.</source>
        <translation>已有扫描正在运行。</translation>
    </message>
    <message>
        <source>Cannot run sweeps: %1 is missing.</source>
        <translation>无法运行扫描：缺少 %1。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepCurvesPlot</name>
    <message>
        <source>The figure drawn for each selected variant</source>
        <translation>为每个所选变体绘制的指标</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Draw each curve as a moving average of the logged steps</source>
        <translation>将每条曲线绘制为已记录步数的移动平均</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their curves.</source>
        <translation>在表格中选择变体以比较其曲线。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>指标：</translation>
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
        <translation>扩散</translation>
    </message>
    <message>
        <source>The stage every variant trains. A diffusion sweep trains on the project&apos;s trained VAE.</source>
        <translation>每个变体训练的阶段。扩散扫描基于项目已训练的 VAE 进行训练。</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>添加轴</translation>
    </message>
    <message>
        <source>Vary one more setting: the sweep trains every combination</source>
        <translation>再改变一个设置：扫描会训练每种组合</translation>
    </message>
    <message>
        <source>project&apos;s</source>
        <translation>项目设定</translation>
    </message>
    <message>
        <source>Training steps of each variant (the project&apos;s when not set)</source>
        <translation>每个变体的训练步数（未设置时使用项目的值）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>A time budget for each variant, not for the whole sweep</source>
        <translation>每个变体的时间预算，而非整个扫描的</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder under runs/sweeps</source>
        <translation>扫描在 runs/sweeps 下的文件夹</translation>
    </message>
    <message>
        <source>Same steps</source>
        <translation>相同步数</translation>
    </message>
    <message>
        <source>Same compute</source>
        <translation>相同计算量</translation>
    </message>
    <message>
        <source>A scaling study: every variant trains the same steps, or the same steps × FLOPs per step (a wider model gets fewer steps)</source>
        <translation>缩放研究：每个变体训练相同的步数，或相同的“步数 × 每步 FLOPs”（更宽的模型步数更少）</translation>
    </message>
    <message>
        <source>Measure on held-out clips</source>
        <translation>在保留片段上评估</translation>
    </message>
    <message>
        <source>Each finished variant is judged on the held-out clips (reconstruction or sample quality, held-out loss)</source>
        <translation>每个已完成的变体都会在保留片段上评估（重建或样本质量、保留片段上的损失）</translation>
    </message>
    <message>
        <source>The command the sweep runs; the same command in a terminal runs or continues it there</source>
        <translation>扫描运行的命令；在终端中运行同一命令即可在那里运行或继续</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>改变：</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>分钟：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>同时运行：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Choose a setting…</source>
        <translation>选择设置…</translation>
    </message>
    <message>
        <source>Model size (scaling study)</source>
        <translation>模型规模（缩放研究）</translation>
    </message>
    <message>
        <source>Share of the data (scaling study)</source>
        <translation>数据比例（缩放研究）</translation>
    </message>
    <message>
        <source>width factors, e.g. 0.5, 1, 2, 4</source>
        <translation>宽度倍数，例如 0.5, 1, 2, 4</translation>
    </message>
    <message>
        <source>shares of the clips, e.g. 0.25, 0.5, 1</source>
        <translation>片段比例，例如 0.25, 0.5, 1</translation>
    </message>
    <message>
        <source>values, comma-separated (now %1)</source>
        <translation>逗号分隔的值（当前 %1）</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>逗号分隔的值</translation>
    </message>
    <message>
        <source>The setting to vary (a key of the project file), or a scaling axis</source>
        <translation>要改变的设置（项目文件中的键）或缩放轴</translation>
    </message>
    <message>
        <source>Values separated by commas: numbers, true/false, words, or lists in brackets ([4, 8])</source>
        <translation>以逗号分隔的值：数字、true/false、单词，或方括号中的列表（[4, 8]）</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>移除此轴</translation>
    </message>
    <message>
        <source>project&apos;s (%1)</source>
        <translation>项目设定（%1）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Open a project to define a sweep.</source>
        <translation>请打开项目以定义扫描。</translation>
    </message>
    <message>
        <source>The project has unsaved changes: save it first (the sweep reads the project file).</source>
        <translation>项目有未保存的更改：请先保存（扫描读取的是项目文件）。</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n variant(s).</source>
        <translation>
            <numerusform>就绪：%n 个变体。</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Variants trained at once, each in its own process with one thread; 1 trains them one after another with all threads; automatic: one per core on a CPU, one after another on a GPU</source>
        <translation>同时训练的变体数，每个变体在单独进程中使用一个线程；为 1 时依次使用全部线程训练；自动：CPU 上每个核心一个，GPU 上依次训练</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepPreviewGrid</name>
    <message>
        <source>Reconstruction %1</source>
        <translation>重建 %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1 (no previews)</source>
        <translation>%1（无预览）</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1，第 %2 步</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their previews.</source>
        <translation>在表格中选择变体以比较其预览。</translation>
    </message>
    <message>
        <source>The selected variants have saved no previews yet.</source>
        <translation>所选变体尚未保存预览。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepRequest</name>
    <message>
        <source>Add a setting to vary.</source>
        <translation>请添加要改变的设置。</translation>
    </message>
    <message>
        <source>Choose the setting of each axis.</source>
        <translation>请为每个轴选择设置。</translation>
    </message>
    <message>
        <source>%1: give one or more values, separated by commas.</source>
        <translation>%1：请给出一个或多个值，以逗号分隔。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepTableModel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>FLOPs per step</source>
        <translation>每步 FLOPs</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>最佳损失</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR（dB）</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>保留片段上的损失</translation>
    </message>
    <message>
        <source>Blob score</source>
        <translation>斑块分数</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>斑块</translation>
    </message>
    <message>
        <source>Class accuracy</source>
        <translation>类别准确率</translation>
    </message>
    <message>
        <source>Recognisable</source>
        <translation>可辨认</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <source>Fréchet floor</source>
        <translation>Fréchet 下限</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>基础通道数</translation>
    </message>
    <message>
        <source>Data share</source>
        <translation>数据比例</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>训练片段数</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>训练 FLOPs</translation>
    </message>
</context>
<context>
    <name>vd::ui::ThumbnailCache</name>
    <message>
        <source>no frame could be decoded</source>
        <translation>无法解码任何帧</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingController</name>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>训练因未知错误而失败。</translation>
    </message>
    <message>
        <source>Save the project before training with %1 processes: the other processes read the project file.</source>
        <translation>使用 %1 个进程训练前请先保存项目：其他进程会读取项目文件。</translation>
    </message>
    <message>
        <source>Cannot train with %1 processes: %2 is missing (it is installed next to the studio). Set the processes to 1 to train in the studio alone.</source>
        <translation>无法使用 %1 个进程训练：缺少 %2（它与工作室安装在同一位置）。将进程数设为 1 即可仅在工作室中训练。</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>Process %1 of %2 was ended by signal %3: %4</source>
        <translation>进程 %1/%2 被信号 %3 终止：%4</translation>
    </message>
    <message>
        <source>Process %1 of %2 ended with status %3: %4</source>
        <translation>进程 %1/%2 以状态 %3 结束：%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPanel</name>
    <message>
        <source>Preparing: %1</source>
        <translation>准备中：%1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>已在第 %1 步暂停</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>1 · VAE (autoencoder)</source>
        <translation>1 · VAE（自编码器）</translation>
    </message>
    <message>
        <source>2 · Diffusion (denoiser)</source>
        <translation>2 · 扩散模型（去噪器）</translation>
    </message>
    <message>
        <source>Train the VAE first; the diffusion stage trains on its latents</source>
        <translation>请先训练 VAE；扩散阶段在 VAE 的潜变量上训练</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train this stage from scratch (or resume, if it has checkpoints)</source>
        <translation>从头训练此阶段（如已有检查点则继续训练）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint</source>
        <translation>完成当前步后停止并保存检查点</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>步 %v / %m</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation>继续已暂停的运行</translation>
    </message>
    <message>
        <source>Continue training from the checkpoint at step %1</source>
        <translation>从第 %1 步的检查点继续训练</translation>
    </message>
    <message>
        <source>Continue a paused run, or a stopped one from its newest checkpoint</source>
        <translation>继续已暂停的运行，或从最新检查点继续已停止的运行</translation>
    </message>
    <message>
        <source>

The diffusion run was trained on this VAE&apos;s latents; train it again after a new VAE.</source>
        <translation>

扩散模型是在此 VAE 的潜变量上训练的；训练新的 VAE 后，需要重新训练扩散模型。</translation>
    </message>
    <message>
        <source>Checkpoints Exist</source>
        <translation>已存在检查点</translation>
    </message>
    <message>
        <source>This stage has finished (step %1). Start over? Starting over moves the current run folder aside; nothing is deleted. To train longer, raise its steps in Settings and resume.%2</source>
        <translation>此阶段已训练完成（第 %1 步）。要重新开始吗？重新开始会将当前的运行文件夹移到别处保存，不会删除任何内容。如需继续训练更多步，请在“设置”中调高其步数，然后继续训练。%2</translation>
    </message>
    <message>
        <source>This stage already has checkpoints (newest at step %1). Resume from there, or start over? Starting over moves the current run folder aside; nothing is deleted.%2</source>
        <translation>此阶段已有检查点（最新为第 %1 步）。要从该检查点继续，还是重新开始？重新开始会将当前的运行文件夹移到别处保存，不会删除任何内容。%2</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2; move or delete it yourself to start over.</source>
        <translation>无法将 %1 移动到 %2；请手动移动或删除它，然后再重新开始。</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>将在此步完成后停止并保存检查点…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n torch thread(s)</source>
        <translation>
            <numerusform>%1 · %n 个 Torch 线程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview clips appear here every %n step(s) while training.</source>
        <translation>
            <numerusform>训练期间，每 %n 步会在此处显示预览片段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Previews are off for this stage (preview_every is 0).</source>
        <translation>此阶段已关闭预览（preview_every 为 0）。</translation>
    </message>
    <message>
        <source>Open a project to train it.</source>
        <translation>请打开项目以进行训练。</translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation>已在第 %1 步完成</translation>
    </message>
    <message>
        <source>Stopped at step %1</source>
        <translation>已在第 %1 步停止</translation>
    </message>
    <message>
        <source>Train as this many processes on this machine (data parallel): each gets a share of the batch and of the cores, together they train the project&apos;s batch. The project must be saved: the other processes read its file.</source>
        <translation>在本机上以此数量的进程训练（数据并行）：每个进程分得一部分批量和核心，合起来训练项目的批量。项目必须已保存：其他进程会读取其文件。</translation>
    </message>
    <message>
        <source>Processes on this machine:</source>
        <translation>本机进程数：</translation>
    </message>
    <message>
        <source>%1 per process × %2 processes = %3</source>
        <translation>每进程 %1 × %2 个进程 = %3</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPreviewGrid</name>
    <message>
        <source>Latest previews</source>
        <translation>最新预览</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · input | reconstruction</source>
        <translation>最新预览 · 第 %1 步 · 输入 | 重建</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · samples</source>
        <translation>最新预览 · 第 %1 步 · 样本</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingStatsForm</name>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <source>Loader wait:</source>
        <translation>加载等待：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Loss (smoothed):</source>
        <translation>损失（平滑）：</translation>
    </message>
    <message>
        <source>%1 it/s · %2 ms/step</source>
        <translation>%1 it/s · 每步 %2 ms</translation>
    </message>
    <message>
        <source>%1 ms/step (%2%)</source>
        <translation>每步 %1 ms（%2%）</translation>
    </message>
    <message>
        <source>Clips per step of each process, and of all of them together</source>
        <translation>每个进程以及所有进程合计的每步片段数</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批量：</translation>
    </message>
</context>
<context>
    <name>vd::ui::VideoFilePlayer</name>
    <message>
        <source>Select a clip to play it.</source>
        <translation>选择一个片段即可播放。</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 fps · %5 frames · %6</source>
        <translation>%1 · %2×%3 · %4 fps · %5 帧 · %6</translation>
    </message>
    <message>
        <source>playing the first %1 frames</source>
        <translation>仅播放前 %1 帧</translation>
    </message>
    <message>
        <source>stops after %1 frames: %2</source>
        <translation>播放 %1 帧后中断：%2</translation>
    </message>
    <message>
        <source>no frame could be decoded</source>
        <translation>无法解码任何帧</translation>
    </message>
    <message>
        <source>Decoding %1 …</source>
        <translation>正在解码 %1…</translation>
    </message>
    <message>
        <source>Cannot play this clip.</source>
        <translation>无法播放此片段。</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>描述：%1</translation>
    </message>
</context>
</TS>
