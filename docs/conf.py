"""Sphinx configuration: MyST Markdown, the furo theme, autodoc with napoleon.

Build (CI runs exactly this; warnings are errors)::

    sphinx-build -W --keep-going -b html docs docs/_build/html

Needs the ``docs`` extra and Graphviz's ``dot`` on the PATH. Nothing is
fetched from the network at build time or by the built pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The source tree first, so the docs describe this checkout even when another
# version of the package is installed.
sys.path.insert(0, str(DOCS.parent / "src"))
sys.path.insert(0, str(DOCS / "_ext"))

project = "proceedings"
author = "The proceedings developers"
copyright = "the proceedings developers"
release = "0.1.0"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.graphviz",
    "sphinx.ext.viewcode",
    "proceedings_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# _generated/ holds fragments pulled in with {include}; they are not pages.
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]

# -- MyST --------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc and napoleon (Google-style Args/Returns/Raises/Attributes) -------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes become fields of the class, not separate objects: the attrs
# fields are also slots, and documenting them twice would be a duplicate.
napoleon_use_ivar = True
napoleon_use_rtype = False

# -- diagrams: Graphviz at build time, SVG in the page, no script from anywhere ------
graphviz_output_format = "svg"
graphviz_dot_args = ["-Gbgcolor=transparent"]

# -- HTML ----------------------------------------------------------------------------
html_theme = "furo"
html_title = f"proceedings {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": True,
}
