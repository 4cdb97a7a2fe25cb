"""`export --profile platform|complaint_12315|public|internet_court`: the channel packs (core/export/packs)."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from .core.messages import human_size, in_language

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_arguments(p) -> None:
    """Options of `export` that only the packs use (help in the parser's language)."""
    zh = getattr(p, "lang", "en") == "zh"
    p.add_argument("--platform", choices=["jd", "taobao", "pdd", "douyin"],
                   help="平台申诉材料：哪个平台（默认取案件中填写的平台）" if zh else
                   "platform pack: which platform (default: the case's platform)")
    p.add_argument("--site", choices=["heimao", "jutousu"], default="heimao",
                   help="公开投诉材料：黑猫投诉（默认）或聚投诉" if zh else "public pack: 黑猫投诉 (default) or 聚投诉")
    p.add_argument("--exhibits", metavar="N,N-K,...",
                   help="只放这些证据（默认：所有标为导出的证据）" if zh else
                   "only these exhibits (default: all marked for export)")


_WORDS = {
    "zh": {"done": "已导出{profile}材料（{channel}）：{folder}", "zip": "压缩包：{zip}（{n} 个文件，{size}）",
           "adjusted": "调整：", "left_out": "未放入：证据{number} {name}：{reason}", "note": "注意："},
    "en": {"done": "exported the {profile} pack ({channel}): {folder}", "zip": "zip: {zip} ({n} files, {size})",
           "adjusted": "adjusted: ", "left_out": "left out: exhibit {number} {name}: {reason}", "note": "note: "},
}


def cmd_pack(args, lang) -> int:
    from .core.channels import channel, platform_id
    from .core.export.packs import PROFILE_ZH, build_pack
    from .core.store import Case

    with Case.open(args.case_dir) as case:
        if not case.exhibits():
            print("the case has no exhibits to export" if lang == "en" else "案件中还没有证据，无法导出", file=sys.stderr)
            return EXIT_PROBLEM
        platform = args.platform or platform_id(case.info().get("platform"))
        if args.profile == "platform" and not platform:
            print("which platform? add --platform jd|taobao|pdd|douyin" if lang == "en"
                  else "请用 --platform jd|taobao|pdd|douyin 指定平台（案件里还没有填写平台）", file=sys.stderr)
            return 2
        cid = {"platform": platform, "public": args.site, "complaint_12315": "12315",
               "internet_court": "court_hangzhou"}[args.profile]
        ch = channel(cid)
        out = Path(args.out) if args.out else \
            case.root / "exports" / f"{PROFILE_ZH[args.profile]}_{ch.name.replace('/', '_')}_{datetime.now():%Y%m%d}"
        numbers = [n.strip() for n in args.exhibits.split(",")] if args.exhibits else None
        result = build_pack(case, out, args.profile, ch, numbers=numbers)
    if args.json:
        print(json.dumps({"profile": result.profile, "channel": result.channel, "folder": str(result.folder),
                          "zip": str(result.zip_path),
                          "files": [{"file": f.file, "role": f.role, "exhibit": f.exhibit, "sha256": f.sha256,
                                     "size": f.size, "redacted": f.redacted} for f in result.files],
                          "left_out": [{**item, "reason": in_language(item["reason"], lang),
                                        "reason_code": getattr(item["reason"], "code", None)}
                                       for item in result.left_out],
                          "adjustments": [in_language(a, lang) for a in result.adjustments],
                          "notes": [in_language(n, lang) for n in result.notes]},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    size = sum(f.size for f in result.files)
    w = _WORDS[lang if lang in _WORDS else "en"]
    print(w["done"].format(profile=PROFILE_ZH[result.profile] if lang == "zh" else result.profile,
                           channel=ch.name if lang == "zh" else ch.name_en, folder=result.folder))
    print(w["zip"].format(zip=result.zip_path, n=len(result.files), size=human_size(size)))
    for line in result.adjustments:
        print(w["adjusted"] + in_language(line, lang))
    for item in result.left_out:
        print(w["left_out"].format(number=item["exhibit"], name=item["name"], reason=in_language(item["reason"], lang)))
    for note in result.notes:
        print(w["note"] + in_language(note, lang))
    return EXIT_OK

