// The query page: pick or write a query, run it against ./sparql, show a table or a drawing.
"use strict";

const RESULTS_JSON = "application/sparql-results+json";
const GRAPH_JSON = "application/ld+json";
const editor = document.getElementById("query");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");

function setStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.className = isError ? "error" : "";
}

async function loadExamples() {
  const picker = document.getElementById("examples");
  const examples = await (await fetch("examples")).json();
  for (const example of examples) {
    picker.add(new Option(example.name, example.text));
  }
  picker.addEventListener("change", () => { if (picker.value) editor.value = picker.value; });
}

async function runQuery() {
  setStatus("running…");
  results.replaceChildren();
  const started = performance.now();
  const response = await fetch("sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query",
               "Accept": `${RESULTS_JSON}, ${GRAPH_JSON};q=0.9` },
    body: editor.value,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    setStatus(`${response.status}: ${(await response.text()).trim()}`, true);
    return;
  }
  const cut = response.headers.get("X-KG-Truncated") ? " (cut at the row limit)" : "";
  const body = await response.json();
  if (response.headers.get("Content-Type").startsWith(GRAPH_JSON)) {
    const count = drawGraph(body);
    setStatus(`${count} triples in ${seconds} s${cut}`);
  } else if ("boolean" in body) {
    results.textContent = String(body.boolean);
    setStatus(`answered in ${seconds} s`);
  } else {
    results.append(resultTable(body));
    setStatus(`${body.results.bindings.length} rows in ${seconds} s${cut}`);
  }
}

function termCell(term) {
  const cell = document.createElement("td");
  if (!term) return cell;
  cell.className = term.type;
  cell.textContent = term.value;
  const note = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype ? `^^${shortName(term.datatype)}` : "";
  if (note) {
    const span = document.createElement("span");
    span.className = term["xml:lang"] ? "lang" : "type";
    span.textContent = ` ${note}`;
    cell.append(span);
  }
  return cell;
}

function resultTable(body) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of body.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const rows = table.createTBody();
  for (const binding of body.results.bindings) {
    const row = rows.insertRow();
    for (const name of body.head.vars) row.append(termCell(binding[name]));
  }
  return table;
}

function shortName(iri) {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
  return cut >= 0 && cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
}

// Expanded JSON-LD (a list of node objects) -> nodes and edges; literals become leaf nodes.
function graphOf(nodes) {
  const ids = new Map();
  const edges = [];
  const node = (key, label, literal) => {
    if (!ids.has(key)) ids.set(key, { key, label, literal, x: 0, y: 0, dx: 0, dy: 0 });
    return ids.get(key);
  };
  for (const subject of nodes) {
    const from = node(subject["@id"], shortName(subject["@id"]), false);
    for (const [predicate, objects] of Object.entries(subject)) {
      if (predicate.startsWith("@")) continue;
      for (const object of [].concat(objects)) {
        const to = "@id" in object
          ? node(object["@id"], shortName(object["@id"]), false)
          : node(`${subject["@id"]} ${predicate} ${object["@value"]}`, String(object["@value"]), true);
        edges.push({ from, to, label: shortName(predicate) });
      }
    }
  }
  return { nodes: [...ids.values()], edges };
}

// A plain spring layout: edges pull, all nodes push apart, a fixed number of rounds.
function layout({ nodes, edges }, width, height) {
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    n.x = width / 2 + (width / 3) * Math.cos(angle);
    n.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const ideal = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
  for (let round = 0; round < 200; round++) {
    for (const a of nodes) {
      a.dx = (width / 2 - a.x) * 0.01;
      a.dy = (height / 2 - a.y) * 0.01;
      for (const b of nodes) {
        if (a === b) continue;
        const ddx = a.x - b.x, ddy = a.y - b.y, d2 = ddx * ddx + ddy * ddy + 0.01;
        a.dx += (ddx * ideal * ideal) / d2 / 10;
        a.dy += (ddy * ideal * ideal) / d2 / 10;
      }
    }
    for (const { from, to } of edges) {
      const ddx = to.x - from.x, ddy = to.y - from.y, d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01;
      const pull = (d - ideal) / d / 4;
      from.dx += ddx * pull; from.dy += ddy * pull;
      to.dx -= ddx * pull; to.dy -= ddy * pull;
    }
    const step = 1 - round / 200;
    for (const n of nodes) {
      n.x = Math.min(width - 20, Math.max(20, n.x + Math.max(-30, Math.min(30, n.dx)) * step));
      n.y = Math.min(height - 20, Math.max(20, n.y + Math.max(-30, Math.min(30, n.dy)) * step));
    }
  }
}

function svgElement(name, attributes, text) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function drawGraph(jsonld) {
  const graph = graphOf(jsonld);
  const width = Math.max(results.clientWidth, 600), height = 560;
  layout(graph, width, height);
  const svg = svgElement("svg", { class: "graph", viewBox: `0 0 ${width} ${height}` });
  for (const { from, to, label } of graph.edges) {
    svg.append(svgElement("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y }));
    svg.append(svgElement("text", { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2, fill: "#777" }, label));
  }
  for (const n of graph.nodes) {
    const circle = svgElement("circle", { cx: n.x, cy: n.y, r: 6, class: n.literal ? "literal" : "" });
    circle.append(svgElement("title", {}, n.key));
    svg.append(circle, svgElement("text", { x: n.x + 8, y: n.y + 3 }, n.label.slice(0, 40)));
  }
  results.append(svg);
  return graph.edges.length;
}

document.getElementById("run").addEventListener("click", runQuery);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runQuery();
});
loadExamples();
