"""Fuzz targets shared by tests/security/test_fuzz.py (short runs, in CI) and scripts/fuzz.py (long runs).

One target per reader: txt, docx, pdf, html, akn (Akoma Ntoso and generic XML) and model (model-law
XML). Each target builds an input from a hypothesis strategy — mutations of real seed files (byte
flips, splices, truncations, hostile tokens) and, where it helps, inputs generated from a small
grammar — writes it to a file and runs the full public path:

- statutes: `statutes.read_statute(path)` (reader, unit-tree parser, definitions); the only exception
  allowed is StatuteError, whose message must be one line starting with "<path>: ";
- models: `modellaw.load_model(path)`; the only exception allowed is ModelError, one line, starting
  with "<path>".

Anything else (another exception, a message of several lines) is a failure. A refusal whose message
shows a Python exception type ("cannot read as PDF: ValueError: ...") is allowed but counted as
"suspicious": it is a library or reader bug that the catch-all in read_document turned into a refusal.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures"
TARGETS = ("txt", "docx", "pdf", "html", "akn", "model")
_SUSPICIOUS = re.compile(
    r"\b(ValueError|TypeError|AttributeError|IndexError|KeyError|AssertionError|"
    r"ZeroDivisionError|OverflowError|UnboundLocalError|NameError|RecursionError|"
    r"UnicodeDecodeError|UnicodeEncodeError|StopIteration|NotImplementedError)\b"
)


@functools.lru_cache(maxsize=1)
def build():
    spec = importlib.util.spec_from_file_location("fuzz_readers_build", FIX / "readers" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------------------------------
# outcome bookkeeping


@dataclass
class Stats:
    tried: int = 0
    read: int = 0
    refused: int = 0
    reasons: Counter = field(default_factory=Counter)
    suspicious: Counter = field(default_factory=Counter)

    def note_refusal(self, msg: str, path: str) -> None:
        self.refused += 1
        reason = msg[len(path) :].lstrip(": ") if msg.startswith(path) else msg
        key = re.sub(r"\d[\d,.]*", "N", reason)[:90]
        self.reasons[key] += 1
        if _SUSPICIOUS.search(reason):
            self.suspicious[re.sub(r"\d[\d,.]*", "N", reason)[:200]] += 1


STATS: dict[str, Stats] = {t: Stats() for t in TARGETS}


class FuzzFailure(AssertionError):
    pass


def check_statute(path: Path, kind: str) -> None:
    from statutes import StatuteError, read_statute

    stats = STATS[kind]
    stats.tried += 1
    try:
        st_ = read_statute(path)
    except StatuteError as exc:
        msg = str(exc)
        if "\n" in msg or not msg.startswith(f"{path}: "):
            raise FuzzFailure(f"refusal is not one line starting with the path: {msg!r}") from exc
        stats.note_refusal(msg, str(path))
        return
    stats.read += 1
    assert isinstance(st_.text, str) and st_.text.strip()
    n = len(st_.text)
    for u in st_.units:  # unit offsets stay inside the text
        assert 0 <= u.start <= u.end <= n, (u.id, u.start, u.end, n)


def check_model(path: Path) -> None:
    from modellaw import ModelError, load_model

    stats = STATS["model"]
    stats.tried += 1
    try:
        m = load_model(path)
    except ModelError as exc:
        msg = str(exc)
        if "\n" in msg or not msg.startswith(str(path)):
            raise FuzzFailure(f"refusal is not one line starting with the path: {msg!r}") from exc
        stats.note_refusal(msg, str(path))
        return
    stats.read += 1
    assert m.provisions is not None


# ---------------------------------------------------------------------------------------
# seeds


@functools.lru_cache(maxsize=1)
def text_seeds() -> tuple[bytes, ...]:
    b = build()
    out = [b.excerpt(lang).encode("utf-8") for lang in b.LANGS]
    out += [(FIX / "readers" / "ar-indic.txt").read_bytes()]
    out += [p.read_bytes() for p in sorted((FIX / "statutes").glob("*.txt"))[:8]]
    out += [b.excerpt("ru").encode("cp1251"), b.excerpt("ar").encode("cp1256"), b.excerpt("fr").encode("utf-16")]
    return tuple(out)


@functools.lru_cache(maxsize=1)
def html_seeds() -> tuple[bytes, ...]:
    import html as h

    b = build()
    out = []
    for lang in b.LANGS:
        body = "".join(f"<p>{h.escape(line)}</p>" for line in b.excerpt(lang).splitlines())
        rtl = ' dir="rtl"' if lang == "ar" else ""
        out.append(
            f'<!DOCTYPE html><html lang="{lang}"{rtl}><head><meta charset="utf-8"><title>Act</title>'
            f"</head><body><main>{body}<table><tr><td>1.</td><td>Text</td></tr></table>"
            f"<ol><li>one</li><li>two</li></ol><pre>3. pre\n4. formatted</pre></main></body></html>".encode("utf-8")
        )
    return tuple(out)


@functools.lru_cache(maxsize=1)
def akn_seeds() -> tuple[bytes, ...]:
    b = build()
    body = (
        '<part {id}="part_1"><num>PART I</num><heading>Preliminary</heading>'
        '<section {id}="sec_1"><num>1.</num><heading>Interpretation</heading><content><p>In this Act—</p>'
        '<blockList><item><num>(a)</num><p>"child" means a person under eighteen;</p></item></blockList>'
        '</content></section><section {id}="sec_2"><num>2.</num><heading>Offence</heading>'
        '<subsection {id}="sec_2__subsec_1"><num>(1)</num><content><p>A person who recruits '
        '<term refersTo="#x">another</term> commits an offence.</p></content></subsection></section></part>'
    )
    return (
        (FIX / "readers" / "ke-akn.xml").read_bytes(),
        b.akn(body).encode("utf-8"),
        b.akn(body.replace("section", "article"), lang3="fra", country="fr").encode("utf-8"),
        b'<?xml version="1.0"?><law><title>Act</title><body><p>Article 1. Trafficking.</p>'
        b"<p>Article 2. <b>Penalties</b>.</p></body></law>",
    )


@functools.lru_cache(maxsize=1)
def model_seeds() -> tuple[bytes, ...]:
    return ((FIX / "models" / "mini.xml").read_bytes(), (FIX / "reports" / "mini-model.xml").read_bytes())


@functools.lru_cache(maxsize=1)
def docx_seeds() -> tuple[bytes, ...]:
    b = build()
    out = []
    with tempfile.TemporaryDirectory() as d:
        for i, lang in enumerate(("en", "fr", "ar")):
            lines = b.excerpt(lang).splitlines()
            p = b.make_docx(
                Path(d) / f"{i}.docx",
                lines[:6],
                title="Act",
                table=[["1.", "Short title"], ["2.", "Offence"]],
                numbered=lines[6:10] or ["x"],
            )
            out.append(p.read_bytes())
    return tuple(out)


@functools.lru_cache(maxsize=1)
def pdf_seeds() -> tuple[bytes, ...]:
    from .conftest import TEXT_OP, raw_pdf

    b = build()
    out = [b.pdf_bytes(b.excerpt(lang).splitlines()[:8], lang=lang, title="Act") for lang in ("en", "ar")]
    out.append(raw_pdf(TEXT_OP * 3, pages=2, compress=False))
    out.append(raw_pdf(b"BT /F1 12 Tf 72 720 Td [(Art) -250 (icle 1.)] TJ T* (Trafficking) ' ET\n", compress=False))
    return tuple(out)


# ---------------------------------------------------------------------------------------
# mutations

TOKENS = [
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"]]>",
    b"<![CDATA[",
    b"<!--",
    b"-->",
    b'<!DOCTYPE x [<!ENTITY a "b">]>',
    b"<!DOCTYPE html>",
    b"<?xml version='1.0'?>",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n\n\n",
    b"\t",
    "\u2028".encode(),
    b"%",
    b"99999999999999999999",
    b"-1",
    b"0",
    b"NaN",
    b"1e308",
    b"()",
    b"(",
    b")",
    b"[",
    b"]",
    b"<<",
    b">>",
    b"/Count 100000",
    b"/Length 0",
    b" obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"xref",
    b"trailer",
    b"startxref",
    b"%%EOF",
    b"R",
    b" 0 R",
    b"\\",
    b"(\\",
    b"/",
    b"Tj",
    b"TJ",
    b"Td",
    b"BT",
    b"ET",
    b"Article ",
    b"Section ",
    b"Art. 1",
    b"1.",
    b"(a)",
    b"(i)",
    b"PART II",
    b"CHAPTER V",
    b"# country: x\n",
    b"# ---\n",
    "المادة ".encode(),
    "مادة (١)".encode(),
    "Статья 1.".encode(),
    "Artículo 1.".encode(),
    "«".encode(),
    "\u202e".encode(),
    "\u0300".encode(),
    b"\xc3",
    b"\xe2\x80",
    "\U0001f600".encode(),
]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.binary(max_size=40)),
    st.tuples(st.just("token"), st.integers(0, 10**9), st.sampled_from(TOKENS)),
    st.tuples(st.just("delete"), st.integers(0, 10**9), st.integers(1, 400)),
    st.tuples(st.just("dup"), st.integers(0, 10**9), st.integers(1, 400)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("repeat"), st.integers(0, 10**9), st.integers(2, 200)),
)


def mutate(data: bytes, muts) -> bytes:
    buf = bytearray(data)
    for kind, pos, arg in muts:
        n = len(buf)
        i = pos % (n + 1)
        if kind == "flip" and n:
            buf[i % n] ^= arg or 1
        elif kind == "insert" or kind == "token":
            buf[i:i] = arg
        elif kind == "delete":
            del buf[i : i + arg]
        elif kind == "dup":
            buf[i:i] = buf[i : i + arg]
        elif kind == "truncate":
            del buf[max(1, i) :]
        elif kind == "repeat":
            buf[i:i] = bytes(buf[i : i + 20]) * arg
    return bytes(buf)


def mutated(seeds: Callable[[], tuple[bytes, ...]], max_mutations: int = 6):
    return st.builds(
        lambda i, muts: mutate(seeds()[i % len(seeds())], muts),
        st.integers(0, 100),
        st.lists(mutation, max_size=max_mutations),
    )


# ---------------------------------------------------------------------------------------
# grammars

_AKN_TAGS = [
    "part",
    "chapter",
    "section",
    "subsection",
    "article",
    "paragraph",
    "point",
    "hcontainer",
    "num",
    "heading",
    "content",
    "p",
    "intro",
    "list",
    "blockList",
    "item",
    "table",
    "tr",
    "td",
    "b",
    "i",
    "term",
    "def",
    "ref",
    "eol",
    "meta",
    "authorialNote",
    "attachment",
    "attachments",
    "doc",
    "preamble",
    "span",
    "inline",
    "component",
    "components",
    "mainBody",
    "crossHeading",
    "wrapUp",
    "quotedStructure",
]
_ATTR = st.sampled_from(
    [
        'eId="x"',
        'eId=""',
        'eId="sec_1"',
        'id="a b"',
        'wId="w"',
        'name="schedule"',
        'name=""',
        'refersTo="#t"',
        'name="crossHeading"',
        'xml:lang="ar"',
    ]
)
_WORDS = st.sampled_from(
    [
        "Article",
        "1.",
        "(a)",
        "(2)",
        "Section 3",
        "PART II",
        "Chapter",
        "المادة 1",
        "Статья",
        "child",
        "means",
        '"victim"',
        "trafficking",
        " ",
        "",
        "—",
        "1bis",
        "IV",
        "(iii)",
    ]
)


def _xml_tree(depth: int):
    leaf = st.lists(_WORDS, max_size=4).map(" ".join).map(lambda s: s.replace("&", "&amp;").replace("<", "&lt;"))
    if depth == 0:
        return leaf
    return st.one_of(
        leaf,
        st.builds(
            lambda tag, attrs, kids, tail: f"<{tag} {' '.join(attrs)}>{''.join(kids)}</{tag}>{tail}",
            st.sampled_from(_AKN_TAGS),
            st.lists(_ATTR, max_size=2, unique=True),
            st.lists(_xml_tree(depth - 1), max_size=4),
            leaf,
        ),
    )


def akn_documents():
    b = build()
    return st.builds(
        lambda kids, ns, lang: b.akn("".join(kids), lang3=lang, ns=ns).encode("utf-8"),
        st.lists(_xml_tree(4), max_size=5),
        st.sampled_from(["http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "http://www.akomantoso.org/2.0"]),
        st.sampled_from(["eng", "fra", "ara", "rus", "spa", "por", "xx"]),
    )


_HTML_TAGS = [
    "p",
    "div",
    "br",
    "td",
    "th",
    "tr",
    "table",
    "pre",
    "li",
    "ol",
    "b",
    "span",
    "h1",
    "h2",
    "section",
    "script",
    "style",
    "template",
    "nav",
    "noscript",
    "svg",
    "math",
    "hidden",
    "a",
    "font",
    "center",
]


def _html_tree(depth: int):
    leaf = st.lists(_WORDS, max_size=4).map(" ".join)
    if depth == 0:
        return leaf
    return st.one_of(
        leaf,
        st.builds(
            lambda tag, close, kids: f"<{tag}>{''.join(kids)}" + (f"</{tag}>" if close else ""),
            st.sampled_from(_HTML_TAGS),
            st.booleans(),
            st.lists(_html_tree(depth - 1), max_size=4),
        ),
    )


def html_documents():
    return st.builds(
        lambda head, kids, charset: (
            f'<html><head><meta charset="{charset}">{head}</head><body>' + "".join(kids) + "</body></html>"
        ).encode("utf-8", "replace"),
        st.sampled_from(["", "<title>Act</title>", "<title></title>", "<title>" + "x" * 500 + "</title>"]),
        st.lists(_html_tree(4), max_size=6),
        st.sampled_from(["utf-8", "iso-8859-1", "windows-1256", "koi8-r", "nonsense", "utf-16"]),
    )


_NUMBER = st.one_of(st.integers(-(10**12), 10**12).map(str), st.sampled_from(["0", "-0", ".5", "1e9", "NaN", "abc"]))
_PDF_STRING = st.one_of(
    st.text(max_size=20).map(lambda s: "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"),
    st.binary(max_size=10).map(lambda b: "<" + b.hex() + ">"),
    st.sampled_from(["(", "(\\", "<zz>", "<>", "()", "(\\377\\000)"]),
)
_OPERAND = st.one_of(
    _NUMBER, _PDF_STRING, st.sampled_from(["/F1", "/F9", "/Name", "[", "]", "<<", ">>", "true", "null"])
)
_OPERATOR = st.sampled_from(
    [
        "BT",
        "ET",
        "Tj",
        "TJ",
        "'",
        '"',
        "Td",
        "TD",
        "Tm",
        "T*",
        "Tf",
        "TL",
        "Tc",
        "Tw",
        "Tz",
        "Ts",
        "q",
        "Q",
        "cm",
        "Do",
        "BI",
        "ID",
        "EI",
        "re",
        "f",
        "gs",
        "BDC",
        "EMC",
        "Tr",
    ]
)


def pdf_content_documents():
    from .conftest import raw_pdf

    op = st.builds(lambda ops, o: " ".join(ops) + " " + o, st.lists(_OPERAND, max_size=6), _OPERATOR)
    return st.builds(
        lambda ops, pages, comp: raw_pdf(("\n".join(ops)).encode("utf-8", "replace"), pages, comp),
        st.lists(op, max_size=60),
        st.integers(1, 3),
        st.booleans(),
    )


def docx_documents():
    """A valid zip whose members (document.xml, numbering.xml, styles.xml, ...) are mutated."""

    def make(i, member_pick, muts, container_muts):
        seed = docx_seeds()[i % len(docx_seeds())]
        with zipfile.ZipFile(io.BytesIO(seed)) as zin:
            names = zin.namelist()
            xml_names = [n for n in names if n.endswith((".xml", ".rels"))]
            target = xml_names[member_pick % len(xml_names)]
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for n in names:
                    data = zin.read(n)
                    zout.writestr(n, mutate(data, muts) if n == target else data)
        return mutate(out.getvalue(), container_muts)

    return st.builds(
        make,
        st.integers(0, 100),
        st.integers(0, 100),
        st.lists(mutation, min_size=1, max_size=6),
        st.lists(mutation, max_size=2),
    )


_NUMFMT = st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet", "none", "decimalZero", "x", ""])
_ILVL = st.sampled_from(["0", "1", "8", "9", "-1", "abc", "", "99999999999999999999"])


def docx_numbering_documents():
    """DOCX with generated numbering definitions: odd levels, formats, starts and overrides."""

    def make(levels, paras):
        W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        lvls = "".join(
            f'<w:lvl w:ilvl="{il}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
            for il, s, f, t in levels
        )
        numbering = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum '
            f'w:abstractNumId="0">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>'
        )
        body = "".join(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{il}"/><w:numId w:val="{nid}"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{txt}</w:t></w:r></w:p>"
            for il, nid, txt in paras
        )
        seed = docx_seeds()[0]
        with zipfile.ZipFile(io.BytesIO(seed)) as zin:
            doc = zin.read("word/document.xml").decode("utf-8")
            start = doc.index("<w:body>") + len("<w:body>")
            doc = doc[:start] + body + doc[start:]
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for n in zin.namelist():
                    data = zin.read(n)
                    if n == "word/document.xml":
                        data = doc.encode("utf-8")
                    elif n == "word/numbering.xml":
                        data = numbering.encode("utf-8")
                    zout.writestr(n, data)
        return out.getvalue()

    level = st.tuples(_ILVL, _NUMBER, _NUMFMT, st.sampled_from(["%1.", "(%2)", "%1.%2.%3", "%9", "%0", "", "%1%1%1"]))
    para = st.tuples(_ILVL, st.sampled_from(["1", "0", "2", "", "x"]), st.sampled_from(["Article", "text", "", " "]))
    return st.builds(make, st.lists(level, max_size=5), st.lists(para, min_size=1, max_size=8))


def model_documents():
    """Mutations of real model files, at byte level and at attribute level (values the schema may allow)."""
    values = st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1e999",
            "NaN",
            "inf",
            "abc",
            "true",
            "false",
            "x" * 300,
            "&amp;",
            "99999999999999999999",
            "1.5",
            " 1 ",
            "V",
            "VII",
            "mandatory",
            "en",
            "zz",
        ]
    )

    def attr_mutate(i, picks):
        text = model_seeds()[i % len(model_seeds())].decode("utf-8")
        attrs = list(re.finditer(r'(\w[\w-]*)="([^"]*)"', text))
        for k, v in picks:
            if not attrs:
                break
            m = attrs[k % len(attrs)]
            text = text[: m.start(2)] + v + text[m.end(2) :]
            attrs = list(re.finditer(r'(\w[\w-]*)="([^"]*)"', text))
        return text.encode("utf-8")

    return st.one_of(
        mutated(model_seeds, 4),
        st.builds(
            attr_mutate, st.integers(0, 10), st.lists(st.tuples(st.integers(0, 10**6), values), min_size=1, max_size=4)
        ),
    )


STRATEGIES: dict[str, Callable] = {
    "txt": lambda: st.one_of(
        mutated(text_seeds),
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    ),
    "html": lambda: st.one_of(mutated(html_seeds), html_documents()),
    "akn": lambda: st.one_of(mutated(akn_seeds), akn_documents()),
    "docx": lambda: st.one_of(docx_documents(), docx_numbering_documents(), mutated(docx_seeds, 3)),
    "pdf": lambda: st.one_of(mutated(pdf_seeds, 4), pdf_content_documents()),
    "model": model_documents,
}
SUFFIX = {"txt": ".txt", "html": ".html", "akn": ".xml", "docx": ".docx", "pdf": ".pdf", "model": ".xml"}


def run_one(kind: str, data: bytes, folder: Path) -> None:
    """Write `data` as a file of `kind` in `folder` and check the reader's contract on it."""
    path = folder / f"input{SUFFIX[kind]}"
    path.write_bytes(data)
    if kind == "model":
        check_model(path)
    else:
        check_statute(path, kind)
