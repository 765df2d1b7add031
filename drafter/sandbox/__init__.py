"""Where templates come from and what they may do: loading, the sandbox, limits, errors.

A county's template folder is untrusted input; rendering runs in Jinja's sandbox with limits, and
every error ends as a Chinese :class:`~drafter.errors.DrafterError` naming the template file and
line. By responsibility:

  ``files``           the built-ins and a county's folder: confinement, size, encoding;
  ``compile_checks``  what a template's text may say (no figures, known tags), at compile time;
  ``limits``          what one render may build and how long it may take (the watchdog);
  ``provenance``      which numbers may be printed: the answers', never one a template computed;
  ``environment``     the sandboxed environment and one render (the typed channel);
  ``errors``          Jinja's English, and every other failure of a template, in Chinese.
"""

from __future__ import annotations

from drafter.sandbox.environment import new_environment, render_template
from drafter.sandbox.errors import template_error
from drafter.sandbox.files import builtin_template_dir, check_template_folder, decode_template
from drafter.sandbox.limits import TemplateLimit

__all__ = [
    "TemplateLimit",
    "builtin_template_dir",
    "check_template_folder",
    "decode_template",
    "new_environment",
    "render_template",
    "template_error",
]
