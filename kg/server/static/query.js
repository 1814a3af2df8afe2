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

// Expanded JSON-LD (a list of node objects) -> vis-network nodes and edges; literals are leaves.
function graphOf(subjects) {
  const nodes = new Map();
  const edges = [];
  const node = (id, label, literal) => {
    if (!nodes.has(id)) {
      nodes.set(id, { id, label: label.slice(0, 40), title: id, shape: literal ? "box" : "dot",
                      color: literal ? "#e0a030" : "#4a7bd0" });
    }
    return id;
  };
  for (const subject of subjects) {
    const from = node(subject["@id"], shortName(subject["@id"]), false);
    for (const [predicate, objects] of Object.entries(subject)) {
      if (predicate.startsWith("@")) continue;
      for (const object of [].concat(objects)) {
        const to = "@id" in object
          ? node(object["@id"], shortName(object["@id"]), false)
          : node(`${subject["@id"]} ${predicate} ${object["@value"]}`, String(object["@value"]), true);
        edges.push({ from, to, label: shortName(predicate), arrows: "to", title: predicate });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

// Draws with vis-network, the library kg/viz vendors; the container notes what it holds.
function drawGraph(jsonld) {
  const { nodes, edges } = graphOf(jsonld);
  const container = document.createElement("div");
  container.className = "graph";
  container.dataset.nodes = nodes.length;
  container.dataset.edges = edges.length;
  results.append(container);
  new vis.Network(container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) },
                  { edges: { font: { size: 10, color: "#777" } }, physics: { stabilization: true } });
  return edges.length;
}

document.getElementById("run").addEventListener("click", runQuery);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runQuery();
});
loadExamples();
