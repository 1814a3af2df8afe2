// What both pages of `kg viz` share: building the side panel that shows where a node or an
// event comes from (its articles and the sentences it was read from).
window.kgPanel = function (data) {
  "use strict";

  function text(tag, content, attributes) {
    const made = document.createElement(tag);
    if (content !== undefined) made.textContent = content;
    Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
    return made;
  }

  function articleName(iri) {
    return (data.articles[iri] || {}).name || iri;
  }

  function entry(list, term, values) {
    const shown = values.filter((value) => value !== "" && value !== undefined);
    if (!shown.length) return;
    list.append(text("dt", term));
    shown.forEach((value) => list.append(typeof value === "string" ? text("dd", value) : value));
  }

  function sentences(numbers) {
    return numbers.map((number) => {
      const sentence = data.sentences[number];
      const block = text("blockquote", sentence.text);
      block.append(text("cite", articleName(sentence.article)));
      return block;
    });
  }

  return { text: text, articleName: articleName, entry: entry, sentences: sentences };
};
