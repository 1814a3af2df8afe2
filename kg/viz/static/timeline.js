// The interactive timeline of `kg viz --timeline FILE.html`: events on a date axis with
// vis-timeline, one lane per main actor; a click on an event shows its sources and sentences.
// window.kgTimeline is the page's API (used by the tests and by curious readers).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const element = (id) => document.getElementById(id);
  const { text, articleName, entry, sentences } = window.kgPanel(data);

  function showEvent(id) {
    const event = data.events[id];
    const panel = element("kg-panel");
    panel.replaceChildren(text("h2", event.label), text("p", event.cls, { class: "hint" }));
    const list = text("dl");
    entry(list, event.dated ? "Date" : "Reported on (no date in the text)", [event.date]);
    entry(list, "Roles", event.links);
    entry(list, "Sources (" + event.sources.length + ")", event.sources.map(articleName));
    entry(list, "Read in", sentences(event.sentences));
    entry(list, "IRI", [id]);
    panel.append(list);
  }

  const items = new vis.DataSet(data.items.map((item) => ({
    id: item.id, event: item.event, group: item.group, start: item.start, end: item.end,
    content: item.content, type: item.end ? "range" : "box",  // a range: "last week", "in March"
    className: "kg-event" + (item.dated ? "" : " kg-undated"),
    style: "border-color: " + item.colour + "; background-color: " + item.colour + "33;",
    title: item.content + " (" + data.events[item.event].date +
           (item.dated ? "" : ", first reported") + ")",
  })));
  const groups = new vis.DataSet(data.lanes);
  const timeline = new vis.Timeline(element("kg-timeline"), items, groups, {
    stack: true, orientation: "top", zoomKey: "ctrlKey", margin: { item: 6 }, align: "left",
    start: data.window.start, end: data.window.end, height: "100%", verticalScroll: true,
    onInitialDrawComplete: () => {
      element("kg-status").textContent = Object.keys(data.events).length + " events in " +
        data.lanes.length + " lanes" +
        (data.left_out ? "; " + data.left_out + " undated events left out" : "");
      window.kgTimeline.ready = true;
      document.body.dataset.ready = "true";
    },
    groupOrder: (a, b) => data.lanes.findIndex((lane) => lane.id === a.id) -
                          data.lanes.findIndex((lane) => lane.id === b.id),
  });

  function select(eventId) {
    const ids = data.items.filter((item) => item.event === eventId).map((item) => item.id);
    if (!ids.length) return false;
    timeline.setSelection(ids, { focus: true });
    showEvent(eventId);
    return true;
  }

  timeline.on("select", (properties) => {
    if (properties.items.length) showEvent(items.get(properties.items[0]).event);
  });
  window.kgTimeline = { ready: false, timeline: timeline, items: items, data: data,
                        select: select, showEvent: showEvent };
})();
