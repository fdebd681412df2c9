<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Campaign: {name} · {n} videos</source>
        <translation>Kempen: {name} · {n} video</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Semua kempen</translation>
    </message>
    <message>
        <source>{n} files missing</source>
        <translation>{n} fail hilang</translation>
    </message>
    <message>
        <source>Findings by category</source>
        <translation>Dapatan mengikut kategori</translation>
    </message>
    <message>
        <source>Findings by severity</source>
        <translation>Dapatan mengikut tahap</translation>
    </message>
    <message>
        <source>Reviewer workload</source>
        <translation>Beban kerja penyemak</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Penyemak</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasi</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Export PDF summary…</source>
        <translation>Eksport ringkasan PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksport CSV…</translation>
    </message>
    <message>
        <source>Export PDF summary</source>
        <translation>Eksport ringkasan PDF</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Eksport CSV</translation>
    </message>
    <message>
        <source>Import &amp;bundle…</source>
        <translation>Import &amp;berkas…</translation>
    </message>
    <message>
        <source>E&amp;xport my review bundle…</source>
        <translation>E&amp;ksport berkas semakan saya…</translation>
    </message>
    <message>
        <source>&amp;Locate media…</source>
        <translation>&amp;Cari media…</translation>
    </message>
    <message>
        <source>Campaign &amp;reviewers…</source>
        <translation>&amp;Penyemak kempen…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Import berkas</translation>
    </message>
    <message>
        <source>Where are the campaign&apos;s videos? (Cancel if the package holds them)</source>
        <translation>Di manakah video kempen ini? (Batal jika pakej mengandunginya)</translation>
    </message>
    <message>
        <source>{name} was imported before; nothing changed.</source>
        <translation>{name} telah diimport sebelum ini; tiada perubahan.</translation>
    </message>
    <message>
        <source> {n} videos still need Locate media…</source>
        <translation> {n} video masih perlu Cari media…</translation>
    </message>
    <message>
        <source>Imported {name}: {n} new items.</source>
        <translation>{name} diimport: {n} item baharu.</translation>
    </message>
    <message>
        <source>Choose a campaign in the library and set your name in Settings first.</source>
        <translation>Pilih kempen dalam pustaka dan tetapkan nama anda dalam Tetapan dahulu.</translation>
    </message>
    <message>
        <source>Export my review bundle</source>
        <translation>Eksport berkas semakan saya</translation>
    </message>
    <message>
        <source>Saved {path} ({n} items).</source>
        <translation>{path} disimpan ({n} item).</translation>
    </message>
    <message>
        <source>Export {name}</source>
        <translation>Eksport {name}</translation>
    </message>
    <message>
        <source>Locate media</source>
        <translation>Cari media</translation>
    </message>
    <message>
        <source>Found {n} videos.</source>
        <translation>{n} video ditemui.</translation>
    </message>
    <message>
        <source>Still missing: {names}</source>
        <translation>Masih hilang: {names}</translation>
    </message>
    <message>
        <source>Choose a campaign in the library first.</source>
        <translation>Pilih kempen dalam pustaka dahulu.</translation>
    </message>
    <message>
        <source>Campaign reviewers</source>
        <translation>Penyemak kempen</translation>
    </message>
    <message>
        <source>Reviewers who must decide on every video of {campaign}, one per line, as Name (Organisation):</source>
        <translation>Penyemak yang mesti membuat keputusan bagi setiap video {campaign}, satu setiap baris, sebagai Nama (Organisasi):</translation>
    </message>
    <message>
        <source>{campaign} requires {n} reviewers.</source>
        <translation>{campaign} memerlukan {n} penyemak.</translation>
    </message>
    <message>
        <source>Search names, creators, captions and transcripts</source>
        <translation>Cari nama, pencipta, kapsyen dan transkrip</translation>
    </message>
    <message>
        <source>Search videos</source>
        <translation>Cari video</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kempen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Tapis mengikut status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>{n} videos</source>
        <translation>{n} video</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} disimpan.</translation>
    </message>
    <message>
        <source>Export failed: {message}</source>
        <translation>Eksport gagal: {message}</translation>
    </message>
    <message>
        <source>These term lists are invalid and were disabled, so nothing is checked against them: {names}. Open Term lists and press Repair, or run &apos;thinktwice terms repair&apos;.</source>
        <translation>Senarai istilah ini tidak sah dan telah dinyahdayakan, jadi tiada semakan dibuat terhadapnya: {names}. Buka Senarai istilah dan tekan Baiki, atau jalankan &apos;thinktwice terms repair&apos;.</translation>
    </message>
    <message>
        <source>ThinkTwice Review</source>
        <translation>ThinkTwice Review</translation>
    </message>
    <message>
        <source>Review videos</source>
        <translation>Semak video</translation>
    </message>
    <message>
        <source>Check a script</source>
        <translation>Semak skrip</translation>
    </message>
    <message>
        <source>Term lists</source>
        <translation>Senarai istilah</translation>
    </message>
    <message>
        <source>Campaign dashboard</source>
        <translation>Papan pemuka kempen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fail</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Main semula</translation>
    </message>
    <message>
        <source>&amp;Import videos…</source>
        <translation>&amp;Import video…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>T&amp;etapan…</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Main / jeda</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Export video &amp;report (PDF)…</source>
        <translation>Eksport &amp;laporan video (PDF)…</translation>
    </message>
    <message>
        <source>Send &amp;feedback to the creator…</source>
        <translation>Hantar &amp;maklum balas kepada pencipta…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Tetapan disimpan.</translation>
    </message>
    <message>
        <source>Open a video first.</source>
        <translation>Buka video terlebih dahulu.</translation>
    </message>
    <message>
        <source>Export video report</source>
        <translation>Eksport laporan video</translation>
    </message>
    <message>
        <source>Send feedback to the creator</source>
        <translation>Hantar maklum balas kepada pencipta</translation>
    </message>
    <message>
        <source>Correction of {name} saved as a new revision and re-checked.</source>
        <translation>Pembetulan {name} disimpan sebagai semakan baharu dan disemak semula.</translation>
    </message>
    <message>
        <source>Import videos</source>
        <translation>Import video</translation>
    </message>
    <message>
        <source>Creator (optional)</source>
        <translation>Pencipta kandungan (pilihan)</translation>
    </message>
    <message>
        <source>Caption (optional)</source>
        <translation>Kapsyen (pilihan)</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>Nama kempen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Dapatan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tiada</translation>
    </message>
    <message>
        <source>File missing (recorded: {status})</source>
        <translation>Fail hilang (direkodkan: {status})</translation>
    </message>
    <message>
        <source>{n} new</source>
        <translation>{n} baharu</translation>
    </message>
    <message>
        <source>{n} unresolved comments</source>
        <translation>{n} komen belum selesai</translation>
    </message>
    <message>
        <source>Changed since review: needs a new decision</source>
        <translation>Berubah sejak disemak: perlu keputusan baharu</translation>
    </message>
    <message>
        <source>{n} new findings since the decision</source>
        <translation>{n} dapatan baharu sejak keputusan</translation>
    </message>
    <message>
        <source>The file is missing: this status cannot be verified. Use File → Locate media…</source>
        <translation>Fail hilang: status ini tidak dapat disahkan. Gunakan Fail → Cari media…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Masa</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Istilah</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Konteks</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Second check</source>
        <translation>Semakan kedua</translation>
    </message>
    <message>
        <source>on screen</source>
        <translation>pada skrin</translation>
    </message>
    <message>
        <source>read as &apos;{heard}&apos;, confirmed &apos;{term}&apos; on a second look</source>
        <translation>dibaca sebagai &apos;{heard}&apos;, disahkan &apos;{term}&apos; selepas dilihat semula</translation>
    </message>
    <message>
        <source>heard as &apos;{heard}&apos;, confirmed &apos;{term}&apos; on re-listening</source>
        <translation>didengar sebagai &apos;{heard}&apos;, disahkan &apos;{term}&apos; selepas didengar semula</translation>
    </message>
    <message>
        <source>confirmed on a second look</source>
        <translation>disahkan selepas dilihat semula</translation>
    </message>
    <message>
        <source>confirmed on re-listening</source>
        <translation>disahkan selepas didengar semula</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baharu</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>tidak berubah</translation>
    </message>
    <message>
        <source>Compare v{old} with v{new}</source>
        <translation>Bandingkan v{old} dengan v{new}</translation>
    </message>
    <message>
        <source>Synchronise players</source>
        <translation>Segerakkan pemain</translation>
    </message>
    <message>
        <source>{resolved} resolved · {new} new · {unchanged} unchanged</source>
        <translation>{resolved} diselesaikan · {new} baharu · {unchanged} tidak berubah</translation>
    </message>
    <message>
        <source>Not compared: a version has not been checked yet, so its findings are unknown</source>
        <translation>Tidak dibandingkan: satu versi belum disemak, jadi dapatannya belum diketahui</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Belum disemak</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Tiada dapatan</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>kapsyen</translation>
    </message>
    <message>
        <source>look to confirm</source>
        <translation>lihat untuk mengesahkan</translation>
    </message>
    <message>
        <source>{kind}, confirmed on a second look</source>
        <translation>{kind}, disahkan selepas dilihat semula</translation>
    </message>
    <message>
        <source>listen to confirm</source>
        <translation>dengar untuk sahkan</translation>
    </message>
    <message>
        <source>disagreement ({who})</source>
        <translation>tidak sepakat ({who})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varian</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Senarai</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Timeline with findings and comments</source>
        <translation>Garis masa dengan dapatan dan komen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Main atau jeda (Space)</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>Undur 5 saat</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Maju 5 saat</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Kelajuan main</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Kelantangan</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>Semak semula</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Komen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Choose a video in the library, or drop files here to import them.</source>
        <translation>Pilih video dalam pustaka, atau seret fail ke sini untuk mengimportnya.</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>Status semasa: {status}</translation>
    </message>
    <message>
        <source>Compare with v{n}</source>
        <translation>Bandingkan dengan v{n}</translation>
    </message>
    <message>
        <source>Finding {state}.</source>
        <translation>Dapatan {state}.</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Komen ditambah.</translation>
    </message>
    <message>
        <source>Reply added.</source>
        <translation>Balasan ditambah.</translation>
    </message>
    <message>
        <source>Comment edited.</source>
        <translation>Komen disunting.</translation>
    </message>
    <message>
        <source>Thread resolved.</source>
        <translation>Perbincangan diselesaikan.</translation>
    </message>
    <message>
        <source>Thread reopened.</source>
        <translation>Perbincangan dibuka semula.</translation>
    </message>
    <message>
        <source>Saving your correction as a new revision; it is checked again in the background.</source>
        <translation>Pembetulan anda disimpan sebagai semakan baharu; ia disemak semula di latar belakang.</translation>
    </message>
    <message>
        <source>Set your name in Settings (Ctrl+,) before deciding.</source>
        <translation>Tetapkan nama anda dalam Tetapan (Ctrl+,) sebelum membuat keputusan.</translation>
    </message>
    <message>
        <source>Approve with open findings?</source>
        <translation>Luluskan walaupun ada dapatan terbuka?</translation>
    </message>
    <message>
        <source>{n} high or critical findings are still open ({terms}). Approve anyway?</source>
        <translation>{n} dapatan tinggi atau kritikal masih terbuka ({terms}). Luluskan juga?</translation>
    </message>
    <message>
        <source>Not decided: confirm or dismiss the open findings first.</source>
        <translation>Tiada keputusan direkodkan: sahkan atau tolak dapatan yang masih terbuka dahulu.</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>Keputusan direkodkan.</translation>
    </message>
    <message>
        <source>Findings: {sure} sure, {fuzzy} to confirm by listening</source>
        <translation>Dapatan: {sure} pasti, {fuzzy} perlu didengar untuk disahkan</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Sahkan</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Dapatan yang dipilih</translation>
    </message>
    <message>
        <source>Select a finding to see its context and a kinder way to say it.</source>
        <translation>Pilih satu dapatan untuk melihat konteks dan cara yang lebih baik untuk menyatakannya.</translation>
    </message>
    <message>
        <source>{field} is needed.</source>
        <translation>{field} diperlukan.</translation>
    </message>
    <message>
        <source>Dismiss finding</source>
        <translation>Tolak dapatan</translation>
    </message>
    <message>
        <source>Why is &apos;{term}&apos; a false positive here?</source>
        <translation>Mengapa &apos;{term}&apos; bukan masalah di sini?</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>diselesaikan</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>dalaman</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>disunting</translation>
    </message>
    <message>
        <source>Who is reviewing?</source>
        <translation>Siapa yang menyemak?</translation>
    </message>
    <message>
        <source>Your name and organisation go on your decisions and comments, and on the reports partners receive. You can change them later in Settings.</source>
        <translation>Nama dan organisasi anda dicatat pada keputusan dan komen anda, dan pada laporan yang diterima rakan kongsi. Anda boleh mengubahnya kemudian dalam Tetapan.</translation>
    </message>
    <message>
        <source>{n} files to import.</source>
        <translation>{n} fail untuk diimport.</translation>
    </message>
    <message>
        <source>Comment at the current moment…</source>
        <translation>Komen pada saat ini…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Komen baharu</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sunting</translation>
    </message>
    <message>
        <source>Mark in</source>
        <translation>Tanda mula</translation>
    </message>
    <message>
        <source>Mark out</source>
        <translation>Tanda akhir</translation>
    </message>
    <message>
        <source>Clear range</source>
        <translation>Kosongkan julat</translation>
    </message>
    <message>
        <source>Internal (not sent to the creator)</source>
        <translation>Dalaman (tidak dihantar kepada pencipta)</translation>
    </message>
    <message>
        <source>Comment at {time}</source>
        <translation>Komen pada {time}</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka semula</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Sunting komen</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komen</translation>
    </message>
    <message>
        <source>Note for the creator</source>
        <translation>Catatan untuk pencipta kandungan</translation>
    </message>
    <message>
        <source>Submit decision</source>
        <translation>Hantar keputusan</translation>
    </message>
    <message>
        <source>Re-check with the current term lists</source>
        <translation>Semak semula dengan senarai istilah semasa</translation>
    </message>
    <message>
        <source>Deciding as {name} ({org})</source>
        <translation>Membuat keputusan sebagai {name} ({org})</translation>
    </message>
    <message>
        <source>(set your name in Settings)</source>
        <translation>(tetapkan nama anda dalam Tetapan)</translation>
    </message>
    <message>
        <source>{n} new findings since the decision: the decision did not consider them. Look at them and decide again.</source>
        <translation>{n} dapatan baharu sejak keputusan: keputusan itu tidak mengambil kiranya. Semak dapatan itu dan buat keputusan semula.</translation>
    </message>
    <message>
        <source>The file changed since it was reviewed: earlier decisions no longer count. Watch it again and decide.</source>
        <translation>Fail telah berubah sejak disemak: keputusan terdahulu tidak lagi dikira. Tonton semula dan buat keputusan.</translation>
    </message>
    <message>
        <source>Checked against an older term list: re-check before deciding.</source>
        <translation>Disemak dengan senarai istilah lama: semak semula sebelum membuat keputusan.</translation>
    </message>
    <message>
        <source>The file changed since it was transcribed: nothing in its new content was checked. Transcribe and check it again before deciding.</source>
        <translation>Fail telah berubah sejak ditranskripsi: tiada apa-apa dalam kandungan baharunya yang disemak. Transkripsi dan semak semula sebelum membuat keputusan.</translation>
    </message>
    <message>
        <source>Transcribe and check the new content</source>
        <translation>Transkripsi dan semak kandungan baharu</translation>
    </message>
    <message>
        <source>Choose a decision first.</source>
        <translation>Pilih keputusan dahulu.</translation>
    </message>
    <message>
        <source>possible misspelling</source>
        <translation>mungkin salah eja</translation>
    </message>
    <message>
        <source>Kinder wording</source>
        <translation>Perkataan yang lebih baik</translation>
    </message>
    <message>
        <source>Replace with suggestion: {words}</source>
        <translation>Ganti dengan cadangan: {words}</translation>
    </message>
    <message>
        <source>Type or paste your script here. Problem words are underlined as you type; hover for a kinder way to say it.</source>
        <translation>Taip atau tampal skrip anda di sini. Perkataan bermasalah digaris semasa anda menaip; letakkan tetikus di atasnya untuk cara yang lebih baik.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skrip</translation>
    </message>
    <message>
        <source>Open script…</source>
        <translation>Buka skrip…</translation>
    </message>
    <message>
        <source>Findings in the script</source>
        <translation>Dapatan dalam skrip</translation>
    </message>
    <message>
        <source>No problem words found</source>
        <translation>Tiada perkataan bermasalah</translation>
    </message>
    <message>
        <source>Open script</source>
        <translation>Buka skrip</translation>
    </message>
    <message>
        <source>Replace the script you typed with the file?</source>
        <translation>Gantikan skrip yang anda taip dengan fail ini?</translation>
    </message>
    <message>
        <source>Cannot open {path}: {error}</source>
        <translation>Tidak dapat membuka {path}: {error}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Tetapan</translation>
    </message>
    <message>
        <source>Read and check text shown on screen (OCR)</source>
        <translation>Baca dan semak teks yang dipaparkan pada skrin (OCR)</translation>
    </message>
    <message>
        <source>Captions, stickers and title cards burned into the video are read offline and checked like speech. Off: only what is said is checked.</source>
        <translation>Kapsyen, pelekat dan kad tajuk yang tertanam dalam video dibaca di luar talian dan disemak seperti pertuturan. Dimatikan: hanya apa yang diucapkan disemak.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama anda</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antara muka</translation>
    </message>
    <message>
        <source>Languages spoken in videos</source>
        <translation>Bahasa yang dituturkan dalam video</translation>
    </message>
    <message>
        <source>Speech model folder (empty: bundled)</source>
        <translation>Folder model pertuturan (kosong: terbina dalam)</translation>
    </message>
    <message>
        <source>Data folder (after restart)</source>
        <translation>Folder data (selepas dimulakan semula)</translation>
    </message>
    <message>
        <source>On-screen text</source>
        <translation>Teks pada skrin</translation>
    </message>
    <message>
        <source>Speech model folder</source>
        <translation>Folder model pertuturan</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Semak imbas…</translation>
    </message>
    <message>
        <source>Edit term</source>
        <translation>Sunting istilah</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>Tambah istilah</translation>
    </message>
    <message>
        <source>Variants (|-separated)</source>
        <translation>Varian (dipisah dengan |)</translation>
    </message>
    <message>
        <source>Exceptions (|-separated)</source>
        <translation>Pengecualian (dipisah dengan |)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>A term needs its words and a category.</source>
        <translation>Istilah memerlukan perkataan dan kategori.</translation>
    </message>
    <message>
        <source>Add term…</source>
        <translation>Tambah istilah…</translation>
    </message>
    <message>
        <source>Edit term…</source>
        <translation>Sunting istilah…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Nyahaktif / aktifkan</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>Merge CSV into…</source>
        <translation>Gabungkan CSV ke dalam…</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Baiki</translation>
    </message>
    <message>
        <source>Repair invalid term lists</source>
        <translation>Baiki senarai istilah yang tidak sah</translation>
    </message>
    <message>
        <source>Search terms</source>
        <translation>Cari istilah</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Istilah</translation>
    </message>
    <message>
        <source>Disabled because they are invalid: {names}. Repair drops the bad rows (a duplicate keeps its first row).</source>
        <translation>Dinyahdayakan kerana tidak sah: {names}. Baiki membuang baris yang rosak (istilah berganda mengekalkan baris pertamanya).</translation>
    </message>
    <message>
        <source>Repaired: {names}.</source>
        <translation>Telah dibaiki: {names}.</translation>
    </message>
    <message>
        <source>All term lists are valid.</source>
        <translation>Semua senarai istilah sah.</translation>
    </message>
    <message>
        <source>{name} · version {version} · {count} terms · SHA-256 {sha}</source>
        <translation>{name} · versi {version} · {count} istilah · SHA-256 {sha}</translation>
    </message>
    <message>
        <source>{what}: {name} is now version {version}.</source>
        <translation>{what}: {name} kini versi {version}.</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; is already in {name}: edit that term instead.</source>
        <translation>&apos;{term}&apos; sudah ada dalam {name}: sunting istilah itu sahaja.</translation>
    </message>
    <message>
        <source>Term added</source>
        <translation>Istilah ditambah</translation>
    </message>
    <message>
        <source>Term edited</source>
        <translation>Istilah disunting</translation>
    </message>
    <message>
        <source>Term enabled</source>
        <translation>Istilah diaktifkan</translation>
    </message>
    <message>
        <source>Term disabled</source>
        <translation>Istilah dinyahaktifkan</translation>
    </message>
    <message>
        <source>Import term list</source>
        <translation>Import senarai istilah</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Tiada apa-apa diimport</translation>
    </message>
    <message>
        <source>{path} has {n} problems. Fix them and import again.</source>
        <translation>{path} mempunyai {n} masalah. Betulkan dan import semula.</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} invalid rows.</source>
        <translation>Tiada apa-apa diimport: {n} baris tidak sah.</translation>
    </message>
    <message>
        <source>Add the terms of {file} to:</source>
        <translation>Tambah istilah daripada {file} ke:</translation>
    </message>
    <message>
        <source>Merged {n} terms into {name} (now version {version}).</source>
        <translation>{n} istilah digabungkan ke dalam {name} (kini versi {version}).</translation>
    </message>
    <message>
        <source>Imported {name} ({n} terms).</source>
        <translation>{name} diimport ({n} istilah).</translation>
    </message>
    <message>
        <source>Export term list</source>
        <translation>Eksport senarai istilah</translation>
    </message>
    <message>
        <source>Exported {name} to {path}.</source>
        <translation>{name} dieksport ke {path}.</translation>
    </message>
    <message>
        <source>No audio track: speech was not checked, only the on-screen text and the caption.</source>
        <translation>Tiada trek audio: pertuturan tidak disemak, hanya teks pada skrin dan kapsyen.</translation>
    </message>
    <message>
        <source>No speech found: the audio is music, noise or silence.</source>
        <translation>Tiada pertuturan ditemui: audionya muzik, bunyi bising atau senyap.</translation>
    </message>
    <message>
        <source>Unsure word (probability {p:.0%}): listen to check</source>
        <translation>Perkataan kurang pasti (kebarangkalian {p:.0%}): dengar untuk menyemak</translation>
    </message>
    <message>
        <source>Heard again: the first pass heard &apos;{heard}&apos; here</source>
        <translation>Didengar semula: kali pertama didengar sebagai &apos;{heard}&apos; di sini</translation>
    </message>
    <message>
        <source>Search the transcript (Ctrl+F)</source>
        <translation>Cari dalam transkrip (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the transcript</source>
        <translation>Cari dalam transkrip</translation>
    </message>
    <message>
        <source>Stop editing</source>
        <translation>Berhenti menyunting</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>Sunting transkrip</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Simpan pembetulan</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkrip</translation>
    </message>
    <message>
        <source>loading model</source>
        <translation>memuatkan model</translation>
    </message>
    <message>
        <source>decoding audio</source>
        <translation>menyahkod audio</translation>
    </message>
    <message>
        <source>detecting language</source>
        <translation>mengesan bahasa</translation>
    </message>
    <message>
        <source>transcribing</source>
        <translation>mentranskripsi</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>mengimport</translation>
    </message>
    <message>
        <source>exporting</source>
        <translation>mengeksport</translation>
    </message>
    <message>
        <source>reading on-screen text</source>
        <translation>membaca teks pada skrin</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>Import {name}</translation>
    </message>
    <message>
        <source>Transcribe and check {name}</source>
        <translation>Transkripsi dan semak {name}</translation>
    </message>
    <message>
        <source>Re-check {name}</source>
        <translation>Semak semula {name}</translation>
    </message>
    <message>
        <source>Save the correction of {name}</source>
        <translation>Simpan pembetulan {name}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>already in the library</source>
        <translation>sudah ada dalam pustaka</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Kerja latar belakang</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Kosongkan yang selesai</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>finishing…</source>
        <translation>hampir selesai…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Transcribe and check</source>
        <translation>Transkripsi dan semak</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Transcribe again</source>
        <translation>Transkrip semula</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>dalam giliran</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Dalam semakan</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Undur 10 saat</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Maju 10 saat</translation>
    </message>
    <message>
        <source>Next finding</source>
        <translation>Dapatan seterusnya</translation>
    </message>
    <message>
        <source>Previous finding</source>
        <translation>Dapatan sebelumnya</translation>
    </message>
    <message>
        <source>Confirm finding</source>
        <translation>Sahkan dapatan</translation>
    </message>
    <message>
        <source>Dismiss finding…</source>
        <translation>Tolak dapatan…</translation>
    </message>
    <message>
        <source>Comment at the current time</source>
        <translation>Komen pada masa semasa</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Diluluskan</translation>
    </message>
    <message>
        <source>Approved with changes</source>
        <translation>Diluluskan dengan pindaan</translation>
    </message>
    <message>
        <source>Changes required</source>
        <translation>Perlu pindaan</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Next video</source>
        <translation>Video seterusnya</translation>
    </message>
    <message>
        <source>Previous video</source>
        <translation>Video sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Semakan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan kekunci</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Kekunci</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritikal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>tinggi</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>sederhana</translation>
    </message>
    <message>
        <source>low</source>
        <translation>rendah</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>tepat</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>dinormalkan</translation>
    </message>
    <message>
        <source>morphological</source>
        <translation>morfologi</translation>
    </message>
    <message>
        <source>fuzzy</source>
        <translation>kabur</translation>
    </message>
    <message>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>disahkan</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <source>no transcript</source>
        <translation>tiada transkrip</translation>
    </message>
    <message>
        <source>No transcript: nothing this video says was checked</source>
        <translation>Tiada transkrip: tiada apa yang disebut dalam video ini disemak</translation>
    </message>
    <message>
        <source>audio damaged</source>
        <translation>audio rosak</translation>
    </message>
    <message>
        <source>Audio damaged: part of what this video says could not be decoded, so it was not checked</source>
        <translation>Audio rosak: sebahagian daripada apa yang disebut dalam video ini tidak dapat dinyahkod, jadi tidak disemak</translation>
    </message>
    <message>
        <source>audio damaged: speech partly not checked</source>
        <translation>audio rosak: sebahagian pertuturan tidak disemak</translation>
    </message>
    <message>
        <source>Replace term list?</source>
        <translation>Ganti senarai istilah?</translation>
    </message>
    <message>
        <source>A list named {name} already exists. Replace it with this file (as a new version)?</source>
        <translation>Senarai bernama {name} sudah wujud. Gantikannya dengan fail ini (sebagai versi baharu)?</translation>
    </message>
    <message>
        <source>Nothing was imported yet: a list named {name} already exists.</source>
        <translation>Belum ada apa-apa diimport: senarai bernama {name} sudah wujud.</translation>
    </message>
    <message>
        <source>No video playback on this computer: Qt Multimedia cannot load. Everything else works: transcript, findings, comments, decisions and reports. To get playback, install the missing system library:</source>
        <translation>Tiada main semula video pada komputer ini: Qt Multimedia tidak dapat dimuatkan. Yang lain tetap berfungsi: transkrip, dapatan, komen, keputusan dan laporan. Untuk main semula video, pasang pustaka sistem yang tiada:</translation>
    </message>
    <message>
        <source>Video playback unavailable</source>
        <translation>Main semula video tidak tersedia</translation>
    </message>
    <message>
        <source>On screen</source>
        <translation>Pada skrin</translation>
    </message>
    <message>
        <source>On screen ({count} lines)</source>
        <translation>Pada skrin ({count} baris)</translation>
    </message>
    <message>
        <source>On screen: not read ({why})</source>
        <translation>Pada skrin: tidak dibaca ({why})</translation>
    </message>
    <message>
        <source>{start} to {end}, read with confidence {confidence}</source>
        <translation>{start} hingga {end}, dibaca dengan keyakinan {confidence}</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Dokumen PDF</translation>
    </message>
    <message>
        <source>Web page for phones (HTML)</source>
        <translation>Halaman web untuk telefon (HTML)</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Bahasa dokumen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>belum disemak</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Lihat dalam:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama fail:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis fail:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Ke hadapan</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Folder induk</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Cipta folder baharu</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Paparan senarai</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Paparan terperinci</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Namakan semula</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Padam</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Tunjukkan fail &amp;tersembunyi</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Folder &amp;baharu</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Folder baharu</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Semua fail (*)</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Saiz</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tarikh diubah suai</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Jenis</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Tutup tanpa menyimpan</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>&amp;Tidak untuk semua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Henti paksa</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Cuba semula</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Guna</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Set semula</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Pulihkan tetapan asal</translation>
    </message>
</context>
</TS>
