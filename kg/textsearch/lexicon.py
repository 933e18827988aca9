"""A jieba dictionary tuned to the law, built from the graph and cached per user.

jieba's own start-up builds a prefix dictionary from dict.txt (≈1.3 s); its own cache is no
faster and lives in /tmp. Here the finished prefix dictionary (base words plus the graph's
act titles, document numbers, unit and agency names and legal terms) is marshalled into
the user's cache folder once, and later start-ups read the bytes and `marshal.loads` them
straight into a fresh tokenizer.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import jieba

from kg.patterns import DECREE_WITH_DI, HAN_OR_ALNUM, JIEBA_BLOCK

jieba.setLogLevel(logging.WARNING)

# Bump when the cached bytes change meaning.
CACHE_FORMAT = "kg-jieba-1"
# Cached dictionaries kept per user; older ones are pruned.
KEEP_CACHES = 6

# Terms of disclosure catalogs and the law they cite that the base dictionary splits.
LEGAL_TERMS = (
    "政府信息公开", "主动公开", "依申请公开", "不予公开", "政务公开", "信息公开",
    "公开依据", "公开内容", "公开渠道", "公开时限", "公开方式", "公开责任", "公开事项",
    "行政许可", "行政处罚", "行政强制", "行政确认", "行政裁决", "行政给付", "行政奖励",
    "行政征收", "行政检查", "行政复议", "行政诉讼", "行政机关", "行政职权", "行政审批",
    "权责清单", "权力清单", "责任清单", "三定方案", "规范性文件", "部门规章", "行政法规",
    "地方性法规", "司法解释", "政府规章", "政府网站", "政府公报", "政务服务",
    "社会保险", "养老保险", "失业保险", "工伤保险", "医疗保险", "生育保险", "社会保险费",
    "社会保障", "人力资源", "劳动合同", "劳动争议", "劳动仲裁", "劳动保障监察",
    "职业技能鉴定", "职业资格", "最低工资", "就业援助", "就业创业", "人事考试", "事业单位",
    "公务员", "统计调查", "统计数据", "统计信息", "双随机一公开", "工作日", "财政预算",
    "财政决算", "三公经费", "建议提案", "人大代表建议", "政协提案", "突发公共事件",
    "应急预案", "信访事项", "工资福利", "工伤认定", "劳动能力鉴定",
)


def cache_dir() -> Path:
    """The per-user cache folder: $KG_CACHE_DIR, else $XDG_CACHE_HOME/kg, else ~/.cache/kg."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def clean_terms(raw: Iterable[str]) -> list[str]:
    """Dictionary terms from labels: jieba splits on 《》, brackets and spaces before looking
    words up, so each label is cut at those characters and the pieces (two characters or
    more, with a letter or Han) become terms. Sorted and unique, for a stable cache key."""
    out: set[str] = set()
    for label in raw:
        for piece in JIEBA_BLOCK.findall(label or ""):
            if len(piece) >= 2 and HAN_OR_ALNUM.search(piece) and not piece.isascii():
                out.add(piece)
                # 国务院令第711号 is also written 国务院令711号.
                short = DECREE_WITH_DI.sub(r"令\1号", piece)
                if short != piece:
                    out.add(short)
    return sorted(out)


def dictionary_key(terms: Sequence[str]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT}\n{jieba.__version__}\n".encode())
    for term in terms:
        digest.update(term.encode("utf-8") + b"\n")
    return digest.hexdigest()[:20]


def cache_path(terms: Sequence[str]) -> Path:
    return cache_dir() / f"jieba-{dictionary_key(terms)}.marshal"


def load_tokenizer(terms: Sequence[str] = ()) -> jieba.Tokenizer:
    """A jieba tokenizer knowing `terms` (cleaned with clean_terms), from the cache if there."""
    terms = clean_terms(terms)
    path = cache_path(terms)
    tokenizer = jieba.Tokenizer()
    # Should jieba ever initialise itself, its cache goes to the user's folder, not /tmp.
    tokenizer.tmp_dir = str(path.parent)
    try:
        tokenizer.FREQ, tokenizer.total = marshal.loads(path.read_bytes())
        tokenizer.initialized = True
        return tokenizer
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    for term in terms:  # sorted, so suggested frequencies are the same on every machine
        tokenizer.add_word(term)
    write_cache(path, marshal.dumps((tokenizer.FREQ, tokenizer.total)))
    return tokenizer


def legal_tokenizer() -> jieba.Tokenizer:
    """The tokenizer with only the built-in legal terms (no graph needed)."""
    return load_tokenizer(LEGAL_TERMS)


def write_cache(path: Path, data: bytes, prefix: str = "jieba-") -> None:
    """Atomic write; a cache that cannot be written only costs speed next time. Only the
    KEEP_CACHES newest files of the kind (`prefix`) are kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        _prune(path.parent, prefix)
    except OSError:
        return


def _prune(folder: Path, prefix: str) -> None:
    caches = sorted(folder.glob(f"{prefix}*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in caches[KEEP_CACHES:]:
        old.unlink(missing_ok=True)
