"""Draws the noise corpus: which generators, how often (weights), and the per-file reseeding."""

from .code_files import (gen_c, gen_go, gen_go_test_vectors, gen_java, gen_js_module, gen_minified, gen_php,
                         gen_python_module, gen_python_test, gen_ruby, gen_rust, gen_settings_loader,
                         gen_tsx)
from .data_files import (gen_css, gen_csv, gen_dockerfile, gen_env_example, gen_graphql, gen_html,
                         gen_json_fixture, gen_k8s, gen_markdown, gen_package_lock, gen_shell, gen_sql,
                         gen_terraform, gen_workflow)
from .rand import R
from .words import PROJECTS

GENERATORS = [
    (gen_python_module, 30), (gen_python_test, 20), (gen_settings_loader, 8), (gen_js_module, 24),
    (gen_tsx, 16), (gen_minified, 8), (gen_go, 20), (gen_go_test_vectors, 6), (gen_java, 18),
    (gen_rust, 10), (gen_c, 8), (gen_ruby, 10), (gen_php, 10), (gen_sql, 12), (gen_css, 10),
    (gen_html, 10), (gen_markdown, 16), (gen_k8s, 10), (gen_workflow, 8), (gen_json_fixture, 12),
    (gen_package_lock, 6), (gen_shell, 10), (gen_dockerfile, 4), (gen_env_example, 6),
    (gen_terraform, 6), (gen_csv, 6), (gen_graphql, 4),
]


def build(count):
    """Draws count files ({relative path: content}): the weighted pool in turn, then random picks from it."""
    files = {}
    pool = [g for g, w in GENERATORS for _ in range(w)]
    i = 0
    while len(files) < count:
        R.reseed(i)
        gen = pool[i % len(pool)] if i < len(pool) else R.choice(pool)
        path, content = gen(R.choice(PROJECTS))
        i += 1
        if path in files:
            continue
        files[path] = content if content.endswith("\n") else content + "\n"
    return files
