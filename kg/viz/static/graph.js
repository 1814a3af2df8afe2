// The interactive page of `kg viz FILE.html`: draws the graph with vis-network, lets the reader
// search, filter by class, date and article, and shows a node's provenance in the side panel.
// window.kgGraph is the page's API (used by the browser test and by curious readers).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const hiddenClasses = new Set();
  const element = (id) => document.getElementById(id);
  const { text, articleName, entry, sentences } = window.kgPanel(data);

  const nodes = new vis.DataSet(data.nodes.map((node) => ({
    id: node.id, label: node.family === "Quote" ? undefined : node.label,
    title: node.cls + ": " + node.label, shape: node.shape,
    size: (node.family === "Quote" ? 5 : 10) + 4 * Math.min(node.sources.length, 10),  // by sources
    color: { background: node.colour, border: "#333",
             highlight: { background: node.colour, border: "#000" } },
  })));
  const edges = new vis.DataSet(data.edges.map((edge, index) => ({
    id: index, from: edge.from, to: edge.to, label: edge.role, arrows: "to",
  })));
  const large = data.nodes.length > data.settings.cluster_above;
  const network = new vis.Network(element("kg-network"), { nodes: nodes, edges: edges }, {
    layout: { improvedLayout: data.nodes.length <= 150, randomSeed: 7 },
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -50, springLength: 80,
                                   avoidOverlap: 0.6 },
               stabilization: { enabled: false } },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: large },
    nodes: { font: { size: 13 }, widthConstraint: { maximum: 170 } },
    edges: { font: { size: 10, align: "middle", color: "#555" }, color: { color: "#999" },
             smooth: false },
  });

  // At scale: the unconnected nodes of each class become one group, and leaves (one edge)
  // join their neighbour, so the layout has far fewer bodies to settle.
  function clusterLeaves() {
    if (!large) return;
    const degree = new Map();
    data.edges.forEach((edge) => [edge.from, edge.to].forEach((id) =>
      degree.set(id, (degree.get(id) || 0) + 1)));
    data.legend.forEach((item) => {
      const alone = data.nodes.filter((node) => node.cls === item.cls && !degree.has(node.id));
      if (alone.length < 2) return;
      const members = new Set(alone.map((node) => node.id));
      network.cluster({
        joinCondition: (options) => members.has(options.id),
        clusterNodeProperties: { id: "unconnected " + item.cls, shape: item.shape,
                                 color: item.colour, size: 30, borderWidth: 3,
                                 label: alone.length + " unconnected " + item.cls },
      });
    });
    network.clusterOutliers({
      clusterNodeProperties: { borderWidth: 3 },
      processProperties: (cluster, childNodes) => {  // drawn as its hub, with the count
        const hub = childNodes.reduce((best, child) =>
          (degree.get(child.id) || 0) > (degree.get(best.id) || 0) ? child : best);
        return Object.assign(cluster, { shape: hub.shape, color: hub.color, size: 24,
          label: (hub.label || "") + " +" + (childNodes.length - 1) });
      },
    });
  }

  function settle() {
    const bodies = network.body.nodeIndices.length;  // what is left after grouping
    const iterations = bodies > 300 ? 200 : Math.min(600, 150 + bodies);
    network.setOptions({ physics: { enabled: true,
      stabilization: { enabled: true, iterations: iterations, updateInterval: 25 } } });
    network.stabilize(iterations);
  }

  network.on("stabilizationProgress", (progress) => {
    element("kg-status").textContent = "Laying out the graph… " +
      Math.round(100 * progress.iterations / progress.total) + "%";
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    network.once("afterDrawing", () => {
      element("kg-status").textContent = data.nodes.length + " nodes, " + data.edges.length +
        " edges" + (large ? "; leaves grouped (double-click a group to open it)" : "");
      window.kgGraph.ready = true;
      document.body.dataset.ready = "true";
    });
    network.redraw();
  });

  network.on("click", (event) => {
    if (event.nodes.length) showNode(event.nodes[0]);
  });
  network.on("doubleClick", (event) => {
    if (event.nodes.length && network.isCluster(event.nodes[0])) network.openCluster(event.nodes[0]);
  });

  function wikidataLink(id) {
    if (!id) return "";
    const cell = text("dd");
    cell.append(text("a", id, { href: "https://www.wikidata.org/wiki/" + id, target: "_blank",
                                rel: "noopener" }));
    return cell;
  }

  function showNode(id) {
    const panel = element("kg-panel");
    panel.replaceChildren();
    if (network.isCluster(id)) {
      const members = network.getNodesInCluster(id);
      panel.append(text("h2", "A group of " + members.length + " nodes"),
                   text("p", "Double-click the group to open it.", { class: "hint" }));
      const list = text("ul");
      members.slice(0, 50).forEach((member) => list.append(text("li", byId.has(member) ?
        byId.get(member).label : member)));
      panel.append(list);
      return;
    }
    const node = byId.get(id);
    panel.append(text("h2", node.label), text("p", node.cls, { class: "hint" }));
    const list = text("dl");
    entry(list, "Also called", node.aliases);
    entry(list, "Posts", node.roles);
    entry(list, "Wikidata", [wikidataLink(node.wikidata)]);
    entry(list, "Date", [node.date]);
    entry(list, "Words", [node.text]);
    entry(list, "CAMEO code", [node.cameo]);
    entry(list, "Factuality", [node.factuality]);
    entry(list, "Sectors", node.sectors);
    entry(list, "Roles in the graph", node.links);
    entry(list, "Sources (" + node.sources.length + ")", node.sources.map(articleName));
    entry(list, "Read in", sentences(node.sentences));
    entry(list, "IRI", [node.id]);
    panel.append(list);
  }

  function matches(node, wanted) {
    return [node.label, node.wikidata, node.id].concat(node.aliases)
      .some((name) => name && name.toLowerCase().includes(wanted));
  }

  function find(words) {
    const wanted = words.trim().toLowerCase();
    if (!wanted) return [];
    const exact = data.nodes.filter((node) => node.label.toLowerCase() === wanted);
    const found = exact.length ? exact : data.nodes.filter((node) => matches(node, wanted));
    return found.map((node) => node.id);
  }

  function select(id) {
    if (!byId.has(id)) return false;
    const shown = network.findNode(id)[0] || id;
    network.selectNodes([shown]);
    network.focus(shown, { scale: 1.2, animation: false });
    showNode(id);
    return true;
  }

  function shown(node) {
    if (hiddenClasses.has(node.cls)) return false;
    const article = element("kg-article").value;
    if (article && !node.sources.includes(article)) return false;
    const from = element("kg-date-from").value;
    const to = element("kg-date-to").value;
    if (node.date && node.family === "Event" && ((from && node.date < from) || (to && node.date > to))) {
      return false;
    }
    return true;
  }

  function applyFilters() {
    const updates = data.nodes.map((node) => ({ id: node.id, hidden: !shown(node) }));
    nodes.update(updates);
    const visible = updates.filter((update) => !update.hidden).length;
    element("kg-counts").textContent = visible + " of " + data.nodes.length + " nodes shown";
  }

  function buildLegend() {
    const legend = element("kg-legend");
    data.legend.forEach((item) => {
      const box = text("input", undefined, { type: "checkbox", "data-class": item.cls });
      box.checked = true;
      box.addEventListener("change", () => {
        if (box.checked) hiddenClasses.delete(item.cls); else hiddenClasses.add(item.cls);
        applyFilters();
      });
      const swatch = text("span", undefined, { class: "swatch " + item.shape });
      swatch.style.background = item.colour;
      const label = text("label");
      label.append(box, swatch, text("span", item.cls + " (" + item.count + ")"));
      const row = text("li");
      row.append(label);
      legend.append(row);
    });
  }

  function buildFilters() {
    const dates = data.nodes.filter((node) => node.family === "Event" && node.date)
      .map((node) => node.date).sort();
    ["kg-date-from", "kg-date-to"].forEach((id, index) => {
      const input = element(id);
      if (dates.length) {
        input.min = dates[0]; input.max = dates[dates.length - 1];
        input.value = index ? input.max : input.min;
      }
      input.addEventListener("change", applyFilters);
    });
    const choice = element("kg-article");
    Object.keys(data.articles).sort((a, b) => articleName(a).localeCompare(articleName(b)))
      .forEach((iri) => choice.append(text("option", articleName(iri), { value: iri })));
    choice.addEventListener("change", applyFilters);
    const names = element("kg-names");
    data.nodes.forEach((node) => names.append(text("option", undefined, { value: node.label })));
    element("kg-search").addEventListener("change", (event) => {
      const found = find(event.target.value);
      element("kg-status").textContent = found.length ? found.length + " found" : "nothing found";
      if (found.length) select(found[0]);
    });
  }

  window.kgGraph = { ready: false, network: network, nodes: nodes, edges: edges, data: data,
                     find: find, select: select, showNode: showNode, applyFilters: applyFilters };
  element("kg-note").textContent = data.note;
  buildLegend();
  buildFilters();
  applyFilters();
  clusterLeaves();
  settle();
})();
