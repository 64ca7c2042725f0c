"""Builds the whole corpus: imports every render module, in corpus order, so that its templates register."""

from . import (render_python_services, render_python_apps, render_js, render_go, render_jvm_dotnet,
               render_ruby_php, render_shell_env, render_k8s, render_ci_docker, render_terraform,
               render_config, render_keys, render_lockfiles, render_docs, render_misc,
               render_negatives_only, render_accuracy, render_shapes, render_audit, render_audit13)
from .registry import FILES, LABELS, build_all

# Importing a module registers its templates; this order is the order of the files in the corpus.
RENDERERS = (render_python_services, render_python_apps, render_js, render_go, render_jvm_dotnet,
             render_ruby_php, render_shell_env, render_k8s, render_ci_docker, render_terraform,
             render_config, render_keys, render_lockfiles, render_docs, render_misc, render_negatives_only,
             render_accuracy, render_shapes, render_audit, render_audit13)


def build_corpus():
    """Renders every registered template; returns FILES ({path: content}) and LABELS, sorted by place."""
    build_all()
    LABELS.sort(key=lambda l: (l["path"], l["line"], l["secret"]))
    return FILES, LABELS
