"""Facts a pasted log states about the machine it came from: torch version and build, the
card and its memory, training or inference, and half-precision settings it shows. explain
checks its advice against them. Every pattern here reads one line at a time with no nested
quantifiers, so a megabyte log costs a megabyte of scanning.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import List, Optional

_SCAN = 32_000  # characters read for facts at each end: the header and the error are near the start or the end

_TORCH = re.compile(r"\b(?:py)?torch(?:[ \t]*(?:version|版本)(?:[ \t]*(?:为|是|is))?)?[ \t]*[-=:：]{0,2}[ \t]*v?"
                    # a nightly's or a pre-release's tail before the build: 2.7.0.dev20250309+cu128
                    r"(?P<version>\d+\.\d+(?:\.\d+)?)(?:\.?(?:dev|a|b|rc)\d{1,8})?"
                    r"(?:\+(?P<build>cu\d+|cpu|rocm[\d.]+))?", re.IGNORECASE | re.ASCII)
_CARD = re.compile(r"\b(?:NVIDIA[ \t]+)?(?:GeForce[ \t]+)?(?P<card>(?:RTX|GTX|GT|MX|Quadro|Tesla|TITAN)[ \t]?[A-Z]?\d{2,4}(?!\d)"
                   r"(?![ \t]?XTX?\b)(?:[ \t]?(?:Ti|Super|Laptop GPU))?)|\bNVIDIA[ \t]+(?P<card2>[TPAM]\d{2,4})\b"
                   # an RTX card's number with Ti alone ("七彩虹4060TI12GB的N卡"): no other maker sells one
                   r"|(?<![\w.])(?P<card3>[2-5]0[5-9]0[ \t]?Ti)(?![A-Za-z])"
                   r"|\bGeForce[ \t]+(?P<card4>[1-5][06][5-9]0(?:[ \t]?Ti)?)\b", re.IGNORECASE | re.ASCII)
# The card's memory as torch's out-of-memory message prints it (a retyped one may drop the GiB); else as a post tells it.
_MEMORY_TORCH = re.compile(r"total capacity of (?P<gb>\d{1,4}(?:\.\d{1,3})?) GiB"
                           r"|(?<![\d.])(?P<gb2>\d{1,4}(?:\.\d{1,3})?) (?:GiB )?total capacity", re.IGNORECASE)
_MEMORY_WORDS = re.compile(r"(?P<gb>\d{1,2}(?:\.\d+)?)[ \t]*(?:G|GB|GiB)[ \t]*(?:显存|vram|card|显卡|video memory|gpu memory"
                           r"|graphics memory|gpu\b)"
                           r"|(?:显存|VRAM)[ \t:：]*(?P<gb2>\d{1,2}(?:\.\d+)?)[ \t]*(?:G|GB|GiB)\b", re.IGNORECASE)
# a size told as a limit, not as the card's: "fails with less than 16GB VRAM", "至少需要 8G 显存", "12G显存以上"
_MEMORY_LIMIT_BEFORE = re.compile(r"(?:less than|more than|at least|under|over|above|below|than|needs?|requires?|minimum|需要|至少"
                                  r"|低于|高于|大于|小于|超过)"
                                  r"[ \t]*(?:显存|VRAM)?[ \t:：]*$", re.IGNORECASE)
_MEMORY_LIMIT_AFTER = ("以上", "以下", "以内", "+", " or more", " or less", " minimum", " or higher", " or better", " recommended",
                       " required")
_HALF_OFF = re.compile(r"half precision[^\n]{0,80}?(?:\[[ \t]*\]|not check|unchecked|= ?false)"
                       r"|is_half[^\n\w]{0,4}(?:is[ \t]+)?(?:set[ \t]+to[ \t]+|设置为?|设为|[:=])[ \t]*false\b"
                       r"|--no-half|-fp\b|--full_precision", re.IGNORECASE)
# (the dataset steps before training count as training: their memory depends on the clips' length too;
# "preprocess" only in the dataset scripts' names: GPT-SoVITS's inference runs TextPreprocessor.preprocess and preprocess_jap)
_TRAIN_WORDS = ("s1_train", "s2_train", "train.py", "trainer.fit", "train_nsf", "train_and_evaluate", "extract_feature",
                "训练", "training", "svc train", "fine-tun", "finetun", "微调", "preprocess.py", "preprocess_hubert", "preprocess_flist",
                "trainset_preprocess", "extract_f0", "get-hubert",
                "get-text", "get-semantic", "pre-hubert", "pre-resample", "数据集")
_INFER_WORDS = ("infer", "推理", "合成", "vc_single", "convert", "tts_infer", "api_v2", "inference", "modules/vc/",
                "modules\\vc\\")  # (RVC's inference modules)
# Kepler and older (capability below 5.0): no current torch build has code for them.
_OLD_CARD = re.compile(r"^(?:GTX[ \t]?(?:6\d\d|7[0-46-9]\d|780)|GT[ \t]?[67]\d\d|Quadro[ \t]?K\d+|Tesla[ \t]?K\d+)"
                       r"(?:M|[ \t]?Ti)?$", re.IGNORECASE)


# The card's capability as torch's warnings print it ("with CUDA capability sm_60", "capability 6.1").
_CAPABILITY = re.compile(r"CUDA capability sm_(?P<sm>\d{2,3})|cuda capability (?P<major>\d{1,2})\.(?P<minor>\d)", re.IGNORECASE | re.ASCII)
# Cards before Volta (capability below 7.0), which torch's CUDA 12.8 builds from 2.8 on no longer cover.
_PRE_VOLTA = re.compile(r"^(?:GTX[ \t]?(?:9\d\d|10\d\d)|GT[ \t]?10\d\d|MX[ \t]?[1-3]\d\d|Quadro[ \t]?[KMP]\d+|Tesla[ \t]?[KMP]\d+"
                        r"|[PM]\d{2,3})\b", re.IGNORECASE)
# re.ASCII: a word boundary next to Chinese text ("是Intel Arc", "显卡RTX3060") is still a boundary.
# The machine is a Mac / has an AMD or Intel GPU / an RTX 50xx card, as the log's paths and words show
# (explain also reads a post that only describes its problem with them). "mps" in code (torch.backends.mps,
# device = "mps" if ...) and "MPS is not available" are printed on any machine, as is the voice changer's issue form
# ("If you use mac edition, client is not launched automatically").
MAC = re.compile(r"\bmacOS\b|\bmac ?os ?x?\b|MacBook|\bMac ?(?:mini|Studio|Pro)\b|\bM[1-4][ \t]?(?:Pro|Max|Ultra)\b"
                 r"|\bM[1-4][ \t]?(?:Mac|chip|芯片)|(?<![A-Za-z])(?<!If you use )macs?(?![A-Za-z])(?![ \t]*(?:address|addr\b|地址))|苹果电脑|Apple Silicon|\bDarwin\b"
                 r"|(?<![A-Za-z]:)(?<!\w)/Users/\w|/opt/homebrew/|(?<![A-Za-z.\"'])(?:MPS(?:HalfType|FloatType)?|mps)(?![A-Za-z.\"'(_])(?![ \t]+(?:is[ \t]+)?not[ \t]+(?:available|detected))",
                 re.IGNORECASE | re.ASCII)
# (a Ryzen named by its number alone, 5950X, 7800X3D, 5600G, is a CPU; 6800 XT and 5700XT are cards; 'AMD锐龙',
# 'AMD处理器' are CPUs too, now that re.ASCII puts a word boundary between AMD and Chinese)
_AMD_CARD = (r"\bAMD\b(?![ \t]*的?[ \t]*(?:Ryzen|EPYC|Threadripper|Athlon|64|CPU|processor|锐龙|速龙|霄龙|线程撕裂者|处理器|\d{4}(?:X3D|X|G|GE|H|HS|HX|U)\b))|Radeon"
             r"|\bRX[ \t]?[5-9]\d{2,3}(?:[ \t]?XT)?\b|(?<![\w.])(?:RTX[ \t]?)?[5-9]\d00[ \t]?XTX?\b|\bROCm(?![ \t]+used to build PyTorch:[ \t]*N/A)|A卡|\bgfx1\d{3}\b|ZLUDA"
             r"|\bIntel(?:\(R\))? Arc\b|\bIntel(?:\(R\))?[ \t]+A[357]\d0M?\b|\bArc[ \t]?[AB][3-7]\d0M?\b"
             r"|\bIris(?:\(R\))?[ \t]?Xe\b")  # (Intel's built-in graphics: the machine's only GPU where no NVIDIA card is named)
_DIRECTML = r"DirectML|AMD_Intel"  # the packages made for AMD and Intel cards
AMD_CARD = re.compile(_AMD_CARD, re.IGNORECASE | re.ASCII)
# An AMD processor's built-in graphics, as Windows names it ("AMD Ryzen 7 5800H with Radeon Graphics", "AMD Radeon(TM)
# Graphics", "Radeon Vega 8 Graphics"): no card that a layer under CUDA (ZLUDA, ROCm) runs on
# (and by number: Radeon 680M / 780M / 890M, 8060S; a laptop's own card is an RX: Radeon RX 7600M)
_AMD_INTEGRATED = re.compile(r"(?:\bAMD[ \t]+)?\bRadeon(?:\(TM\))?[ \t]+(?:(?:Vega[ \t]?\d{0,2}[ \t]+)?Graphics\b"
                             r"|\d{3,4}[MS]\b(?:[ \t]+Graphics\b)?)",
                            re.IGNORECASE | re.ASCII)
AMD = re.compile(_AMD_CARD + "|" + _DIRECTML, re.IGNORECASE | re.ASCII)
_COLAB = re.compile(r"\bcolab\b|google\.colab|(?<![\w.])/content/(?:drive|so-vits|GPT-SoVITS|Retrieval|sample_data)",
                    re.IGNORECASE | re.ASCII)
_COLAB_PATH = re.compile(r"google\.colab|(?<![\w.])/content/", re.ASCII)
# The post's own computer, named beside Colab ("works on Colab, but on my own PC ...")
_LOCAL_RUN = re.compile(r"\blocally\b|\blocal (?:pc|computer|machine)\b|\bon my (?:own )?(?:pc|computer|laptop|machine|desktop)\b|本地|自己的电脑|我的电脑",
                        re.IGNORECASE | re.ASCII)
# torch counting a CUDA card: the voice changer's start line, torch's own checks printed
_CUDA_CARD_SHOWN = re.compile(r"GPU_NUM\(cuda\):\s?[1-9]|cuda\.is_available\(\)\W{0,6}True|device_count\(\)\W{0,6}[1-9]")
# macOS's AppleDouble files (._name beside each file it copies to a non-Mac drive) and folder settings (.DS_Store):
# a loader that takes every file of a folder, or a file picked by name, reads them as a model or audio.
_MAC_METADATA_FILE = re.compile(r"(?<![\w.])\._[^\s\\/'\"]{1,200}?\.(?:pth|ckpt|pt|onnx|index|bin|safetensors|wav|mp3|flac|ogg|m4a)\b"
                                r"|(?<![\w.])\.DS_Store\b", re.IGNORECASE | re.ASCII)
# NVIDIA's ARM boards: pytorch.org's CUDA wheels do not drive their built-in GPU; JetPack has its own torch builds.
# (Orin alone is also a name people give their models and folders: a Touhou character's)
_JETSON = re.compile(r"\bJetson\b|\bJetPack\b|\bOrin[ \t]?(?:Nano|NX|AGX)\b|\bAGX[ \t]?(?:Orin|Xavier)\b|\bXavier[ \t]?(?:NX|AGX)\b"
                     r"|\bTegra\b|\bl4t\b|orin板",
                     re.IGNORECASE | re.ASCII)
# A container or WSL: the GPU reaches torch through one more layer.
_DOCKER = re.compile(r"\bdocker(?:-compose)?\b|\bcontainer\b|nvidia-container|--gpus", re.IGNORECASE | re.ASCII)
_WSL = re.compile(r"\bWSL2?\b|(?<![\w.])/mnt/[a-z]/|microsoft-standard", re.IGNORECASE | re.ASCII)
# A bare 5060-5090 is a card only with "Ti" or a card word next to it (not a progress count, an epoch or a port;
# 卡住 / 卡死 / 卡在 after a count is "stuck", not a card).
NEW_CARD = re.compile(r"RTX[ \t]?50[5-9]0|(?<![\d.:/-])50[6-9]0(?:[ \t]?Ti(?![A-Za-z])|(?=[ \t]?(?:显卡|卡(?![住死在])|GPU|graphics|laptop|笔记本|rtx|geforce)))"
                      r"|(?<!\d)50[ \t]?系(?!统)|(?<!\d)50[ \t-]?series\b|\bsm_?120\b|Blackwell",
                      re.IGNORECASE | re.ASCII)


# Linux shown by its name or its paths (a post from Windows may name Linux too: read only where no Windows path is)
_LINUX = re.compile(r"\b(?:Ubuntu|Debian|CentOS|Fedora|Arch Linux|Linux Mint)\b|\bon Linux\b|(?<![\w.])/home/\w"
                    r"|(?<![\w.])/usr/(?:local/)?lib/python|(?<![\w.])/opt/conda|\bapt(?:-get)? install\b", re.ASCII)


# A Windows path as a log prints it (a drive, then anything but spaces and quotes).
_WINDOWS_PATH = re.compile(r"(?<![A-Za-z])[A-Za-z]:[\\/][^\s\"'<>|，。；：（）、“”「」]{1,260}")  # (not the CJK punctuation after it)


@dataclass
class LogFacts:
    torch: Optional[str] = None  # "2.8.0"
    build: Optional[str] = None  # "cu128", "cpu", "rocm6.1"
    card: Optional[str] = None  # "RTX 5090 Laptop GPU"
    memory_gb: Optional[float] = None
    job: Optional[str] = None  # "train" or "infer"
    half_shown_off: Optional[str] = None  # the text that shows half precision already off
    mac: Optional[str] = None  # the words that show a Mac
    amd: Optional[str] = None  # the words that show an AMD or Intel GPU, or a package made for one
    amd_card: Optional[str] = None  # the words that name the AMD or Intel card itself
    new_card: Optional[str] = None  # the words that show an RTX 50xx (sm_120) card
    sm: Optional[int] = None  # the card's capability as torch printed it: 61 for sm_61 / 6.1
    non_ascii_path: Optional[str] = None  # a Windows path with characters other than ASCII (C:\\用户\\...)
    jetson: Optional[str] = None  # the words that show an NVIDIA Jetson board (ARM, JetPack's own torch)
    colab: Optional[str] = None  # the words or paths that show Google Colab
    cuda_card_shown: Optional[str] = None  # a line where torch counts a CUDA card ("GPU_NUM(cuda):1")
    mac_metadata_file: Optional[str] = None  # a ._name or .DS_Store file that macOS left, read as a model or audio
    amd_discrete: Optional[str] = None  # amd_card, not counting an AMD processor's built-in graphics
    docker: Optional[str] = None  # the words that show a container
    wsl: Optional[str] = None  # the words that show WSL
    linux: Optional[str] = None  # the words or paths that show Linux (none where a Windows path shows)

    @property
    def cuda_build(self) -> Optional[float]:
        """12.8 for "cu128"."""
        if self.build and self.build.lower().startswith("cu") and len(self.build) >= 5:
            digits = self.build[2:]
            return int(digits[:-1]) + int(digits[-1]) / 10
        return None

    @property
    def directml_on_cuda(self) -> bool:
        """A DirectML package named (no AMD or Intel card) on a machine whose torch counts a CUDA card: NVIDIA's."""
        return bool(self.amd and not self.amd_card and not self.mac and self.cuda_card_shown)

    @property
    def pre_volta(self) -> bool:
        """A card of capability below 7.0 (GTX 10xx, P100, P40, Maxwell ...), by the printed capability or the name."""
        return (self.sm is not None and self.sm < 70) or bool(self.card and _PRE_VOLTA.match(self.card))

    @property
    def card_too_old(self) -> bool:
        return bool(self.card and _OLD_CARD.match(self.card))


def _count(words, text: str) -> int:
    return sum(text.count(word) for word in words)


# (and fairseq's task "hubert_pretraining", which it logs as it loads HuBERT or ContentVec for inference too)
_JOB_NEUTRAL_PATHS = re.compile(r"(?<!_)infer_pack|infer-web|(?:^|(?<=[\\/ ]))infer[\\/]|hubert_?pretraining")
_TRAIN_VERB = re.compile(r"\btrain(?:s|ed|ing)?\b")  # "when I try to train": the word, not a file name


def job_of(places: List[str], text: str) -> Optional[str]:
    """"train" or "infer": from the failing traceback's paths and functions first, else from
    which kind of words the log uses more."""
    # (RVC keeps its model code, used by training and inference alike, under infer/lib/infer_pack, and trains from
    # infer-web.py: its folder names say nothing of the job)
    joined = _JOB_NEUTRAL_PATHS.sub(" ", " ".join(places).lower())
    if _count(_TRAIN_WORDS, joined):
        return "train"
    if _count(_INFER_WORDS, joined):
        return "infer"
    lower = _JOB_NEUTRAL_PATHS.sub(" ", (text if len(text) <= 2 * _SCAN else text[:_SCAN] + "\n" + text[-_SCAN:]).lower())
    train = _count(_TRAIN_WORDS, lower) + len(_TRAIN_VERB.findall(lower[:2000]))
    infer = _count(_INFER_WORDS, lower)
    if train != infer:
        return "train" if train > infer else "infer"
    return None


def _card_memory(text: str) -> Optional[float]:
    match = _MEMORY_TORCH.search(text)
    if match is None:
        match = next((told for told in _MEMORY_WORDS.finditer(text)
                      if not _MEMORY_LIMIT_BEFORE.search(text[max(0, told.start() - 20):told.start()])
                      and not text.startswith(_MEMORY_LIMIT_AFTER, told.end())), None)
    try:
        return float(match.group("gb") or match.group("gb2")) if match else None
    except ValueError:
        return None


def read_facts(text: str) -> LogFacts:
    head = text if len(text) <= 2 * _SCAN else text[:_SCAN] + "\n" + text[-_SCAN:]
    facts = LogFacts()
    match = _TORCH.search(head)
    if match:
        facts.torch, facts.build = match.group("version"), match.group("build")
    match = _CARD.search(head)
    if match:
        number = match.group("card3") or match.group("card4")
        family = ("GTX " if number and number.startswith("1") else "RTX ") if number else ""
        facts.card = " ".join((match.group("card") or match.group("card2") or family + number).split())
    facts.memory_gb = _card_memory(head)
    match = _HALF_OFF.search(head)
    if match:
        facts.half_shown_off = " ".join(match.group(0).split())
    match = _CAPABILITY.search(head)
    if match:
        facts.sm = int(match.group("sm") or match.group("major") + match.group("minor"))
    for match in _WINDOWS_PATH.finditer(head):
        if not match.group(0).isascii():
            facts.non_ascii_path = match.group(0)
            break
    match = _CUDA_CARD_SHOWN.search(head)
    if match:
        facts.cuda_card_shown = match.group(0)
    match = _MAC_METADATA_FILE.search(head)
    if match:
        facts.mac_metadata_file = match.group(0)
    for name, pattern in (("mac", MAC), ("amd", AMD), ("amd_card", AMD_CARD), ("new_card", NEW_CARD), ("jetson", _JETSON),
                          ("docker", _DOCKER), ("colab", _COLAB),
                          ("wsl", _WSL)):
        for match in itertools.islice(pattern.finditer(head), 20):
            if not planned(head, match.start()):
                setattr(facts, name, match.group(0))
                break
    windows_path = _WINDOWS_PATH.search(head)
    match = _LINUX.search(head)
    if match and not windows_path:
        facts.linux = match.group(0)
    if facts.colab and not _COLAB_PATH.search(head) and (_LOCAL_RUN.search(head) or windows_path):
        facts.colab = None  # Colab named beside a run on the post's own computer (Colab runs Linux, no C:\ path)
    if facts.amd_card:
        match = AMD_CARD.search(_AMD_INTEGRATED.sub(" ", head))
        facts.amd_discrete = match.group(0) if match else None
    return facts


# Traditional Chinese, read by the same words as Simplified (explain's words that tell a symptom, _INTENT): each
# character of them that Traditional writes otherwise (one character for one, so a match's place is the same)
SIMPLIFIED = str.maketrans("與個為麼亂會偉體傳剛別動卻參發變響塊聲處備夠實盡屬帶應張錄總報換據數無舊時顯機雜條檢沒洩測潰滿現電種筆純線練經絕統裝訓記設識語誤說讀調敗車載輸達過運還這進銳錯閃靜頻頓預風驅麥龍龜來開啟門問題內專視優儲單雙稱適該聽見覺難樣碼嗎佔極獨裡裏後將準", "与个为么乱会伟体传刚别动却参发变响块声处备够实尽属带应张录总报换据数无旧时显机杂条检没泄测溃满现电种笔纯线练经绝统装训记设识语误说读调败车载输达过运还这进锐错闪静频顿预风驱麦龙龟来开启门问题内专视优储单双称适该听见觉难样码吗占极独里里后将准")


# Words before a machine's name, on its line, that make it a plan rather than the machine the post is about.
# ("want to use my AMD card" is the machine they have: only a plan or a time to come counts)
# ("以后" after a deed is "after it": "更新驱动以后A卡就不识别了"; "two days later my RX 6800" is what happened)
_INTENT = re.compile(r"\b(?:plan(?:ning)? to|going to (?:buy|get|switch)|later,? I(?:'ll| will| might| may| plan)"
                     r"|in the future)\b(?:(?!\bbut\b)[^.!?。！？,，;；\n])*$"
                     r"|(?:打算|以后(?:再|会|要|想|可能|准备|换|买)|将来)[^。！？，；\n但]*$", re.IGNORECASE)


def planned(text: str, at: int) -> bool:
    """Is the machine named at `at` something the post plans ("I plan to use ROCm later"), not what it ran on?"""
    start = text.rfind("\n", max(0, at - 300), at) + 1
    return bool(_INTENT.search(text[max(start, at - 300):at].translate(SIMPLIFIED)))  # (將來, 以後)
