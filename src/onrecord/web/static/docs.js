// The API page: the endpoints of /openapi.json with their parameters, drawn here so the docs
// work offline (FastAPI's default /docs pulls Swagger UI from a CDN).
"use strict";

(async () => {
  const root = document.getElementById("endpoints");
  const el = onrecord.el;
  let spec;
  try {
    spec = await onrecord.fetchJSON("/openapi.json");
  } catch (err) {
    root.replaceChildren(el("p", "status error", err.message));
    return;
  }
  const sections = [];
  for (const [path, methods] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(methods)) {
      const section = el("section", "version");
      const title = el("h3");
      title.append(el("span", "kind", method.toUpperCase()), document.createTextNode(" "), el("code", null, path));
      section.appendChild(title);
      if (op.summary) section.appendChild(el("p", null, op.summary));
      if (op.description) section.appendChild(el("p", "small muted", op.description));
      const params = op.parameters || [];
      if (params.length) {
        const list = el("dl", "facts small");
        for (const p of params) {
          list.appendChild(el("dt", null, `${p.name} (${p.in}${p.required ? ", required" : ""})`));
          list.appendChild(el("dd", null, p.description || ""));
        }
        section.appendChild(list);
      }
      sections.push(section);
    }
  }
  root.replaceChildren(...sections);
})();
