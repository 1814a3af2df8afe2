"""The HTML pages of `kg viz` in a real headless Chromium: drawn, searchable, clickable.

The graph page is made from the seed articles by the real pipeline and store; the timeline
page from the hand-written summit graph.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

from kg.viz.output import write
from kg.viz.projection import project
from kg.viz.sources import load_rdf_file, load_rdf_text

pytestmark = [pytest.mark.slow, pytest.mark.browser]

FIXTURE = Path(__file__).parent / "fixtures" / "viz" / "summit.trig"
WAIT = 90  # seconds; the seeds' page is ready in about two


@pytest.fixture(scope="module")
def seeds_graph(seeds_dir: Path) -> nx.MultiDiGraph:
    from kg.store import open_source

    with open_source(None, [str(seeds_dir)]) as graph:
        return project(graph)


@pytest.fixture(scope="module")
def seeds_page(seeds_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("viz") / "graph.html"
    write(seeds_graph, target, title="The seeds")
    return target


def wait_until(browser, script: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, WAIT).until(lambda page: page.execute_script(script))


def search(browser, words: str) -> str:
    """Type into the search box and press Enter; the heading of the side panel."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "kg-search")
    box.clear()
    box.send_keys(words, Keys.ENTER)
    return browser.find_element(By.CSS_SELECTOR, "#kg-panel h2").text


def click_node(browser, node: str) -> None:
    """A real mouse click on the canvas where vis-network drew ``node``."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = browser.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    x, y = browser.execute_script(
        "const network = window.kgGraph.network;"
        "const point = network.canvasToDOM(network.getPosition(arguments[0]));"
        "return [point.x, point.y];", node)
    ActionChains(browser).move_to_element_with_offset(
        canvas, round(x - canvas.size["width"] / 2), round(y - canvas.size["height"] / 2)
    ).click().perform()


def article_names(graph: nx.MultiDiGraph) -> set[str]:
    return {about["name"] for about in graph.graph["articles"].values()}


def not_blank(screenshot: Path) -> bool:
    with Image.open(screenshot) as image:
        dark = sum(image.convert("L").resize((200, 120)).histogram()[:200])
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    return dark > 200 and len(colours) > 100


def test_the_seeds_graph_is_drawn_searchable_and_shows_provenance_on_click(
        browser, seeds_graph, seeds_page, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(seeds_page.as_uri())
    wait_until(browser, "return window.kgGraph && window.kgGraph.ready")
    assert browser.find_element(By.CSS_SELECTOR, "#kg-network canvas").is_displayed()
    assert search(browser, "Kim Jong-un") == "Kim Jong-un"
    assert search(browser, "Donald Trump") == "Donald Trump"
    summits = browser.execute_script(
        "return window.kgGraph.data.nodes.filter((node) => node.cls === 'Summit' &&"
        " node.links.includes('place: Hanoi')).map((node) => node.id);")
    assert len(summits) == 1, "one Hanoi summit, merged across both articles"
    drawn = browser.execute_script("return Object.keys(window.kgGraph.network.getPositions());")
    trump = next(node for node, data in seeds_graph.nodes(data=True)
                 if data["label"] == "Donald Trump")
    assert {summits[0], trump} <= set(drawn)

    browser.execute_script("window.kgGraph.showNode(arguments[0]);", summits[0])
    click_node(browser, trump)
    wait_until(browser, "return document.querySelector('#kg-panel h2').textContent"
                        " === 'Donald Trump'")
    quotes = browser.find_elements(By.CSS_SELECTOR, "#kg-panel blockquote")
    sentences = seeds_graph.nodes[trump]["sentences"]
    assert quotes and [quote.text.split("\n")[0] for quote in quotes] == [
        sentence["text"] for sentence in sentences]
    cited = {quote.find_element(By.TAG_NAME, "cite").text for quote in quotes}
    assert cited <= article_names(seeds_graph) and len(cited) == 2, "sentences of both articles"
    panel = browser.find_element(By.ID, "kg-panel")
    wikidata = seeds_graph.nodes[trump]["wikidata"]
    assert wikidata and f'href="https://www.wikidata.org/wiki/{wikidata}"' in panel.get_attribute(
        "innerHTML")
    assert "Sources (2)" in panel.text

    screenshot = tmp_path / "graph.png"
    assert browser.save_screenshot(str(screenshot))
    assert not_blank(screenshot)


def test_the_class_filter_hides_a_class(browser, seeds_page):
    from selenium.webdriver.common.by import By

    browser.get(seeds_page.as_uri())
    wait_until(browser, "return window.kgGraph && window.kgGraph.ready")
    shown = browser.find_element(By.ID, "kg-counts").text
    browser.find_element(By.CSS_SELECTOR, "#kg-legend input[data-class='Quote']").click()
    hidden = browser.execute_script(
        "return window.kgGraph.nodes.get().filter((node) => node.hidden).length;")
    quotes = browser.execute_script(
        "return window.kgGraph.data.nodes.filter((node) => node.cls === 'Quote').length;")
    assert hidden == quotes > 0
    assert browser.find_element(By.ID, "kg-counts").text != shown


def test_the_timeline_page_draws_lanes_and_shows_sources_of_a_clicked_event(browser, tmp_path):
    from selenium.webdriver.common.by import By

    target = tmp_path / "timeline.html"
    write(project(load_rdf_file(FIXTURE)), target, timeline=True)
    browser.get(target.as_uri())
    wait_until(browser, "return window.kgTimeline && window.kgTimeline.ready")
    lanes = [label.text for label in browser.find_elements(By.CSS_SELECTOR, ".vis-label")]
    assert lanes[:3] == ["Donald Trump", "North Korea", "Kim Jong-un"]
    box = next(item for item in browser.find_elements(By.CSS_SELECTOR, ".vis-item.kg-event")
               if item.text.startswith("Summit in Hanoi"))
    box.click()
    wait_until(browser, "return document.querySelector('#kg-panel h2') !== null")
    panel = browser.find_element(By.ID, "kg-panel").text
    assert "Summit in Hanoi, 2019-02-28" in panel
    assert "Leaders part without a deal · Wire A · 2019-03-01" in panel
    assert "No agreement in Hanoi · Outlet B · 2019-03-02" in panel


def test_the_timeline_page_draws_a_week_and_a_month_as_ranges(browser, tmp_path):
    from selenium.webdriver.common.by import By

    inexact = (FIXTURE.parent / "inexact.trig").read_text("utf-8")
    target = tmp_path / "timeline.html"
    write(project(load_rdf_text(FIXTURE.read_text("utf-8") + inexact, "trig")), target,
          timeline=True)
    browser.get(target.as_uri())
    wait_until(browser, "return window.kgTimeline && window.kgTimeline.ready")
    ranges = browser.find_elements(By.CSS_SELECTOR, ".vis-item.vis-range.kg-event")
    assert len(ranges) == 2  # the week and the month; the year sits at its report as a box
    assert all(item.size["width"] > 5 for item in ranges)
