"""Every status and refusal the core can report, as a stable code with Chinese and English text.

The core records codes; the CLI and the UI render them in the user's language.
"""
from __future__ import annotations

import locale
import os

MESSAGES: dict[str, tuple[str, str]] = {
    # skipped by rule
    "temp_file": ("临时文件或未完成的下载（{name}），已跳过", "temporary file or unfinished download ({name}), skipped"),
    "system_file": ("系统文件（{name}），已跳过", "system file ({name}), skipped"),
    "hidden_file": ("隐藏文件（{name}），已跳过", "hidden file ({name}), skipped"),
    "link_outside": ("链接指向导入文件夹之外（{target}），未跟随", "link points outside the imported folder ({target}), not followed"),
    "hidden_dir": ("隐藏文件夹（{name}），已跳过", "hidden folder ({name}), skipped"),
    "cancelled": ("导入已取消，此文件未导入", "import cancelled; this file was not imported"),
    "duplicate": ("与证据 {number} 内容完全相同，已记录新的来源", "same content as exhibit {number}; the new source is recorded"),
    "duplicate_trashed": ("与回收站中的证据 {number} 内容完全相同，已记录新的来源", "same content as exhibit {number}, which is in the trash; the new source is recorded"),
    "recovered_original": ("程序中断后找回的原件，来源未知", "original found after an interruption; source unknown"),
    "link_dir": ("链接的文件夹未跟随", "linked folder not followed"),
    "link_broken": ("链接已失效，指向的文件不存在", "broken link: its target does not exist"),
    "link_loop": ("链接形成循环（最终指回自己），已跳过", "link loop (it leads back to itself), skipped"),
    "not_regular": ("不是普通文件（设备、管道或套接字），已跳过", "not a regular file (device, pipe or socket), skipped"),
    # refused
    "empty_file": ("空文件（0 字节），可能是截图或下载保存失败，未导入", "empty file (0 bytes), probably a failed save; not imported"),
    "not_found": ("找不到文件：{path}", "file not found: {path}"),
    "no_permission": ("没有读取权限：{path}", "no permission to read: {path}"),
    "read_error": ("读取文件出错：{error}", "error reading the file: {error}"),
    "unsupported_type": ("不是证据文件类型（{what}），已跳过；可导入图片、PDF、录音、视频或文档", "not an evidence file type ({what}), skipped; import images, PDFs, recordings, videos or documents"),
    "archive": ("压缩包（{what}）不会自动解开，请先解压再导入其中的文件", "archives ({what}) are not opened automatically; extract them and import the files"),
    "too_large": ("文件过大（{size}），超过上限 {limit}，未导入", "file too large ({size}), over the limit of {limit}; not imported"),
    "no_space": ("磁盘空间不足：需要 {need}，只剩 {free}", "not enough disk space: {need} needed, {free} free"),
    "zero_content": ("文件内容全是空白（{size} 的零字节，可能是未写完或损坏的文件），没有导入", "the file holds nothing but zero bytes ({size}; never written, or damaged); not imported"),
    "disk_full_import": ("磁盘已满，文件没有导入（案件保持原样）：{path}", "the disk is full; the file was not imported (the case is as it was): {path}"),
    "original_restored": ("证据 {number} 的原件曾从案件中丢失，已用这份相同的文件恢复", "the original of exhibit {number} was missing from the case; restored from this identical file"),
    "changed_while_reading": ("文件在读取时发生了变化（可能仍在写入），请稍后再导入", "the file changed while it was being read (still being written?); import it again later"),
    # imported with a status
    "truncated_image": ("图片文件不完整（已截断或损坏），原件已保存但无法显示", "image is truncated or damaged; the original is kept but cannot be shown: {error}"),
    "corrupt_image": ("图片无法解析（文件损坏或格式不对），原件已保存", "image cannot be read; the original is kept: {error}"),
    "image_bomb": ("图片尺寸异常（{width}×{height}），可能是恶意文件，为安全起见未解码；原件已保存", "image dimensions are abnormal ({width}x{height}), possibly hostile; not decoded for safety; the original is kept"),
    "corrupt_pdf": ("PDF 文件损坏，无法读取页面，原件已保存", "PDF is damaged and its pages cannot be read; the original is kept: {error}"),
    "encrypted_pdf": ("PDF 受密码保护，无法读取内容；原件已保存，导出时将附上原件", "PDF is password-protected and cannot be read; the original is kept and travels with exports"),
    "corrupt_media": ("音视频文件损坏或不完整，无法读取；原件已保存", "audio/video file is damaged and cannot be read: {error}; the original is kept"),
    "not_what_name_says": ("文件名是 .{ext}，内容却是{found_zh}，可能已损坏或保存错了；原件已保存", "the file is named .{ext} but holds {found_en}: it may be damaged or saved wrongly; the original is kept"),
    "replaced_partial": ("完整文件已到，取代了此前未写完的证据 {number}（不完整的副本移到了回收站）", "the whole file arrived and took the place of the partial exhibit {number} (the partial copy is in the trash)"),
    "mislabelled": ("文件扩展名为 .{ext}，实际内容是 {real}，已按实际类型保存", "the file is named .{ext} but holds {real}; stored as its real type"),
    # verify
    "verify_missing": ("证据{label}「{name}」的原件缺失：{path}", "exhibit {label} “{name}”: original missing: {path}"),
    "verify_mismatch": ("证据{label}「{name}」的原件内容已改变（SHA-256 不符）：{path}", "exhibit {label} “{name}”: original changed (SHA-256 mismatch): {path}"),
    "verify_integrity": ("数据库完整性检查失败：{detail}", "database integrity check failed: {detail}"),
    "verify_unreferenced": ("原件目录中有无记录的文件：{path}", "file in originals/ without a record: {path}"),
    "verify_facts_changed": ("证据{label}「{name}」的记录被改动：原文件名、大小、类型或形成时间与导入时随记录保存的校验值不符（不是在本程序中修改的）", "exhibit {label} “{name}”: its record was changed outside the app: the original name, size, type or capture time no longer match the digest kept with the row"),
    "verify_facts_missing": ("证据{label}「{name}」的记录缺少校验值（不是由本程序写入的，可能被改动过）", "exhibit {label} “{name}”: its record has no digest (it was not written by this app and may have been altered)"),
    "verify_row_bad": ("证据 {number} 的记录所指的原件名不合规（{name}），案件可能被改动过；没有打开该文件", "exhibit {number}'s record names its original in a way we never write ({name}); the case may have been tampered with; that file was not opened"),
    "verify_not_regular": ("证据{label}「{name}」的原件不是普通文件（{what}），没有打开：{path}", "exhibit {label} “{name}”: original is not a regular file ({what}); not opened: {path}"),
    "verify_unreadable": ("证据{label}「{name}」的原件无法读取：{path}（{error}）", "exhibit {label} “{name}”: cannot read the original {path}: {error}"),
    "verify_pending": ("证据{label}「{name}」正在导入中（或导入被中断），下次以写入方式打开案件时会完成或清理", "exhibit {label} “{name}” is being imported (or the import was interrupted); it is finished or cleaned up the next time the case is opened for writing"),
    # export
    "export_notice_unreadable": ("证据{number}的文件损坏或不完整，PDF 中只放了一页说明；原件在随附文件夹中", "exhibit {number} is damaged or incomplete: the PDF has a notice page for it; the original is in the folder beside the PDF"),
    "export_notice_encrypted": ("证据{number}是受密码保护的 PDF，PDF 中只放了一页说明；原件在随附文件夹中", "exhibit {number} is a password-protected PDF: the PDF has a notice page for it; the original is in the folder beside the PDF"),
    "export_notice_too_large": ("证据{number}的图片尺寸过大，无法安全地缩小，PDF 中只放了一页说明；原件在随附文件夹中", "exhibit {number}'s picture is too large to be reduced safely: the PDF has a notice page for it; the original is in the folder beside the PDF"),
    "export_notice_document": ("证据{number}是文档文件，PDF 中只放了一页说明；原件在随附文件夹中", "exhibit {number} is a document file: the PDF has a notice page for it; the original is in the folder beside the PDF"),
    "export_purpose_suggested": ("证据{number}的证明目的是程序按类别给出的建议，还没有经您确认，目录中照写了建议；请在证据详情中核对，采用或改写后再提交", "the purpose of exhibit(s) {number} is the app's suggestion from the category, not confirmed by you; the index prints the suggestion; check it in the exhibit's details, accept or rewrite it before filing"),
    "export_purpose_missing": ("证据{number}的证明目的还没有填写，证据目录中写的是“（待填写）”；提交前请补上", "the purpose of exhibit(s) {number} is not filled in: the index says （待填写）; fill it in before filing"),
    "export_target_missing": ("找不到这份导出：{path}", "no such export: {path}"),
    "export_manifest_missing": ("找不到导出清单 manifest.json：{path}", "no export manifest (manifest.json) at {path}"),
    "export_manifest_bad": ("导出清单 manifest.json 已损坏：{error}", "the export manifest (manifest.json) is damaged: {error}"),
    "export_original_missing": ("缺少原件：证据{number} {file}", "original missing: exhibit {number} {file}"),
    "export_original_changed": ("原件已被改动（SHA-256 不符）：证据{number} {file}", "original changed (SHA-256 mismatch): exhibit {number} {file}"),
    "export_pdf_missing": ("缺少 PDF：{name}", "PDF missing: {name}"),
    "export_pdf_changed": ("PDF 已被改动（SHA-256 不符）：{name}", "PDF changed (SHA-256 mismatch): {name}"),
    "export_pack_ok": ("完好：{n} 个文件与清单 manifest.json、manifest.csv 一致", "intact: {n} files agree with manifest.json and manifest.csv"),
    "export_ok": ("完好：{n} 个原件、清单和 PDF（含其内嵌清单与附录中的 SHA-256）相互一致", "intact: {n} originals, the manifests and the PDF (its embedded manifest and the SHA-256 in its appendix) agree"),
    "export_pdf_no_manifest": ("PDF 中没有内嵌的证据清单（{name}），无法证明原件与 PDF 对应；可能是旧版本导出或 PDF 被替换", "the PDF carries no embedded manifest ({name}), so the originals cannot be proved to belong to it (an older export, or the PDF was replaced)"),
    "export_pdf_unreadable": ("PDF 无法读取（{name}）：{error}", "the PDF cannot be read ({name}): {error}"),
    "export_manifest_disagrees": ("manifest.json 与 PDF 内嵌清单不一致：{file}", "manifest.json disagrees with the manifest embedded in the PDF: {file}"),
    "export_appendix_disagrees": ("PDF 附录“电子数据说明”中找不到证据{number}（{file}）的 SHA-256", "the PDF's appendix does not show the SHA-256 of exhibit {number} ({file})"),
    "export_csv_disagrees": ("{file} 缺失或与 PDF 内嵌清单不一致", "{file} is missing or disagrees with the manifest embedded in the PDF"),
    "export_extra_file": ("导出文件夹中有清单之外的文件：{file}", "file in the export folder that no manifest lists: {file}"),
    "export_path_outside": ("清单中的路径指向导出文件夹之外，未打开：{file}", "a manifest path points outside the export folder; not opened: {file}"),
    "export_link": ("导出包中有链接，未跟随：{file}", "a link in the export; not followed: {file}"),
    "export_not_regular": ("不是普通文件（{what}），未打开：{file}", "not a regular file ({what}); not opened: {file}"),
    "export_unreadable": ("无法读取 {file}：{error}", "cannot read {file}: {error}"),
    "export_target_bad": ("不是导出的 PDF 或文件夹：{path}", "not an export PDF or folder: {path}"),
    "export_folder_missing": ("找不到随附的原件文件夹：{path}", "the folder of originals is missing: {path}"),
    "export_unfinished": ("这次导出没有完成（在放入原件前被中断），不是导出包：{path} 是空的；请重新导出，下次导出到这里时会清理它", "this export did not finish (it was interrupted before its originals were put in place); it is not an export: {path} is empty; export again (the next export here removes it)"),
    "export_leftover": ("这是一次未完成（被中断）的导出留下的临时文件，不是导出包：{path}", "this is the temp work of an unfinished (interrupted) export, not an export: {path}"),
    "export_case_original_missing": ("无法导出：证据{number}的原件不在案件中（{path}，原文件名 {name}）。请运行“verify”检查案件，并重新导入该文件以恢复原件", "cannot export: the original of exhibit {number} is missing from the case ({path}, originally {name}); run `verify` and import the file again to restore it"),
    "export_case_original_unreadable": ("无法导出：证据{number}的原件无法读取：{error}", "cannot export: the original of exhibit {number} cannot be read: {error}"),
    "export_disk_full": ("无法导出：磁盘空间不足（{path}）", "cannot export: the disk is full ({path})"),
    "export_no_permission": ("无法导出：没有写入权限（{path}）", "cannot export: no permission to write to {path}"),
    "export_not_a_folder": ("无法导出：输出位置不是文件夹（{path}）", "cannot export: the output location is not a folder ({path})"),
    "export_name_too_long": ("无法导出：文件名太长（{path}）", "cannot export: the file name is too long ({path})"),
    "export_write_failed": ("无法导出到 {path}：{error}", "cannot export to {path}: {error}"),
    "empty_folder": ("文件夹是空的，没有找到任何文件", "the folder is empty; no files found"),
    "already_imported": ("此文件已在案件中（证据 {number}），未重复导入", "this file is already in the case (exhibit {number}); not imported again"),
    # case
    "case_busy": ("案件正被另一个程序使用（{path}），请先关闭它", "the case is in use by another program ({path}); close it first"),
    "not_a_case": ("这不是证据夹的案件文件夹（里面没有案件数据 case.sqlite）：{path}", "{path} is not an Evidence Binder case folder (no case.sqlite)"),
    "case_missing": ("找不到案件文件夹：{path}", "case folder not found: {path}"),
    "case_exists": ("{path} 已经是一个案件", "{path} is already a case"),
    "case_damaged": ("案件数据库已损坏（{detail}）：{path}。originals/ 中的原件没有被改动。可运行 `repair {path} 新文件夹`，用幸存的数据和原件重建一个新案件（旧案件保持原样）", "the case database is damaged ({detail}): {path}. The originals in originals/ are untouched. Run `repair {path} NEW_FOLDER` to rebuild a new case from the surviving data and the originals (the old case is left as it is)"),
    "case_db_empty": ("案件数据库是空的（可能在创建时被中断，或被清空）：{path}。不会自动重建。可运行 `repair {path} 新文件夹`，用 originals/ 中的原件重建一个新案件", "the case database is empty (interrupted while being created, or emptied): {path}. It is not rebuilt by itself; run `repair {path} NEW_FOLDER` to rebuild a new case from the originals in originals/"),
    "case_foreign": ("{path} 中的 case.sqlite 不是证据夹的案件数据库（是其他程序的 SQLite 文件），没有打开也没有修改它", "case.sqlite in {path} is not an Evidence Binder case database (another program's SQLite file); it was neither opened nor changed"),
    "case_io_error": ("读写案件时出错：{path}（{detail}）", "error reading or writing the case: {path} ({detail})"),
    "case_readonly": ("案件文件夹是只读的或没有写入权限：{path}", "the case folder is read-only or not writable: {path}"),
    "case_folder_bad": ("案件中的 {name} 不是普通文件夹（是链接或文件），为安全起见没有打开案件：{path}", "{name} in the case is not a plain folder (a link or a file); the case was not opened, for safety: {path}"),
    "case_row_bad": ("案件数据中有一条记录的原件名不合规（{name}），案件可能被改动过；为安全起见没有打开对应文件", "a record in the case names its original in a way we never write ({name}); the case may have been tampered with, so that file was not opened"),
    "case_parent_bad": ("无法在 {path} 创建案件：{detail}", "cannot create a case at {path}: {detail}"),
    "disk_full": ("磁盘空间不足，操作没有完成，案件保持原样：{path}", "the disk is full; nothing was changed and the case is as it was: {path}"),
    "recovery_rolled_back": ("注意：上次导入被中断，{n} 个未完成的文件已撤销，请重新导入它们", "note: the last import was interrupted; {n} unfinished file(s) were undone, import them again"),
    "recovery_orphans": ("注意：案件的 originals/ 中有 {n} 个文件没有对应的证据记录（数据库可能受损，或有人放入了文件），没有自动加入案件。运行 `verify {path}` 查看；需要从原件重建时运行 `repair {path} 新文件夹`", "note: {n} file(s) in the case's originals/ have no exhibit record (the database may be damaged, or someone put them there); they were not added. Run `verify {path}` to see them, or `repair {path} NEW_FOLDER` to rebuild from the originals"),
    "recovery_foreign_temp": ("注意：案件的 tmp/ 中有 {n} 个不是本程序创建的文件，没有删除", "note: {n} item(s) in the case's tmp/ were not made by this program; left alone"),
    "io_no_permission": ("没有权限：{path}", "permission denied: {path}"),
    "io_not_a_folder": ("路径中有一部分不是文件夹：{path}", "part of the path is not a folder: {path}"),
    "io_name_too_long": ("文件名太长：{path}", "file name too long: {path}"),
    "io_link_loop": ("链接循环（链接最终指回自己）：{path}", "link loop (the link leads back to itself): {path}"),
    "io_error": ("读写文件出错：{path}（{error}）", "file error: {path} ({error})"),
    "internal_error": ("程序内部错误（{error}），操作没有完成。详细信息已写入日志：{log}", "internal error ({error}); the operation did not complete. Details are in the log: {log}"),
    "repair_done": ("已重建新案件：{path}（{with_data} 项证据连同原有的名称、编号等信息恢复，{without_data} 项只找回了原件）", "rebuilt a new case at {path} ({with_data} exhibit(s) restored with their names, numbers and details, {without_data} with the original only)"),
    "repair_without_data": ("{n} 项证据的记录没有保存下来，名称以“找回的原件”开头，请逐一核对并补充", "the records of {n} exhibit(s) did not survive: their names start with 找回的原件; check and complete them"),
    "repair_rows_lost": ("{n} 条幸存的记录找不到对应的原件，没有恢复", "{n} surviving record(s) have no original left; not restored"),
    "repair_left_out": ("未恢复：originals/{name}（内容与文件名中的 SHA-256 不符，或不是普通文件）", "not restored: originals/{name} (its bytes do not match the SHA-256 in its name, or it is not a regular file)"),
    "repair_no_originals": ("{path} 中没有 originals/ 文件夹，无法重建", "{path} has no originals/ folder; nothing to rebuild from"),
    "repair_same_place": ("新案件必须建在旧案件之外的新文件夹：{path}", "the new case must go in a new folder outside the old case: {path}"),
    "case_busy_verify": ("案件正在被另一个程序写入（导入或监视文件夹），等待后仍未结束；请在它完成或停止后再运行 verify：{path}", "another program is writing to the case (an import or a watch) and did not finish in time; run verify again once it is done or stopped: {path}"),
    "watch_folder_from_elsewhere": ("这个监视文件夹是案件在别处（复制、移动或别人发来之前）设置的，已暂停；确认无误后点“暂停 / 继续”恢复", "this watched folder was set up where the case was before (copied, moved or sent to you); paused until you resume it"),
    "case_newer": ("案件由更新版本的证据夹创建（数据库版本 {found}，本程序支持 {supported}），请升级程序", "the case was made by a newer Evidence Binder (database version {found}, this program supports {supported}); please upgrade"),
    # case archive (move a case between computers)
    "archive_exists": ("{path} 已存在，不会覆盖；请换一个文件名", "{path} exists and is never overwritten; choose another name"),
    "archive_out_dir_missing": ("目标文件夹不存在：{path}", "the destination folder does not exist: {path}"),
    "archive_original_missing": ("案件缺少原件 {path}，无法打包；请先运行 verify 检查案件", "the case is missing the original {path}; run verify first"),
    "unarchive_bad_zip": ("不是有效的 zip 案件包：{error}", "not a valid zip case archive: {error}"),
    "unarchive_not_case": ("这个 zip 不是证据夹的案件包（缺少 archive.json 或 case.sqlite）", "this zip is not an Evidence Binder case archive (no archive.json or case.sqlite)"),
    "unarchive_escape": ("案件包中的条目 {name} 会写到目标文件夹之外，已拒绝，未写入任何文件", "the archive entry {name} would be written outside the destination; refused, nothing written"),
    "unarchive_link": ("案件包中的条目 {name} 是链接，已拒绝，未写入任何文件", "the archive entry {name} is a link; refused, nothing written"),
    "unarchive_foreign": ("案件包中有不属于案件的条目 {name}，已拒绝，未写入任何文件", "the archive holds {name}, which is not part of a case; refused, nothing written"),
    "unarchive_duplicate": ("案件包中条目 {name} 出现了两次，已拒绝", "the archive holds {name} twice; refused"),
    "unarchive_bomb": ("案件包中的 {name} 解压后异常巨大（压缩比 {ratio}），可能是恶意文件，已拒绝，未写入任何文件", "the archive entry {name} expands abnormally (ratio {ratio}), possibly hostile; refused, nothing written"),
    "unarchive_too_many": ("案件包中的条目过多（{n}，上限 {limit}），已拒绝", "the archive has too many entries ({n}, limit {limit}); refused"),
    "unarchive_too_big": ("案件包解压后过大（{size} 字节，上限 {limit}），已拒绝", "the archive expands to too much ({size} bytes, limit {limit}); refused"),
    "unarchive_manifest_bad": ("案件包的清单 archive.json 已损坏：{error}", "the archive's manifest (archive.json) is damaged: {error}"),
    "unarchive_mismatch": ("案件包内容与清单不符（多出：{extra}；缺少：{missing}），已拒绝", "the archive does not match its manifest (extra: {extra}; missing: {missing}); refused"),
    "unarchive_hash": ("案件包中的 {name} 与清单的 SHA-256 不符（传输中损坏或被改动），已拒绝，未写入任何文件", "{name} in the archive does not match its SHA-256 in the manifest (damaged or altered); refused, nothing written"),
    "unarchive_db_bad": ("案件包中的数据库已损坏：{error}", "the database in the archive is damaged: {error}"),
    "unarchive_dest_exists": ("目标 {path} 已存在且不是空文件夹，不会覆盖", "{path} exists and is not an empty folder; nothing is overwritten"),
    # channel packs: what was adjusted or left out, and why an exhibit is in (core/export/packs.py)
    "pack_encrypted": ("受密码保护的 PDF，无法转成图片；请另行提交原件", "a password-protected PDF cannot be made into images; submit the original separately"),
    "pack_damaged": ("文件损坏或不完整，无法转成图片", "the file is damaged or incomplete and cannot be made into an image"),
    "pack_undecodable": ("图片无法解码", "the image cannot be decoded"),
    "pack_image_too_large": ("图片尺寸过大（{width}×{height} 像素），无法安全地缩小成图片；请另行提交原件", "the picture is too large ({width}x{height} pixels) to be reduced safely; submit the original separately"),
    "pack_audio": ("录音无法作为图片上传；请在平台对话中说明录音内容，或在投诉、诉讼时提交原件", "a recording cannot be uploaded as an image; describe it in the platform chat, or submit the original with a complaint or lawsuit"),
    "pack_document": ("文档文件无法转成图片；请另行提交原件", "a document file cannot be made into an image; submit the original separately"),
    "pack_pdf_pages": ("PDF 页面转成图片", "PDF pages converted to images"),
    "pack_pdf_first_pages": ("PDF 共 {pages} 页，只放了前 {n} 页", "the PDF has {pages} pages; only the first {n} are included"),
    "pack_pages_side_by_side": ("受张数上限所限，PDF 的 {n} 页并排放在 {k} 张图里", "the image count limit: the PDF's {n} pages sit side by side in {k} image(s)"),
    "pack_video_frame": ("视频取一帧画面作图片，原视频请另行提交", "one frame of the video taken as an image; submit the video itself separately"),
    "pack_split": ("长截图按文字间隙分成 {n} 张", "long screenshot split between lines of text into {n} images"),
    "pack_split_tiled": ("受{channel}张数上限所限，本应分成 {n} 张，改为每张图并排放 {per} 段", "the image count limit of {channel_en}: {n} parts were due, so up to {per} parts sit side by side in each image"),
    "pack_split_tiled_one": ("受{channel}张数上限所限，本应分成 {n} 张，改为 {per} 段并排放在一张图里", "the image count limit of {channel_en}: {n} parts were due, so {per} parts sit side by side in one image"),
    "pack_downscaled": ("缩小到 {width}×{height} 像素（平台上限 {max} 像素）", "downscaled to {width}x{height} px (the channel's limit is {max} px)"),
    "pack_small": ("图片较小（{width}×{height}），平台可能要求至少 {min} 像素", "the image is small ({width}x{height}); the channel may want at least {min} px"),
    "pack_quality": ("压缩质量降到 {quality} 以满足 {kb} KB 的大小上限", "JPEG quality lowered to {quality} to stay under {kb} KB"),
    "pack_shrunk_for_bytes": ("为满足大小上限缩小到 {width}×{height} 像素", "downscaled to {width}x{height} px to stay under the size limit"),
    "pack_over_count": ("超出{channel}最多 {n} 张图片的上限（已优先放入更重要的证据）", "over the limit of {n} images of {channel_en} (the more important exhibits went first)"),
    "pack_over_total": ("超出{channel}总大小 {mb} MB 的上限", "over the total size limit of {mb} MB of {channel_en}"),
    "pack_no_frame": ("无法取出画面", "no picture could be taken from it"),
    "pack_not_chosen": ("您没有选择放入", "not chosen by you"),
    "pack_nothing_chosen": ("没有选择任何证据（或所选编号在案件中不存在、未标为导出）：{numbers}", "no exhibits chosen (or the numbers chosen are not in the case or not marked for export): {numbers}"),
    "pack_exhibit_note": ("证据{number}：{note}", "exhibit {number}: {note}"),
    "pack_left_out_note": ("{channel}的上传数量或大小有限，未放入的证据见 manifest 的 left_out；可在对话中补充说明，或改用 12315 投诉、诉讼时提交", "{channel_en} limits how many files and bytes go up; what was left out is in the manifest's left_out: mention it in the chat, or submit it with a 12315 complaint or a lawsuit"),
    "pack_default_limits": ("{channel}未公布上传限制，这里用的是保守的默认值（{n} 张、每张 {mb} MB），可在 resources/data/channels.json 中修改", "{channel_en} publishes no upload limits; these are conservative defaults ({n} images, {mb} MB each), editable in resources/data/channels.json"),
    "pack_court_too_big": ("证据{number}（{size_mb} MB）超过 {limit_mb} MB，网上立案系统可能无法上传；原件已放入，请按法院要求另行提交（如刻录光盘或现场提交）", "exhibit {number} ({size_mb} MB) is over {limit_mb} MB and the online filing system may refuse it; the original is in the pack, submit it as the court asks (a disc, or in person)"),
    "pack_court_damaged": ("证据{number}的文件损坏或加密（{status}），法院可能无法打开；请核对原件", "exhibit {number} is damaged or encrypted ({status}); the court may not be able to open it; check the original"),
    "pack_preview_split": ("长截图分成 {k} 张", "long screenshot split into {k} images"),
    "pack_preview_downscale": ("缩小到最长边 {max} 像素", "downscaled to {max} px on the longest side"),
    "pack_preview_court_big": ("证据{number} 超过 {mb} MB，网上立案可能无法上传", "exhibit {number} is over {mb} MB; the online filing may refuse it"),
    "pack_chosen_because": ("默认放入：{why}", "in by default: {why}"),
    "pack_chosen_parts": ("默认放入：{why}；分成 {k} 张", "in by default: {why}; {k} images"),
    "pack_chosen_file": ("逐件上传（原件）", "uploaded one by one (the original)"),
    "pack_why_refusal": ("商家拒绝的记录，审核最先看", "the merchant's refusal, what a reviewer reads first"),
    "pack_why_order": ("订单：买了什么、付了多少", "the order: what was bought, for how much"),
    "pack_why_product": ("商品的问题", "the product's problem"),
    "pack_why_chat": ("与商家的沟通", "the talk with the merchant"),
    "pack_why_payment": ("付款凭证", "proof of payment"),
    "pack_why_inspection": ("检测报告", "a test report"),
    "pack_why_logistics": ("物流记录", "the delivery record"),
    "pack_why_invoice": ("发票", "the invoice"),
    "pack_why_complaint": ("投诉回执", "a complaint receipt"),
    "pack_why_call": ("通话录音", "a call recording"),
    "pack_why_other": ("其他证据", "other evidence"),
}


def current_lang() -> str:
    """'zh' or 'en', from EVIDENCE_BINDER_LANG, else the locale."""
    env = os.environ.get("EVIDENCE_BINDER_LANG")
    if env:
        return "zh" if env.lower().startswith("zh") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = os.environ.get(var)
        if val:
            return "zh" if val.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


def render(code: str, lang: str | None = None, **params) -> str:
    zh, en = MESSAGES[code]
    template = zh if (lang or current_lang()) == "zh" else en
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class Said(str):
    """A message the core made for the user: it reads as its Chinese text (manifests and packs for Chinese
    channels keep Chinese), and `render(lang)` gives it in either language, params included (a param that
    is itself a Said is rendered in the same language)."""

    code: str
    params: dict

    def __new__(cls, code: str, **params):
        self = super().__new__(cls, _format(MESSAGES[code][0], "zh", params))
        self.code, self.params = code, params
        return self

    def __reduce__(self):
        return _said, (self.code, self.params)

    def render(self, lang: str | None = None) -> str:
        return _format(MESSAGES[self.code][0 if (lang or current_lang()) == "zh" else 1], lang or current_lang(),
                       self.params)


def _said(code: str, params: dict) -> Said:
    return Said(code, **params)


def _format(template: str, lang: str, params: dict) -> str:
    shown = {k: v.render(lang) if isinstance(v, Said) else v for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template


def in_language(text, lang: str | None = None) -> str:
    """`text` in `lang` when the core made it (a Said), else as it is (a name, a text from elsewhere)."""
    return text.render(lang) if isinstance(text, Said) else str(text)


_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text) -> str:
    """A name as it can be shown on one line without lying: control characters (a newline) and direction
    overrides (U+202E makes "gpj.exe" read "exe.jpg") are written as escapes."""
    text = str(text)
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    out = []
    for ch in text:
        if ch in _BIDI or _breaks_line(ch):
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}"))
        else:
            out.append(ch)
    return "".join(out)


def clean_name(text: str) -> str:
    """An exhibit name we make from a file name: no control characters or direction overrides at all."""
    return " ".join("".join(" " if _breaks_line(ch) else ch for ch in str(text) if ch not in _BIDI).split())


def _breaks_line(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


class CoreError(Exception):
    """An error with a message code, shown to the user in plain words."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(render(code, "en", **params))

    def message(self, lang: str | None = None) -> str:
        return render(self.code, lang, **self.params)
