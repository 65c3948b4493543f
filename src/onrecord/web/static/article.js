// The article page: clicking a highlighted statement shows it in the list beside the text,
// and the list entry lights up its highlight.
"use strict";

(() => {
  const text = document.getElementById("article-text");
  const list = document.getElementById("statements");
  if (!text || !list) return;

  function activate(id) {
    for (const mark of text.querySelectorAll("mark.stmt.active")) mark.classList.remove("active");
    for (const mark of text.querySelectorAll("mark.stmt")) {
      if (mark.dataset.statement === id) mark.classList.add("active");
    }
  }

  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.stmt");
    if (!mark || event.target.closest("a")) return;
    const id = mark.dataset.statement;
    activate(id);
    const entry = document.getElementById(`s-${id}`);
    if (entry) entry.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
  list.addEventListener("mouseover", (event) => {
    const entry = event.target.closest("li[id^='s-']");
    if (entry) activate(entry.id.slice(2));
  });
  if (location.hash.startsWith("#s-")) {
    const id = location.hash.slice(3);
    activate(id);
    const first = text.querySelector(`mark.stmt[data-statement="${CSS.escape(id)}"]`);
    if (first) first.scrollIntoView({ block: "center" });
  }
})();
