"""notebooks/explore.ipynb runs end to end on the bundled data (so it never goes stale)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from test_search_graph import cache_folder

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"
STATUTES = Path(__file__).resolve().parents[2] / "shared" / "statutes"


def _kernel() -> str:
    """python3 from this environment: install its kernelspec for the user if it is missing."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(user=True)
    return "python3"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory):
    """The notebook executed in memory (the file stays without outputs). The kernel is this
    interpreter: jupyter_client runs sys.executable for a kernelspec whose command is python."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_folder(tmp_path_factory)))
        if STATUTES.is_dir():  # the notebook also runs without the library
            mp.setenv("KG_STATUTES", str(STATUTES))
        client = NotebookClient(nb, timeout=120, kernel_name=_kernel(),
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    return nb


def _outputs(nb, kind: str) -> str:
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                out.append(output.get("text", "") if kind == "text" else "")
            elif "data" in output:
                out.append(output["data"].get(kind, ""))
    return "\n".join(out)


def test_the_saved_notebook_has_no_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebook_runs_and_answers_the_three_questions(executed) -> None:
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    text = _outputs(executed, "text/plain") + _outputs(executed, "text")
    page = _outputs(executed, "text/html")
    assert "items rest on 政府信息公开条例第二十条" in text
    assert "the same as depends" in text
    assert "领导信息" in page and "统计信息" in page  # Article 20 and the 统计法 amendment
    assert "most cited acts" in page and "units by items" in page
    assert _outputs(executed, "image/png")  # the chart
    assert "<iframe srcdoc=" in page  # the graph drawn inline
    assert "【社会保险】" in page
