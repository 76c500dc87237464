"""Putting people's text into Word files so that what they typed is what Word shows.

A .docx is XML. Text must be escaped (`&`, `<` and `>` would otherwise cut or
inject markup: `甲方&乙方各半` became `甲方`, `</w:t></w:r>…` made new runs),
and some characters cannot be in XML at all (most C0 control characters, lone
surrogates, U+FFFE/U+FFFF): python-docx refuses them with an error and Word
refuses the file. `docx_text` drops those and nothing else, and every writer
of .docx goes through it: `gbt9704` for runs it adds itself, and the Jinja
environment of `docx_environment` (used for every docxtpl template, ours and
the towns' own) which escapes and cleans every value it prints.
"""

import re

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

# XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def docx_text(value) -> str:
    """`value` as text that Word can hold: XML-illegal characters dropped, CR/CRLF as LF."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def _finalize(value):
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    if isinstance(value, jinja2.Undefined):
        return value
    return docx_text(value)


def docx_environment() -> ImmutableSandboxedEnvironment:
    """The only Jinja environment that fills .docx templates.

    Sandboxed (no attribute starting with `_`, no unsafe calls, no mutation),
    no globals (no `lipsum`, `cycler`, `range` …), undefined names are errors,
    and every printed value is cleaned by `docx_text` and XML-escaped.
    """
    environment = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined, autoescape=True, finalize=_finalize
    )
    environment.globals.clear()
    return environment
