<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>vd::ui::BlobScorePlot</name>
    <message>
        <source>training step</source>
        <translation>学習ステップ</translation>
    </message>
    <message>
        <source>blob score</source>
        <translation>ブロブスコア</translation>
    </message>
    <message>
        <source>Blob score over training (VAE previews)</source>
        <translation>学習中のブロブスコア（VAE プレビュー）</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>ch %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelHistogram</name>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>count</source>
        <translation>度数</translation>
    </message>
    <message>
        <source>Channel %1 values (%2; dashed: mean)</source>
        <translation>チャネル %1 の値（%2、破線：平均）</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>正規化済み</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>未正規化</translation>
    </message>
</context>
<context>
    <name>vd::ui::ChannelStatsTable</name>
    <message>
        <source>Ch</source>
        <translation>Ch</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Kurtosis</source>
        <translation>尖度</translation>
    </message>
    <message>
        <source>Max |z|</source>
        <translation>最大 |z|</translation>
    </message>
    <message>
        <source>Top 1%</source>
        <translation>上位 1%</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>高周波</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>ブロブ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Latent channel</source>
        <translation>潜在チャネル</translation>
    </message>
    <message>
        <source>Mean over frames and positions</source>
        <translation>フレームと位置にわたる平均</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>Smallest value</source>
        <translation>最小値</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>最大値</translation>
    </message>
    <message>
        <source>Excess kurtosis (0 for a Gaussian; large: heavy tails)</source>
        <translation>過剰尖度（ガウス分布では 0、大きいほど裾が重い）</translation>
    </message>
    <message>
        <source>Largest |value − mean| / std</source>
        <translation>|値 − 平均| / 標準偏差 の最大値</translation>
    </message>
    <message>
        <source>Share of the channel&apos;s energy in its top 1% positions (about 0.085 for Gaussian values)</source>
        <translation>チャネルのエネルギーのうち上位 1% の位置が占める割合（ガウス分布の値では約 0.085）</translation>
    </message>
    <message>
        <source>Share of the energy in high spatial frequencies</source>
        <translation>エネルギーのうち高い空間周波数が占める割合</translation>
    </message>
    <message>
        <source>Blobs found</source>
        <translation>検出されたブロブ数</translation>
    </message>
    <message>
        <source>Blob score (flagged at the detector&apos;s blob_score)</source>
        <translation>ブロブスコア（検出器の blob_score に達すると警告）</translation>
    </message>
    <message>
        <source>Flagged: blob score %1 reaches %2</source>
        <translation>警告：ブロブスコア %1 が %2 に達しています</translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s), score below %1</source>
        <translation>
            <numerusform>ブロブ %n 個、スコアは %1 未満</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::ui::ClipGridPlayer</name>
    <message>
        <source>Previous frame (Left)</source>
        <translation>前のフレーム (←)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>再生 (Space)</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>次のフレーム (→)</translation>
    </message>
    <message>
        <source>Scrub through the frames</source>
        <translation>ドラッグしてフレームを移動</translation>
    </message>
    <message>
        <source>frame %1 / %2</source>
        <translation>フレーム %1 / %2</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>再生速度（フレーム/秒）</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>フィット</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>Zoom: fit the view, or whole factors with sharp pixels</source>
        <translation>ズーム：表示領域に合わせるか、ピクセルをくっきり表示する整数倍</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>Show |frame - previous frame|, amplified %1x, instead of the frames</source>
        <translation>フレームの代わりに |フレーム - 前のフレーム| を %1 倍に増幅して表示</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>ズーム</translation>
    </message>
    <message>
        <source>No clip to show.
Sample with the model, or open a dataset or exported clip.</source>
        <translation>表示するクリップがありません。
モデルでサンプリングするか、データセットまたはエクスポートしたクリップを開いてください。</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>一時停止 (Space)</translation>
    </message>
    <message>
        <source>no frames</source>
        <translation>フレームなし</translation>
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
        <translation>OK</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>サムネイルなし：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>スキップ：%1</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 はスキップされました：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>vd::ui::DatasetPanel</name>
    <message>
        <source>Scanning the folder</source>
        <translation>フォルダーをスキャン中</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>再スキャン</translation>
    </message>
    <message>
        <source>Scan the folder again (only changed files are probed)</source>
        <translation>フォルダーを再スキャン（変更されたファイルのみ調べます）</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>名前で絞り込み</translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation>1 つのラベルのみ表示</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Usable clips</source>
        <translation>使用可能なクリップ</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>スキップされたファイル</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>サムネイル</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>モデルへの入力</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>フォルダー：%1</translation>
    </message>
    <message>
        <source>Scanning %1 …</source>
        <translation>%1 をスキャン中…</translation>
    </message>
    <message>
        <source>Cannot scan this folder: %1</source>
        <translation>このフォルダーをスキャンできません：%1</translation>
    </message>
    <message>
        <source>No clips.</source>
        <translation>クリップがありません。</translation>
    </message>
    <message>
        <source>Select a clip to play it.</source>
        <translation>再生するクリップを選択してください。</translation>
    </message>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>クリップを選択すると、モデルが学習に使うフレームが表示されます。</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>データセットなし</translation>
    </message>
    <message>
        <source>Open a project or a folder to browse its clips.</source>
        <translation>プロジェクトまたはフォルダーを開くと、そのクリップを閲覧できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n クリップ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n ラベル</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 件スキップ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 フレーム</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>すべてのラベル</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（ラベルなし）</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 はスキップされました：%2</translation>
    </message>
    <message>
        <source>Skipped files are not used for training.</source>
        <translation>スキップされたファイルは学習に使用されません。</translation>
    </message>
    <message>
        <source>Sampled with the project&apos;s dataset settings.</source>
        <translation>プロジェクトのデータセット設定でサンプリングしたフレームです。</translation>
    </message>
    <message>
        <source>No project open: sampled with the default dataset settings.</source>
        <translation>プロジェクトが開かれていません：既定のデータセット設定でサンプリングしたフレームです。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExperimentsPanel</name>
    <message>
        <source>The project&apos;s sweeps (runs/sweeps): choose one to see its results</source>
        <translation>プロジェクトのスイープ（runs/sweeps）：選ぶと結果を表示します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Read the sweeps folder again</source>
        <translation>スイープのフォルダーを読み直します</translation>
    </message>
    <message>
        <source>Load Settings</source>
        <translation>設定を読み込む</translation>
    </message>
    <message>
        <source>Show this sweep&apos;s settings in the form: Start then continues it (finished variants are skipped)</source>
        <translation>このスイープの設定をフォームに表示します。開始すると続きから実行します（完了したバリアントは飛ばします）</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>スイープ</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>スイープを開始</translation>
    </message>
    <message>
        <source>Run the sweep in its own process; a sweep with this name that was stopped continues where it stopped</source>
        <translation>スイープを別プロセスで実行します。この名前で停止したスイープは停止した所から再開します</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running variants after their current step; each saves a checkpoint</source>
        <translation>実行中のバリアントを現在のステップの後で停止します。それぞれチェックポイントを保存します</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>新しいスイープ</translation>
    </message>
    <message>
        <source>No sweep chosen.</source>
        <translation>スイープが選ばれていません。</translation>
    </message>
    <message>
        <source>Select variants (Ctrl or Shift for several) to compare them below; click a header to sort by it</source>
        <translation>バリアントを選ぶと下で比較できます（複数は Ctrl または Shift）。見出しをクリックするとその列で並べ替えます</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>並べて比較</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>スケーリング</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>The newest previews of the selected variants: the same held-out clips and the same noise for each</source>
        <translation>選んだバリアントの最新プレビュー：どれも同じ検証用クリップと同じノイズです</translation>
    </message>
    <message>
        <source>diffusion</source>
        <translation>拡散</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 finished</source>
        <translation>%1 — %2、%4 件中 %3 件完了</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>Stopping: each running variant finishes its step and saves a checkpoint…</source>
        <translation>停止中：実行中の各バリアントは現在のステップを終えてチェックポイントを保存します…</translation>
    </message>
    <message>
        <source>The sweep finished.</source>
        <translation>スイープが完了しました。</translation>
    </message>
    <message>
        <source>Stopped. Start the same sweep again to continue it.</source>
        <translation>停止しました。同じスイープをもう一度開始すると続きから実行します。</translation>
    </message>
    <message>
        <source>The sweep did not start.</source>
        <translation>スイープは開始されませんでした。</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>スイープは開始されませんでした：%1</translation>
    </message>
    <message>
        <source>The sweep failed.</source>
        <translation>スイープが失敗しました。</translation>
    </message>
    <message>
        <source>The sweep failed (status %1): %2</source>
        <translation>スイープが失敗しました（状態 %1）：%2</translation>
    </message>
    <message>
        <source>This project has no sweeps yet: define one on the left.</source>
        <translation>このプロジェクトにはまだスイープがありません。左で定義してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 stage, %3 of %n variant(s) finished.</source>
        <translation>
            <numerusform>%1：%2 ステージ、%n 件中 %3 件のバリアントが完了。</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures read from the runs now (results.json is written when the sweep ends).</source>
        <translation>数値は各ランから今読み取ったものです（results.json はスイープ終了時に書き込まれます）。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportDialog</name>
    <message>
        <source>Export Clips</source>
        <translation>クリップのエクスポート</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>クリップ %1</translation>
    </message>
    <message>
        <source>Current clip (%1)</source>
        <translation>現在のクリップ（%1）</translation>
    </message>
    <message numerus="yes">
        <source>All %n clip(s) of the grid, into a folder</source>
        <translation>
            <numerusform>グリッドの全 %n クリップ（フォルダーへ）</numerusform>
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
        <translation>アニメーション GIF</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>PNG 連番（フォルダー）</translation>
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
        <translation>各ピクセルをこのサイズのブロックに拡大します（ニアレストネイバー）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message numerus="yes">
        <source>of %n frame(s)</source>
        <translation>
            <numerusform>（全 %n フレーム）</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>クリップ：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>フレームレート：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>拡大率：</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>フレーム：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>エクスポートはすでに実行中です。</translation>
    </message>
    <message>
        <source>There is no clip to export.</source>
        <translation>エクスポートするクリップがありません。</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>保存先を選択してください。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>These already exist and will be replaced:
%1</source>
        <translation>次のファイルはすでに存在するため、置き換えられます：
%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 を書き出しました</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n clip(s) to %1</source>
        <translation>
            <numerusform>%n 個のクリップを %1 に書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>キャンセルしました。何も書き出されていません。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n complete clip(s) were kept.</source>
        <translation>
            <numerusform>キャンセルしました。完成した %n 個のクリップは残されています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>フォルダーへエクスポート</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 動画 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM 動画 (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF アニメーション (*.gif)</translation>
    </message>
    <message>
        <source>Export Clip</source>
        <translation>クリップをエクスポート</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)</source>
        <translation>
            <numerusform>%1 × %2 ピクセル、%n フレーム、%3 fps（%4 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>vd::ui::ExportWorker</name>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>%1 にエクスポートできませんでした：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a folder</source>
        <translation>「%1」は存在しますが、フォルダーではありません</translation>
    </message>
    <message>
        <source>one output path per clip is needed</source>
        <translation>クリップごとに出力パスが 1 つ必要です</translation>
    </message>
    <message>
        <source>the scale must be 1 to 16</source>
        <translation>拡大率は 1〜16 で指定してください</translation>
    </message>
    <message>
        <source>the frame range %1-%2 is outside the clip&apos;s %3 frames</source>
        <translation>フレーム範囲 %1-%2 がクリップの %3 フレームを超えています</translation>
    </message>
</context>
<context>
    <name>vd::ui::FlickerPlot</name>
    <message>
        <source>frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>mean |change|</source>
        <translation>平均 |変化|</translation>
    </message>
    <message>
        <source>Frame-to-frame change (no clip)</source>
        <translation>フレーム間の変化（クリップなし）</translation>
    </message>
    <message>
        <source>flicker index %1, mean change %2</source>
        <translation>フリッカー指数 %1、平均変化 %2</translation>
    </message>
    <message>
        <source>mean change %1 (flicker index needs 3 frames)</source>
        <translation>平均変化 %1（フリッカー指数には 3 フレーム必要）</translation>
    </message>
    <message>
        <source>a single frame has no change</source>
        <translation>1 フレームのみのため変化なし</translation>
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
        <translation>問題なし</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>要注意</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>ブロブあり</translation>
    </message>
    <message>
        <source>Inspection failed: %1</source>
        <translation>検査に失敗しました：%1</translation>
    </message>
    <message>
        <source>%1 — step %2: %3. %4</source>
        <translation>%1 — ステップ %2：%3。%4</translation>
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
        <translation>（このチェックポイントの潜在表現の正規化はまだ較正されていないため、値は未正規化です。）</translation>
    </message>
    <message>
        <source>%1: step %2, %3, max blob score %4, PSNR %5 dB</source>
        <translation>%1：ステップ %2、%3、最大ブロブスコア %4、PSNR %5 dB</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorControlBar</name>
    <message>
        <source>step %1 (newest)</source>
        <translation>ステップ %1（最新）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>VAE checkpoint to inspect (EMA weights when saved)</source>
        <translation>検査する VAE チェックポイント（保存されている場合は EMA 重み）</translation>
    </message>
    <message>
        <source>A second checkpoint to inspect on the same clip</source>
        <translation>同じクリップで検査する 2 つ目のチェックポイント</translation>
    </message>
    <message>
        <source>Show A</source>
        <translation>A を表示</translation>
    </message>
    <message>
        <source>Show B</source>
        <translation>B を表示</translation>
    </message>
    <message>
        <source>Show the first checkpoint&apos;s result</source>
        <translation>1 つ目のチェックポイントの結果を表示</translation>
    </message>
    <message>
        <source>Show the comparison checkpoint&apos;s result</source>
        <translation>比較用チェックポイントの結果を表示</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Read the checkpoints, clips and metrics again</source>
        <translation>チェックポイント、クリップ、メトリクスを再読み込み</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Latent normalization</source>
        <translation>潜在表現の正規化</translation>
    </message>
    <message>
        <source>Show the latents after the VAE&apos;s per-channel normalization, as the diffusion model sees them</source>
        <translation>VAE のチャネルごとの正規化を適用した後の潜在表現を、拡散モデルが見るとおりに表示</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>共通のカラースケール</translation>
    </message>
    <message>
        <source>One colour range for all channels (symmetric around 0) instead of one per channel (centred on its mean)</source>
        <translation>チャネルごとの色範囲（平均値が中心）ではなく、全チャネル共通の色範囲（0 を中心に対称）を使用</translation>
    </message>
    <message>
        <source>Checkpoint A:</source>
        <translation>チェックポイント A：</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>比較対象 B：</translation>
    </message>
    <message>
        <source>Clip:</source>
        <translation>クリップ：</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>フレーム：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>vd::ui::InspectorPanel</name>
    <message>
        <source>No VAE checkpoint yet: train the VAE first.</source>
        <translation>VAE チェックポイントがまだありません。先に VAE を学習してください。</translation>
    </message>
    <message>
        <source>%1 (held out)</source>
        <translation>%1（ホールドアウト）</translation>
    </message>
    <message>
        <source>Could not list the dataset&apos;s clips: %1</source>
        <translation>データセットのクリップを一覧表示できませんでした：%1</translation>
    </message>
    <message>
        <source>Could not read the VAE metrics: %1</source>
        <translation>VAE のメトリクスを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Inspect a Video</source>
        <translation>動画を検査</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;All files (*)</source>
        <translation>動画 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>%1 を検査中…</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10</source>
        <translation>%1：%3×%4 の %2 フレーム、潜在表現 %5×%6×%7×%8、VAE ステップ %9%10</translation>
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
        <translation>潜在チャネル（クリックで選択、枠：ブロブ）</translation>
    </message>
    <message>
        <source>ch %1 · score %2</source>
        <translation>ch %1 · スコア %2</translation>
    </message>
</context>
<context>
    <name>vd::ui::LogView</name>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>すべてのメッセージ</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告とエラー</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Filter log…</source>
        <translation>ログを絞り込み…</translation>
    </message>
</context>
<context>
    <name>vd::ui::MainWindow</name>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>プロジェクトを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>名前を付けてプロジェクトを保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Dataset Folder…</source>
        <translation>データセットフォルダーを開く(&amp;D)…</translation>
    </message>
    <message>
        <source>Open &amp;Video…</source>
        <translation>動画を開く(&amp;V)…</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>動画を開く</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</source>
        <translation>動画 (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start or Resume</source>
        <translation>開始 / 再開(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top (saves a checkpoint)</source>
        <translation>停止（チェックポイントを保存）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Clips</source>
        <translation>クリップ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sample Now</source>
        <translation>今すぐサンプリング(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Inspect Clip File…</source>
        <translation>クリップファイルを検査(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 を表示</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About VDStudio</source>
        <translation>VDStudio について(&amp;A)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>%1: not a project, folder or video</source>
        <translation>%1：プロジェクト、フォルダー、動画のいずれでもありません</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio プロジェクト (*.vdproj)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>名前を付けてプロジェクトを保存</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>データセットフォルダーを開く</translation>
    </message>
    <message>
        <source>About VDStudio</source>
        <translation>VDStudio について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;Training and sampling latent video diffusion models.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Device: %3&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VDStudio %1&lt;/h3&gt;&lt;p&gt;潜在動画拡散モデルの学習とサンプリング。&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;デバイス：%3&lt;/p&gt;&lt;p&gt;ライセンス：GPL-3.0-or-later&lt;/p&gt;</translation>
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
        <translation>%1 — %2（プリセット %3、%4×%5、%6 フレーム）</translation>
    </message>
    <message>
        <source>No project open — File &gt; New Project or Open Project</source>
        <translation>プロジェクトが開かれていません — ファイル &gt; 新規プロジェクト または プロジェクトを開く</translation>
    </message>
    <message>
        <source>Device: %1 — %2</source>
        <translation>デバイス：%1 — %2</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>未保存の設定</translation>
    </message>
    <message>
        <source>The settings of %1 have changed. Save them?</source>
        <translation>%1 の設定が変更されています。保存しますか？</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>学習を実行中</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it, save a checkpoint and quit?</source>
        <translation>学習を実行中です。停止してチェックポイントを保存し、終了しますか？</translation>
    </message>
    <message>
        <source>Stopping the run and saving a checkpoint…</source>
        <translation>実行を停止し、チェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>The run did not stop in time; try again.</source>
        <translation>実行が時間内に停止しませんでした。もう一度お試しください。</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA（%n デバイス）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n torch thread(s))</source>
        <translation>
            <numerusform>CPU（Torch スレッド %n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>実験</translation>
    </message>
    <message>
        <source>A Sweep Is Running</source>
        <translation>スイープを実行中です</translation>
    </message>
    <message>
        <source>A sweep is in progress. Stop it (each running variant saves a checkpoint) and quit? Starting it again later continues it.</source>
        <translation>スイープを実行中です。停止して（実行中の各バリアントはチェックポイントを保存します）終了しますか？後でもう一度開始すると続きから実行します。</translation>
    </message>
    <message>
        <source>Stopping the sweep…</source>
        <translation>スイープを停止しています…</translation>
    </message>
    <message>
        <source>The sweep did not stop in time; try again.</source>
        <translation>スイープが時間内に停止しませんでした。もう一度試してください。</translation>
    </message>
</context>
<context>
    <name>vd::ui::MetricsPlot</name>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>勾配ノルム</translation>
    </message>
    <message>
        <source>Step time and loader wait (ms)</source>
        <translation>ステップ時間とローダー待ち時間（ms）</translation>
    </message>
    <message>
        <source>Probe reconstruction PSNR (dB)</source>
        <translation>プローブの再構成 PSNR（dB）</translation>
    </message>
    <message>
        <source>Latent health</source>
        <translation>潜在表現の健全性</translation>
    </message>
    <message>
        <source>Blob score per channel</source>
        <translation>チャネルごとのブロブスコア</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>その他の指標</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>勾配ノルム</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>loader wait</source>
        <translation>ローダー待ち</translation>
    </message>
    <message>
        <source>probe PSNR</source>
        <translation>プローブ PSNR</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数スケール</translation>
    </message>
    <message>
        <source>Overlay Earlier Run…</source>
        <translation>以前の実行を重ねて表示…</translation>
    </message>
    <message>
        <source>Clear Overlay</source>
        <translation>重ね表示を解除</translation>
    </message>
    <message>
        <source>Which figure of the run to plot</source>
        <translation>プロットする指標</translation>
    </message>
    <message>
        <source>Smoothing of the bold curves (exponential moving average)</source>
        <translation>太線の平滑化（指数移動平均）</translation>
    </message>
    <message>
        <source>Logarithmic y axis</source>
        <translation>y 軸を対数にする</translation>
    </message>
    <message>
        <source>Draw the curves of another run&apos;s metrics.jsonl, dashed</source>
        <translation>別の実行の metrics.jsonl の曲線を破線で重ねて描画</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Remove the overlay of %1</source>
        <translation>%1 の重ね表示を解除</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1（以前の実行）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1：%2（平滑化後 %3）</translation>
    </message>
    <message>
        <source>Overlay Earlier Run</source>
        <translation>以前の実行を重ねて表示</translation>
    </message>
    <message>
        <source>Metrics logs (metrics.jsonl *.jsonl)</source>
        <translation>メトリクスログ (metrics.jsonl *.jsonl)</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>ステップ時間</translation>
    </message>
    <message>
        <source>Sample quality: class accuracy</source>
        <translation>サンプル品質: クラス正解率</translation>
    </message>
    <message>
        <source>Sample quality: Fréchet distance</source>
        <translation>サンプル品質: フレシェ距離</translation>
    </message>
    <message>
        <source>Sample quality: generated / real</source>
        <translation>サンプル品質: 生成 / 実データ</translation>
    </message>
    <message>
        <source>all classes</source>
        <translation>全クラス</translation>
    </message>
    <message>
        <source>generated vs real</source>
        <translation>生成 対 実データ</translation>
    </message>
    <message>
        <source>real vs real (floor)</source>
        <translation>実データ 対 実データ (下限)</translation>
    </message>
    <message>
        <source>mean change</source>
        <translation>平均変化</translation>
    </message>
    <message>
        <source>flicker index</source>
        <translation>ちらつき指数</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>多様性</translation>
    </message>
    <message>
        <source>recognisable</source>
        <translation>識別可能</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>precision, real vs real</source>
        <translation>適合率（実データ同士）</translation>
    </message>
    <message>
        <source>recall, real vs real</source>
        <translation>再現率（実データ同士）</translation>
    </message>
    <message>
        <source>held through the clip</source>
        <translation>クリップ全体で保持</translation>
    </message>
    <message>
        <source>held, real clips</source>
        <translation>保持、実クリップ</translation>
    </message>
    <message>
        <source>drift between halves</source>
        <translation>前半と後半のずれ</translation>
    </message>
</context>
<context>
    <name>vd::ui::ModelInputStrip</name>
    <message>
        <source>Select a clip to see the frames the model trains on.</source>
        <translation>クリップを選択すると、モデルが学習に使うフレームが表示されます。</translation>
    </message>
    <message>
        <source>Sampling %1 …</source>
        <translation>%1 をサンプリング中…</translation>
    </message>
    <message>
        <source>Cannot sample this clip: %1</source>
        <translation>このクリップをサンプリングできません：%1</translation>
    </message>
    <message>
        <source> (%1 fps)</source>
        <translation>（%1 fps）</translation>
    </message>
    <message>
        <source>%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6</source>
        <translation>%1 フレーム · %2×%3 · ストライド %4%5 · フレーム 0 から · 中央クロップ%6</translation>
    </message>
    <message>
        <source> · random flip (fixed seed)</source>
        <translation> · ランダム反転（固定シード）</translation>
    </message>
</context>
<context>
    <name>vd::ui::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>e.g. ~/videos/shapes.vdproj</source>
        <translation>例：~/videos/shapes.vdproj</translation>
    </message>
    <message>
        <source>a folder of videos; subfolders are labels</source>
        <translation>動画のフォルダー（サブフォルダーがラベルになります）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Demo: 64×64, trains in minutes on a CPU</source>
        <translation>Demo：64×64、CPU で数分で学習できます</translation>
    </message>
    <message>
        <source>Base: full-size models, for a GPU</source>
        <translation>Base：フルサイズのモデル。GPU 向け</translation>
    </message>
    <message>
        <source>Write the built-in demo dataset (moving shapes) into the folder</source>
        <translation>内蔵のデモデータセット（動く図形）をフォルダーに書き出す</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>プロジェクトファイル：</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>データセットフォルダー：</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>プリセット：</translation>
    </message>
    <message>
        <source>VDStudio projects (*.vdproj)</source>
        <translation>VDStudio プロジェクト (*.vdproj)</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>データセットフォルダー</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>プロジェクトファイルの保存先を選択してください。</translation>
    </message>
    <message>
        <source>Choose the folder with the training videos.</source>
        <translation>学習用動画のフォルダーを選択してください。</translation>
    </message>
    <message>
        <source>The dataset folder %1 does not exist.</source>
        <translation>データセットフォルダー %1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 exists and will be overwritten.</source>
        <translation>%1 はすでに存在するため、上書きされます。</translation>
    </message>
    <message>
        <source>Writing %1 demo clips…</source>
        <translation>%1 個のデモクリップを書き出し中…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>Could not write the demo dataset: %1</source>
        <translation>デモデータセットを書き出せませんでした：%1</translation>
    </message>
    <message>
        <source>Small: 128×128, trains in an hour on a CPU</source>
        <translation>Small：128×128、CPU で 1 時間で学習できます</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 steps, the denoiser for up to %6 minutes or %7 steps.</source>
        <translation>%1×%2 ピクセル、%3 フレームのクリップ。VAE は最大 %4 分または %5 ステップ、デノイザーは最大 %6 分または %7 ステップ学習します。</translation>
    </message>
    <message>
        <source>Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 steps and the denoiser for %5 steps.</source>
        <translation>%1×%2 ピクセル、%3 フレームのクリップ。VAE は %4 ステップ、デノイザーは %5 ステップ学習します。</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>As set in the project</source>
        <translation>プロジェクトの設定に従う</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>自動（利用可能なら CUDA）</translation>
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
        <translation>自動（このマシンでは %1）</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Training device:</source>
        <translation>学習デバイス：</translation>
    </message>
    <message>
        <source>Torch threads:</source>
        <translation>Torch スレッド数：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ：</translation>
    </message>
    <message>
        <source>The device applies to the next run; a new language applies after a restart.</source>
        <translation>デバイスは次回の実行から、言語は再起動後に適用されます。</translation>
    </message>
</context>
<context>
    <name>vd::ui::PreviewPanel</name>
    <message>
        <source>step %1 / %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <source>Sampling cancelled.</source>
        <translation>サンプリングをキャンセルしました。</translation>
    </message>
    <message>
        <source>Sample Now</source>
        <translation>今すぐサンプリング</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open Clip…</source>
        <translation>クリップを開く…</translation>
    </message>
    <message>
        <source>Play a dataset clip or an exported clip</source>
        <translation>データセットのクリップまたはエクスポートしたクリップを再生</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Write the current clip or the whole grid to MP4, WebM, GIF or PNG frames</source>
        <translation>現在のクリップまたはグリッド全体を MP4、WebM、GIF、PNG フレームに書き出す</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>クリップ</translation>
    </message>
    <message>
        <source>Loading the trained models…</source>
        <translation>学習済みモデルを読み込み中…</translation>
    </message>
    <message>
        <source>Open a project to sample from its models.</source>
        <translation>プロジェクトを開くと、そのモデルからサンプリングできます。</translation>
    </message>
    <message>
        <source>Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of %5×%6 on %7</source>
        <translation>デノイザー：ステップ %1（%2 予測）、VAE：ステップ %3、%5×%6 の %4 フレーム、デバイス %7</translation>
    </message>
    <message>
        <source>No model to sample from: %1</source>
        <translation>サンプリングできるモデルがありません：%1</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>サンプリング中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message numerus="yes">
        <source>Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5</source>
        <translation>
            <numerusform>%n 個のクリップを %1 秒でサンプリングしました：%2、%3 ステップ、ガイダンス %4、シード %5</numerusform>
        </translation>
    </message>
    <message>
        <source>loading models…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>%1: no frames could be decoded</source>
        <translation>%1：デコードできるフレームがありません</translation>
    </message>
    <message>
        <source> (first %1 of %2 frames)</source>
        <translation>（%2 フレーム中の最初の %1 フレーム）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Open Clip</source>
        <translation>クリップを開く</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)</source>
        <translation>動画 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>クリップがありません。</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n frame(s), %2×%3 pixels</source>
        <translation>
            <numerusform>%1
%n フレーム、%2×%3 ピクセル</numerusform>
        </translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>クリップ %1</translation>
    </message>
    <message>
        <source>mean change %1, max %2</source>
        <translation>平均変化 %1、最大 %2</translation>
    </message>
    <message>
        <source>flicker index %1</source>
        <translation>フリッカー指数 %1</translation>
    </message>
    <message>
        <source>Judge Clips</source>
        <translation>クリップを評価</translation>
    </message>
    <message>
        <source>Score the sampled clips with the project&apos;s sample judge: class accuracy, Fréchet distance to real clips, motion and diversity against real clips (trains the judge first if needed)</source>
        <translation>プロジェクトのサンプル評価器で生成クリップを採点します: クラス正解率、実クリップとのフレシェ距離、実クリップと比べた動きと多様性 (必要なら先に評価器を学習します)</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>評価中…</translation>
    </message>
    <message numerus="yes">
        <source>Judge: %1% right on %n held-out clip window(s)</source>
        <translation>
            <numerusform>評価器: 検証用クリップ窓 %n 個で正解率 %1%</numerusform>
        </translation>
    </message>
    <message>
        <source>Class accuracy: %1% (%2)</source>
        <translation>クラス正解率: %1% (%2)</translation>
    </message>
    <message>
        <source>Fréchet distance: %1 (real vs real: %2)</source>
        <translation>フレシェ距離: %1 (実データ同士: %2)</translation>
    </message>
    <message>
        <source>The judge failed: %1</source>
        <translation>評価に失敗しました: %1</translation>
    </message>
    <message>
        <source>Held through the clip: %1% (real clips: %2%)</source>
        <translation>クリップ全体で保持: %1% (実クリップ: %2%)</translation>
    </message>
    <message>
        <source>Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4</source>
        <translation>生成 / 実データ: 平均変化 ×%1、ちらつき ×%2、ずれ ×%3、多様性 ×%4</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSession</name>
    <message>
        <source>No project file to save to.</source>
        <translation>保存先のプロジェクトファイルがありません。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ProjectSettingsForm</name>
    <message>
        <source>Filter settings…</source>
        <translation>設定を絞り込み…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Use these settings for the next run (File &gt; Save Project writes them)</source>
        <translation>次回の実行でこれらの設定を使用します（ファイル &gt; プロジェクトを保存 でファイルに書き込まれます）</translation>
    </message>
    <message>
        <source>Open or create a project to edit its settings.</source>
        <translation>設定を編集するには、プロジェクトを開くか作成してください。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c81e1e&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Valid. Apply to use these settings.</source>
        <translation>有効な設定です。使用するには［適用］を押してください。</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>%1 の設定</translation>
    </message>
</context>
<context>
    <name>vd::ui::ReconstructionViews</name>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>再構成</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>クリップ</translation>
    </message>
    <message>
        <source>Input, frame %1</source>
        <translation>入力、フレーム %1</translation>
    </message>
    <message>
        <source>Reconstruction, PSNR %1 dB</source>
        <translation>再構成、PSNR %1 dB</translation>
    </message>
    <message>
        <source>|error| mean %1, scale 0–%2</source>
        <translation>|誤差| 平均 %1、スケール 0–%2</translation>
    </message>
</context>
<context>
    <name>vd::ui::RunCheckpointList</name>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Checkpoints of this stage&apos;s run; double-click opens the folder</source>
        <translation>このステージの実行のチェックポイント（ダブルクリックでフォルダーを開く）</translation>
    </message>
</context>
<context>
    <name>vd::ui::SampleSettingsForm</name>
    <message>
        <source>The samplers that fit the model&apos;s training objective</source>
        <translation>モデルの学習時の予測対象に適合するサンプラー</translation>
    </message>
    <message>
        <source>Sampler steps (Heun evaluates the model twice per step)</source>
        <translation>サンプラーのステップ数（Heun は 1 ステップにつきモデルを 2 回評価します）</translation>
    </message>
    <message>
        <source>Classifier-free guidance: 1 uses the label&apos;s prediction as is, more follows the label more strongly</source>
        <translation>Classifier-free guidance：1 ではラベル条件付きの予測をそのまま使い、大きくするほどラベルに強く従います</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>条件なし</translation>
    </message>
    <message>
        <source>New</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>ランダムなシードを選ぶ</translation>
    </message>
    <message>
        <source>Clips to generate; they play side by side</source>
        <translation>生成するクリップ数（並べて再生されます）</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>サンプラー：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数：</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>ガイダンス：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>ラベル：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード：</translation>
    </message>
    <message>
        <source>Clips:</source>
        <translation>クリップ数：</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>すべてのクラス</translation>
    </message>
    <message>
        <source>Autoguidance:</source>
        <translation>オートガイダンス:</translation>
    </message>
    <message>
        <source>Autoguidance: adds this much of the difference between the model and its run&apos;s early checkpoint (the guide), which sharpens outlines; 0 = off</source>
        <translation>オートガイダンス: モデルと、その学習の初期チェックポイント（ガイド）との差をこの倍率で加え、輪郭をはっきりさせます。0 = オフ</translation>
    </message>
    <message>
        <source>This run kept no guide checkpoint (diffusion.guide_at in the project), so clips are sampled without autoguidance</source>
        <translation>この学習はガイド用チェックポイントを保存していません（プロジェクトの diffusion.guide_at）。クリップはオートガイダンスなしで生成されます</translation>
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
        <translation>評価するには 2 本以上のクリップを生成してください。</translation>
    </message>
</context>
<context>
    <name>vd::ui::ScalingPlot</name>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>学習クリップ数</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>検証用クリップの損失</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>最終の学習損失</translation>
    </message>
    <message>
        <source>This sweep is not a scaling study (scale the model or the data to get one).</source>
        <translation>このスイープはスケーリング研究ではありません（モデルまたはデータを拡大縮小すると得られます）。</translation>
    </message>
    <message>
        <source>Variants (compute-matched)</source>
        <translation>バリアント（計算量を揃えた）</translation>
    </message>
    <message>
        <source>Variants (step-matched)</source>
        <translation>バリアント（ステップ数を揃えた）</translation>
    </message>
    <message>
        <source>%1 = %2 × x^−%3 (b ± %4, R² %5)</source>
        <translation>%1 = %2 × x^−%3（b ± %4、R² %5）</translation>
    </message>
    <message numerus="yes">
        <source>Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; R² %5 over %n point(s)).</source>
        <translation>
            <numerusform>%1を 2 倍にすると損失は %2 倍になります（b = %3 ± %4、標準誤差；R² %5、%n 点）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No power law fitted: it needs 3 or more finished variants at different sizes.</source>
        <translation>べき乗則は当てはめていません。サイズの異なる完了済みバリアントが 3 つ以上必要です。</translation>
    </message>
    <message>
        <source>the training clips</source>
        <translation>学習クリップ数</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>パラメーター数</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepController</name>
    <message>
        <source>A sweep is running already.</source>
        <translation>スイープはすでに実行中です。</translation>
    </message>
    <message>
        <source>Cannot run sweeps: %1 is missing.</source>
        <translation>スイープを実行できません：%1 がありません。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepCurvesPlot</name>
    <message>
        <source>The figure drawn for each selected variant</source>
        <translation>選んだ各バリアントについて描く値</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Draw each curve as a moving average of the logged steps</source>
        <translation>各曲線を記録されたステップの移動平均で描きます</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数スケール</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their curves.</source>
        <translation>表でバリアントを選ぶと曲線を比較できます。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>値：</translation>
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
        <translation>拡散</translation>
    </message>
    <message>
        <source>The stage every variant trains. A diffusion sweep trains on the project&apos;s trained VAE.</source>
        <translation>各バリアントが学習するステージ。拡散のスイープはプロジェクトの学習済み VAE の上で学習します。</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>軸を追加</translation>
    </message>
    <message>
        <source>Vary one more setting: the sweep trains every combination</source>
        <translation>変える設定を一つ増やします。スイープはすべての組み合わせを学習します</translation>
    </message>
    <message>
        <source>project&apos;s</source>
        <translation>プロジェクトの値</translation>
    </message>
    <message>
        <source>Training steps of each variant (the project&apos;s when not set)</source>
        <translation>各バリアントの学習ステップ数（未設定ならプロジェクトの値）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>A time budget for each variant, not for the whole sweep</source>
        <translation>各バリアントの時間予算（スイープ全体ではありません）</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder under runs/sweeps</source>
        <translation>runs/sweeps 以下のスイープのフォルダー</translation>
    </message>
    <message>
        <source>Same steps</source>
        <translation>同じステップ数</translation>
    </message>
    <message>
        <source>Same compute</source>
        <translation>同じ計算量</translation>
    </message>
    <message>
        <source>A scaling study: every variant trains the same steps, or the same steps × FLOPs per step (a wider model gets fewer steps)</source>
        <translation>スケーリング研究：各バリアントを同じステップ数、または同じ「ステップ数 × ステップあたり FLOPs」で学習します（幅の広いモデルはステップ数が減ります）</translation>
    </message>
    <message>
        <source>Measure on held-out clips</source>
        <translation>検証用クリップで測定</translation>
    </message>
    <message>
        <source>Each finished variant is judged on the held-out clips (reconstruction or sample quality, held-out loss)</source>
        <translation>完了した各バリアントを検証用クリップで評価します（再構成またはサンプルの品質、検証用クリップの損失）</translation>
    </message>
    <message>
        <source>The command the sweep runs; the same command in a terminal runs or continues it there</source>
        <translation>スイープが実行するコマンド。端末で同じコマンドを使うとそこで実行または再開できます</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>ステージ：</translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation>変える設定：</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>分：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数：</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>同時実行数：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation>スケーリング：</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>コマンド：</translation>
    </message>
    <message>
        <source>Choose a setting…</source>
        <translation>設定を選択…</translation>
    </message>
    <message>
        <source>Model size (scaling study)</source>
        <translation>モデルの大きさ（スケーリング研究）</translation>
    </message>
    <message>
        <source>Share of the data (scaling study)</source>
        <translation>データの割合（スケーリング研究）</translation>
    </message>
    <message>
        <source>width factors, e.g. 0.5, 1, 2, 4</source>
        <translation>幅の倍率（例：0.5, 1, 2, 4）</translation>
    </message>
    <message>
        <source>shares of the clips, e.g. 0.25, 0.5, 1</source>
        <translation>クリップの割合（例：0.25, 0.5, 1）</translation>
    </message>
    <message>
        <source>values, comma-separated (now %1)</source>
        <translation>カンマ区切りの値（現在 %1）</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>カンマ区切りの値</translation>
    </message>
    <message>
        <source>The setting to vary (a key of the project file), or a scaling axis</source>
        <translation>変える設定（プロジェクトファイルのキー）またはスケーリング軸</translation>
    </message>
    <message>
        <source>Values separated by commas: numbers, true/false, words, or lists in brackets ([4, 8])</source>
        <translation>カンマ区切りの値：数値、true/false、単語、または角かっこのリスト（[4, 8]）</translation>
    </message>
    <message>
        <source>Remove this axis</source>
        <translation>この軸を削除</translation>
    </message>
    <message>
        <source>project&apos;s (%1)</source>
        <translation>プロジェクトの値（%1）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Open a project to define a sweep.</source>
        <translation>スイープを定義するにはプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>The project has unsaved changes: save it first (the sweep reads the project file).</source>
        <translation>プロジェクトに未保存の変更があります。先に保存してください（スイープはプロジェクトファイルを読みます）。</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n variant(s).</source>
        <translation>
            <numerusform>準備完了：%n 件のバリアント。</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Variants trained at once, each in its own process with one thread; 1 trains them one after another with all threads; automatic: one per core on a CPU, one after another on a GPU</source>
        <translation>同時に学習するバリアントの数（それぞれ 1 スレッドの別プロセス）。1 ならすべてのスレッドで一つずつ学習します。自動：CPU ではコアごとに 1 つ、GPU では一つずつ</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepPreviewGrid</name>
    <message>
        <source>Reconstruction %1</source>
        <translation>再構成 %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>サンプル %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>クラス %1</translation>
    </message>
    <message>
        <source>%1 (no previews)</source>
        <translation>%1（プレビューなし）</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1、ステップ %2</translation>
    </message>
    <message>
        <source>Select variants in the table to compare their previews.</source>
        <translation>表でバリアントを選ぶとプレビューを比較できます。</translation>
    </message>
    <message>
        <source>The selected variants have saved no previews yet.</source>
        <translation>選んだバリアントはまだプレビューを保存していません。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepRequest</name>
    <message>
        <source>Add a setting to vary.</source>
        <translation>変える設定を追加してください。</translation>
    </message>
    <message>
        <source>Choose the setting of each axis.</source>
        <translation>各軸の設定を選んでください。</translation>
    </message>
    <message>
        <source>%1: give one or more values, separated by commas.</source>
        <translation>%1：値を 1 つ以上、カンマ区切りで指定してください。</translation>
    </message>
</context>
<context>
    <name>vd::ui::SweepTableModel</name>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>バリアント</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>FLOPs per step</source>
        <translation>ステップあたり FLOPs</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>時間（秒）</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最終損失</translation>
    </message>
    <message>
        <source>Best loss</source>
        <translation>最良損失</translation>
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
        <translation>検証用クリップの損失</translation>
    </message>
    <message>
        <source>Blob score</source>
        <translation>ブロブスコア</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>ブロブ</translation>
    </message>
    <message>
        <source>Class accuracy</source>
        <translation>クラス正解率</translation>
    </message>
    <message>
        <source>Recognisable</source>
        <translation>識別可能</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>フレシェ距離</translation>
    </message>
    <message>
        <source>Fréchet floor</source>
        <translation>フレシェ距離の下限</translation>
    </message>
    <message>
        <source>Base channels</source>
        <translation>基本チャンネル数</translation>
    </message>
    <message>
        <source>Data share</source>
        <translation>データの割合</translation>
    </message>
    <message>
        <source>Training clips</source>
        <translation>学習クリップ数</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>揃えたもの</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>学習 FLOPs</translation>
    </message>
</context>
<context>
    <name>vd::ui::ThumbnailCache</name>
    <message>
        <source>no frame could be decoded</source>
        <translation>デコードできるフレームがありません</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingController</name>
    <message>
        <source>Training failed with an unknown error.</source>
        <translation>不明なエラーにより学習に失敗しました。</translation>
    </message>
    <message>
        <source>Save the project before training with %1 processes: the other processes read the project file.</source>
        <translation>%1 個のプロセスで学習する前にプロジェクトを保存してください。他のプロセスはプロジェクトファイルを読み込みます。</translation>
    </message>
    <message>
        <source>Cannot train with %1 processes: %2 is missing (it is installed next to the studio). Set the processes to 1 to train in the studio alone.</source>
        <translation>%1 個のプロセスで学習できません: %2 がありません (スタジオと同じ場所にインストールされます)。スタジオだけで学習するにはプロセス数を 1 にしてください。</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <source>Process %1 of %2 was ended by signal %3: %4</source>
        <translation>プロセス %1/%2 はシグナル %3 で終了しました: %4</translation>
    </message>
    <message>
        <source>Process %1 of %2 ended with status %3: %4</source>
        <translation>プロセス %1/%2 はステータス %3 で終了しました: %4</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPanel</name>
    <message>
        <source>Preparing: %1</source>
        <translation>準備中：%1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>ステップ %1 で一時停止中</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <source>1 · VAE (autoencoder)</source>
        <translation>1 · VAE（オートエンコーダー）</translation>
    </message>
    <message>
        <source>2 · Diffusion (denoiser)</source>
        <translation>2 · 拡散（デノイザー）</translation>
    </message>
    <message>
        <source>Train the VAE first; the diffusion stage trains on its latents</source>
        <translation>先に VAE を学習してください。拡散ステージはその潜在表現で学習します</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Train this stage from scratch (or resume, if it has checkpoints)</source>
        <translation>このステージを最初から学習（チェックポイントがあれば再開）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint</source>
        <translation>現在のステップの後に停止し、チェックポイントを保存</translation>
    </message>
    <message>
        <source>step %v / %m</source>
        <translation>ステップ %v / %m</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>ステージ：</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation>一時停止中の実行を再開</translation>
    </message>
    <message>
        <source>Continue training from the checkpoint at step %1</source>
        <translation>ステップ %1 のチェックポイントから学習を再開</translation>
    </message>
    <message>
        <source>Continue a paused run, or a stopped one from its newest checkpoint</source>
        <translation>一時停止中の実行を再開、または停止した実行を最新のチェックポイントから再開</translation>
    </message>
    <message>
        <source>

The diffusion run was trained on this VAE&apos;s latents; train it again after a new VAE.</source>
        <translation>

拡散の実行はこの VAE の潜在表現で学習されています。新しい VAE を学習したら、拡散も学習し直してください。</translation>
    </message>
    <message>
        <source>Checkpoints Exist</source>
        <translation>チェックポイントが存在します</translation>
    </message>
    <message>
        <source>This stage has finished (step %1). Start over? Starting over moves the current run folder aside; nothing is deleted. To train longer, raise its steps in Settings and resume.%2</source>
        <translation>このステージは完了しています（ステップ %1）。最初からやり直しますか？やり直すと、現在の実行フォルダーは別の場所へ移動されます（何も削除されません）。さらに学習するには、設定でステップ数を増やしてから再開してください。%2</translation>
    </message>
    <message>
        <source>This stage already has checkpoints (newest at step %1). Resume from there, or start over? Starting over moves the current run folder aside; nothing is deleted.%2</source>
        <translation>このステージにはすでにチェックポイントがあります（最新はステップ %1）。そこから再開しますか？それとも最初からやり直しますか？やり直すと、現在の実行フォルダーは別の場所へ移動されます（何も削除されません）。%2</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2; move or delete it yourself to start over.</source>
        <translation>%1 を %2 に移動できません。やり直すには、手動で移動または削除してください。</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>このステップの後に停止し、チェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>準備中…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n torch thread(s)</source>
        <translation>
            <numerusform>%1 · torch スレッド %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview clips appear here every %n step(s) while training.</source>
        <translation>
            <numerusform>学習中は %n ステップごとにプレビュークリップがここに表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Previews are off for this stage (preview_every is 0).</source>
        <translation>このステージのプレビューはオフです（preview_every が 0）。</translation>
    </message>
    <message>
        <source>Open a project to train it.</source>
        <translation>学習するにはプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation>ステップ %1 で完了</translation>
    </message>
    <message>
        <source>Stopped at step %1</source>
        <translation>ステップ %1 で停止</translation>
    </message>
    <message>
        <source>Train as this many processes on this machine (data parallel): each gets a share of the batch and of the cores, together they train the project&apos;s batch. The project must be saved: the other processes read its file.</source>
        <translation>このマシン上でこの数のプロセスで学習します (データ並列)。各プロセスがバッチとコアの一部を受け持ち、全体でプロジェクトのバッチを学習します。他のプロセスがファイルを読むため、プロジェクトは保存済みである必要があります。</translation>
    </message>
    <message>
        <source>Processes on this machine:</source>
        <translation>このマシンのプロセス数:</translation>
    </message>
    <message>
        <source>%1 per process × %2 processes = %3</source>
        <translation>プロセスあたり %1 × %2 プロセス = %3</translation>
    </message>
</context>
<context>
    <name>vd::ui::TrainingPreviewGrid</name>
    <message>
        <source>Latest previews</source>
        <translation>最新のプレビュー</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>クリップ %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>クラス %1</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>サンプル %1</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · input | reconstruction</source>
        <translation>最新のプレビュー · ステップ %1 · 入力 | 再構成</translation>
    </message>
    <message>
        <source>Latest previews · step %1 · samples</source>
        <translation>最新のプレビュー · ステップ %1 · サンプル</translation>
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
        <translation>残り時間：</translation>
    </message>
    <message>
        <source>Loader wait:</source>
        <translation>ローダー待ち：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>デバイス：</translation>
    </message>
    <message>
        <source>Loss (smoothed):</source>
        <translation>損失（平滑化）：</translation>
    </message>
    <message>
        <source>%1 it/s · %2 ms/step</source>
        <translation>%1 it/s · %2 ms/step</translation>
    </message>
    <message>
        <source>%1 ms/step (%2%)</source>
        <translation>%1 ms/step（%2%）</translation>
    </message>
    <message>
        <source>Clips per step of each process, and of all of them together</source>
        <translation>各プロセスおよび全プロセス合計のステップあたりのクリップ数</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>バッチ:</translation>
    </message>
</context>
<context>
    <name>vd::ui::VideoFilePlayer</name>
    <message>
        <source>Select a clip to play it.</source>
        <translation>再生するクリップを選択してください。</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>再生 / 一時停止</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · %4 fps · %5 frames · %6</source>
        <translation>%1 · %2×%3 · %4 fps · %5 フレーム · %6</translation>
    </message>
    <message>
        <source>playing the first %1 frames</source>
        <translation>最初の %1 フレームを再生中</translation>
    </message>
    <message>
        <source>stops after %1 frames: %2</source>
        <translation>%1 フレームで停止：%2</translation>
    </message>
    <message>
        <source>no frame could be decoded</source>
        <translation>デコードできるフレームがありません</translation>
    </message>
    <message>
        <source>Decoding %1 …</source>
        <translation>%1 をデコード中…</translation>
    </message>
    <message>
        <source>Cannot play this clip.</source>
        <translation>このクリップを再生できません。</translation>
    </message>
    <message>
        <source>Caption: %1</source>
        <translation>キャプション：%1</translation>
    </message>
</context>
</TS>
