"""Texts of `gsv-doctor fix`, in English and Simplified Chinese.

fixplan, edits and the fix command hand out codes and params; this table turns them into words.
Placeholders are str.format fields filled from the params (a missing one renders as "?"); a param
named `action` is itself a code (`action.<value>`). An error's hint, if any, is `<code>.hint`.
Text written into the user's files (the guard's comments) is not here: it stays ASCII English.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from gsv_doctor import i18n
from gsv_doctor.errors import EXIT_USAGE, DoctorError

# code -> language -> text. One sentence or two each.
TEXTS: Dict[str, Dict[str, str]] = {
    # ------------------------------------------------ what each edit changes (FileEdit.reasons)
    "reason.guard": {
        "en": "after line {line}: add gsv-doctor's float16 guard (float16 off on the CPU and on cards that give NaN;"
              " the CPU when CUDA is unusable; a good GPU keeps float16)",
        "zh": "第 {line} 行之后：加入 gsv-doctor 的 float16 保护代码（在 CPU 和会产生 NaN 的显卡上关闭 float16；"
              "CUDA 不可用时改用 CPU；正常的显卡继续使用 float16）",
    },
    "reason.guard-query": {
        "en": "line {line}: ask the card's name only when CUDA can be used (config.py raised there on import on"
              " this machine, so every entry point died at start)",
        "zh": "第 {line} 行：只在 CUDA 可用时读取显卡名称（本机导入 config.py 时在这一行出错，所有入口都无法启动）",
    },
    "reason.pin-value": {
        "en": "line {line}: {name} = {value} (was {was})",
        "zh": "第 {line} 行：{name} = {value}（原为 {was}）",
    },
    "reason.pin-line": {
        "en": "after line {line}: {code}",
        "zh": "第 {line} 行之后：{code}",
    },
    "reason.tts-value": {
        "en": "{section}.{key}: {old} -> {new}",
        "zh": "{section}.{key}：{old} -> {new}",
    },
    "reason.tts-add": {
        "en": "{section}.{key}: (missing) -> {new}",
        "zh": "{section}.{key}：（原来没有）-> {new}",
    },
    # ------------------------------------------------ notes (Note.id)
    "note.entry-point": {
        "en": "{entry_point} started directly reads the is_half environment variable itself (default True) and never"
              " sees config.py: no file edit reaches it. Start it through `{run_command}`, or install the runtime"
              " hook once with `{hook_command}`.",
        "zh": "直接启动 {entry_point} 时，它自己读取环境变量 is_half（默认 True），不会读取 config.py："
              "任何文件修改都影响不到它。请用 `{run_command}` 启动，或执行一次 `{hook_command}` 安装运行时钩子。",
    },
    "note.env-is-half-invalid": {
        "en": "The is_half environment variable is '{value}'; GPT-SoVITS runs eval() on it, which only accepts True"
              " or False (capitalised). Unset it or set it to False; config.py cannot change it.",
        "zh": "环境变量 is_half 的值是 '{value}'；GPT-SoVITS 对它调用 eval()，只接受首字母大写的 True 或 False。"
              "请删除这个环境变量或把它设为 False；config.py 无法改变它。",
    },
    "note.api-half-flag": {
        "en": "{api} follows config.py's is_half unless started with -hp/--half_precision; on this machine start it"
              " without -hp (or with -fp/--full_precision).",
        "zh": "{api} 遵循 config.py 的 is_half，除非启动时加了 -hp/--half_precision；在这台机器上启动时不要加 -hp"
              "（或加上 -fp/--full_precision）。",
    },
    "note.already-fixed": {
        "en": "{path} already carries gsv-doctor's guard.",
        "zh": "{path} 已经包含 gsv-doctor 的保护代码。",
    },
    "note.tts-infer-missing": {
        "en": "tts_infer.yaml is missing; api_v2.py writes a fresh one with defaults on first start. Run"
              " `gsv-doctor fix` again after that.",
        "zh": "tts_infer.yaml 不存在；api_v2.py 首次启动时会用默认值生成一个。之后请再运行一次 `gsv-doctor fix`。",
    },
    # ------------------------------------------------ the command's own lines
    "out.written-backup-saved": {
        "en": "written; backup saved as {backup}",
        "zh": "已写入；备份保存为 {backup}",
    },
    "out.written-backup-kept": {
        "en": "written; backup kept in {backup}",
        "zh": "已写入；原有备份保留在 {backup}",
    },
    "out.nothing": {
        "en": "Nothing to change: config.py and tts_infer.yaml already give this machine working settings.",
        "zh": "无需修改：config.py 和 tts_infer.yaml 的设置在本机已经可用。",
    },
    "out.nothing-already-fixed": {
        "en": "Nothing to change: gsv-doctor's fix is already in place.",
        "zh": "无需修改：gsv-doctor 的修复已经生效。",
    },
    "out.dry-run": {
        "en": "Dry run: nothing was written. Run `gsv-doctor fix --write` to apply these changes"
              " (`gsv-doctor fix --undo` takes them back).",
        "zh": "试运行：没有写入任何文件。运行 `gsv-doctor fix --write` 应用这些修改"
              "（`gsv-doctor fix --undo` 可以撤销）。",
    },
    "out.done": {
        "en": "Done. Undo with `gsv-doctor fix --undo`.",
        "zh": "完成。可用 `gsv-doctor fix --undo` 撤销。",
    },
    "out.nothing-to-undo": {
        "en": "Nothing to undo: gsv-doctor has not changed any file in this project.",
        "zh": "无需撤销：gsv-doctor 没有修改过这个项目中的任何文件。",
    },
    "out.undone": {
        "en": "Restored {count} file(s) from their backups.",
        "zh": "已从备份恢复 {count} 个文件。",
    },
    "out.restored": {
        "en": "restored {path} from {backup} (saved {saved}, before gsv-doctor's fix)",
        "zh": "已从 {backup} 恢复 {path}（备份于 {saved}，gsv-doctor 修改之前）",
    },
    "out.restored-forced": {
        "en": "restored {path} from {backup} (saved {saved}; it had changed since the fix: --force)",
        "zh": "已从 {backup} 恢复 {path}（备份于 {saved}；修复之后该文件有过改动：--force）",
    },
    "out.dropped": {
        "en": "  removed the older backup {backup}: it belongs to a version of the file that was replaced after"
              " that fix",
        "zh": "  已删除较早的备份 {backup}：它对应的文件版本在那次修复之后已被替换",
    },
    "out.missing-backup": {
        "en": "{path} still carries gsv-doctor's lines (between `# >>> gsv-doctor` and `# <<< gsv-doctor`, or"
              " `# gsv-doctor fix --pin`), but no backup of it is left; nothing was restored for it.",
        "zh": "{path} 仍然包含 gsv-doctor 加入的内容（`# >>> gsv-doctor` 与 `# <<< gsv-doctor` 之间，"
              "或 `# gsv-doctor fix --pin`），但它的备份已不存在；没有恢复这个文件。",
    },
    "out.missing-backup.hint": {
        "en": "Delete those lines by hand (the guard block is self-contained), or restore the file from your"
              " GPT-SoVITS download.",
        "zh": "请手动删除这些行（保护代码块是独立的），或从 GPT-SoVITS 的原始压缩包中恢复该文件。",
    },
    "out.confirm": {
        "en": "Write these changes?",
        "zh": "写入这些修改吗？",
    },
    "out.not-written": {
        "en": "Nothing was written.",
        "zh": "没有写入任何文件。",
    },
    "usage.force-without-undo": {
        "en": "--force only goes with --undo.",
        "zh": "--force 只能与 --undo 一起使用。",
    },
    "usage.undo-with-options": {
        "en": "--undo takes no other fix options (only --project, --force, --json, --lang).",
        "zh": "--undo 不能与其他修复选项同用（只能加 --project、--force、--json、--lang）。",
    },
    # ------------------------------------------------ refusals (FixError.code)
    "error.no-project": {
        "en": "no GPT-SoVITS folder here or above (one with config.py and GPT_SoVITS/ side by side).",
        "zh": "当前目录及其上级目录中都没有 GPT-SoVITS 目录（即 config.py 与 GPT_SoVITS/ 并列的目录）。",
    },
    "error.no-project.hint": {
        "en": "Run gsv-doctor fix inside your GPT-SoVITS folder, or pass --project DIR.",
        "zh": "请在 GPT-SoVITS 目录中运行 gsv-doctor fix，或用 --project DIR 指定目录。",
    },
    "error.config-unfixable": {
        "en": "config.py cannot be fixed: {error}",
        "zh": "无法修复 config.py：{error}",
    },
    "error.tts-infer-unfixable": {
        "en": "tts_infer.yaml cannot be fixed: {error}",
        "zh": "无法修复 tts_infer.yaml：{error}",
    },
    "error.unknown-shape": {
        "en": "gsv-doctor does not recognise how {path} sets is_half and infer_device ({reason}), so it will not"
              " guess; nothing was written. Make the edit by hand: paste these lines after the last line that sets"
              " is_half or infer_device:\n\n{manual}\nor, for this machine only, set is_half = False and"
              " infer_device = \"cpu\" there.",
        "zh": "gsv-doctor 无法识别 {path} 设置 is_half 和 infer_device 的写法（{reason}），因此不会猜测修改；"
              "没有写入任何文件。请手动修改：把下面这些行粘贴到最后一次设置 is_half 或 infer_device 的那一行之后：\n\n"
              "{manual}\n或者（仅适用于本机）在那里设置 is_half = False 和 infer_device = \"cpu\"。",
    },
    "error.unknown-shape.hint": {
        "en": "Then run `gsv-doctor check` to confirm.",
        "zh": "改完后运行 `gsv-doctor check` 确认。",
    },
    "error.config-edit-broken": {
        "en": "gsv-doctor built an edit of {path} that does not parse (line {line}); nothing was written.",
        "zh": "gsv-doctor 为 {path} 生成的修改无法解析（第 {line} 行）；没有写入任何文件。",
    },
    "error.tts-edit-broken": {
        "en": "gsv-doctor built an edit of {path} that does not read back as {section}.{key} = {value};"
              " nothing was written.",
        "zh": "gsv-doctor 为 {path} 生成的修改读回后不是 {section}.{key} = {value}；没有写入任何文件。",
    },
    "error.would-not-parse": {
        "en": "the new {path} would not parse ({error}); nothing was written.",
        "zh": "修改后的 {path} 无法解析（{error}）；没有写入任何文件。",
    },
    "error.link-outside-root": {
        "en": "{path} is a link to {real}, outside the project folder {root}; gsv-doctor only writes files inside"
              " the project and changed nothing.",
        "zh": "{path} 是指向 {real} 的链接，位于项目目录 {root} 之外；gsv-doctor 只修改项目目录内的文件，"
              "什么也没有改动。",
    },
    "error.outside-root": {
        "en": "{path} resolves to {real}, outside the project folder {root}; gsv-doctor only writes files inside"
              " the project and changed nothing.",
        "zh": "{path} 实际指向 {real}，位于项目目录 {root} 之外；gsv-doctor 只修改项目目录内的文件，什么也没有改动。",
    },
    "error.outside-root.hint": {
        "en": "Edit that file by hand, or replace the link by a copy of the file.",
        "zh": "请手动修改该文件，或用文件的副本替换这个链接。",
    },
    "error.link-outside-root.hint": {
        "en": "Edit that file by hand, or replace the link by a copy of the file.",
        "zh": "请手动修改该文件，或用文件的副本替换这个链接。",
    },
    "action.write": {"en": "Writing", "zh": "写入"},
    "action.read": {"en": "Reading", "zh": "读取"},
    "action.lock": {"en": "Creating the lock file", "zh": "创建锁文件"},
    "error.disk-full": {
        "en": "{action} {path} failed: the disk is full. The original file is untouched.",
        "zh": "{action} {path} 失败：磁盘已满。原文件没有改动。",
    },
    "error.disk-full.hint": {
        "en": "Free some space and run the command again.",
        "zh": "请清理出一些磁盘空间后重新运行。",
    },
    "error.permission": {
        "en": "{action} {path} failed: permission denied or read-only file system. The original file is untouched.",
        "zh": "{action} {path} 失败：没有权限或文件系统只读。原文件没有改动。",
    },
    "error.permission.hint": {
        "en": "Run gsv-doctor as the user who owns the GPT-SoVITS folder, or make it writable.",
        "zh": "请以 GPT-SoVITS 目录所有者的身份运行 gsv-doctor，或让该目录可写。",
    },
    "error.rollback-failed": {
        "en": "Writing {failed} failed ({error}), and {path}, already written in this run, could not be put back"
              " ({why}). Nothing is lost: its original is in {backup}.",
        "zh": "写入 {failed} 失败（{error}），而本次已写入的 {path} 无法恢复原样（{why}）。没有丢失任何内容："
              "它的原件保存在 {backup}。",
    },
    "error.rollback-failed.hint": {
        "en": "Free some space, then run `gsv-doctor fix --undo`.",
        "zh": "请清理出一些磁盘空间，然后运行 `gsv-doctor fix --undo`。",
    },
    "error.os": {
        "en": "{action} {path} failed: {error}. The original file is untouched.",
        "zh": "{action} {path} 失败：{error}。原文件没有改动。",
    },
    "error.read-only": {
        "en": "{path} is read-only; gsv-doctor changed nothing.",
        "zh": "{path} 是只读文件；gsv-doctor 什么也没有改动。",
    },
    "error.read-only.hint": {
        "en": "Make it writable (Properties > uncheck Read-only on Windows, chmod u+w elsewhere) and run the command"
              " again.",
        "zh": "请取消只读（Windows：属性 > 取消勾选“只读”；其他系统：chmod u+w）后重新运行。",
    },
    "error.folder-read-only": {
        "en": "the folder {folder} is read-only, so {name} cannot be replaced safely; gsv-doctor changed nothing.",
        "zh": "目录 {folder} 是只读的，无法安全地替换 {name}；gsv-doctor 什么也没有改动。",
    },
    "error.folder-read-only.hint": {
        "en": "Make the folder writable and run the command again.",
        "zh": "请让该目录可写后重新运行。",
    },
    "error.lock-busy": {
        "en": "another gsv-doctor fix (process {pid}) is working on {root}; nothing was changed.",
        "zh": "另一个 gsv-doctor fix（进程 {pid}）正在处理 {root}；什么也没有改动。",
    },
    "error.lock-busy.hint": {
        "en": "Wait for it to finish. If none is running, delete {lock}.",
        "zh": "请等它结束。如果并没有在运行，请删除 {lock}。",
    },
    "error.lock-busy-unknown": {
        "en": "another gsv-doctor fix is working on {root}; nothing was changed.",
        "zh": "另一个 gsv-doctor fix 正在处理 {root}；什么也没有改动。",
    },
    "error.lock-busy-unknown.hint": {
        "en": "Wait for it to finish. If none is running, delete {lock}.",
        "zh": "请等它结束。如果并没有在运行，请删除 {lock}。",
    },
    "error.manifest-unreadable": {
        "en": "{path} (gsv-doctor's record of its edits) is unreadable.",
        "zh": "{path}（gsv-doctor 的修改记录）无法读取。",
    },
    "error.manifest-unreadable.hint": {
        "en": "Restore files from their .gsv-doctor backups by hand, or use --undo --force.",
        "zh": "请手动用 .gsv-doctor 备份恢复文件，或使用 --undo --force。",
    },
    "error.changed-while-planning": {
        "en": "{path} changed while gsv-doctor was planning; nothing was written.",
        "zh": "gsv-doctor 规划修改期间 {path} 被改动了；没有写入任何文件。",
    },
    "error.changed-while-planning.hint": {
        "en": "Run the command again.",
        "zh": "请重新运行该命令。",
    },
    "error.backup-not-file": {
        "en": "{backup} is not a plain file, so the original of {name} cannot be kept there; nothing was written.",
        "zh": "{backup} 不是普通文件，无法在那里保存 {name} 的原件；没有写入任何文件。",
    },
    "error.backup-not-file.hint": {
        "en": "Move {backup} away and run again.",
        "zh": "请移走 {backup} 后重新运行。",
    },
    "error.backup-gone": {
        "en": "the backup {backup} of {path} is gone; nothing was restored.",
        "zh": "{path} 的备份 {backup} 已不存在；没有恢复任何文件。",
    },
    "error.backup-gone.hint": {
        "en": "Restore the file from your GPT-SoVITS download.",
        "zh": "请从 GPT-SoVITS 的原始压缩包中恢复该文件。",
    },
    "error.changed-after-fix": {
        "en": "{paths} changed after gsv-doctor's fix (by you or by GPT-SoVITS); restoring the backup ({backups})"
              " would lose those changes, so nothing was restored.",
        "zh": "{paths} 在 gsv-doctor 修复之后被改动过（由你或 GPT-SoVITS 改动）；恢复备份（{backups}）会丢失这些改动，"
              "因此没有恢复任何文件。",
    },
    "error.changed-after-fix.hint": {
        "en": "Compare with that backup, or run `gsv-doctor fix --undo --force` to restore the backup"
              " anyway.",
        "zh": "请与该备份对比，或运行 `gsv-doctor fix --undo --force` 强制恢复备份。",
    },
}
TEXTS = i18n.register("fix", TEXTS)  # with each family's fix texts after these


def text(code: str, lang: str, params: Optional[Mapping[str, Any]] = None) -> str:
    """The text of `code` in `lang` (English when the language is unknown), filled with `params`."""
    filled = dict(params or {})
    if filled.get("action") is not None:
        filled["action"] = i18n.text(TEXTS, f"action.{filled['action']}", lang)
    return i18n.text(TEXTS, code, lang, filled)


class FixError(DoctorError):
    """A refusal of `fix` as a code + params of TEXTS; English in `message` / `hint`, every
    language through `text(lang)`."""

    def __init__(self, code: str, params: Optional[Mapping[str, Any]] = None, exit_code: int = EXIT_USAGE):
        filled = dict(params or {})
        super().__init__(text(code, "en", filled), self._hint_of(code, "en", filled), exit_code)
        self.code, self.params, self.table = code, filled, TEXTS

    @staticmethod
    def _hint_of(code: str, lang: str, params: Mapping[str, Any]) -> Optional[str]:
        return text(f"{code}.hint", lang, params) if f"{code}.hint" in TEXTS else None

    def text(self, lang: str) -> str:
        message, hint = text(self.code, lang, self.params), self._hint_of(self.code, lang, self.params)
        return message if not hint else f"{message} {hint}"

    def in_language(self, lang: str) -> DoctorError:
        return DoctorError(text(self.code, lang, self.params), self._hint_of(self.code, lang, self.params),
                           self.exit_code)
