// The page's behaviour: click a provision to see its evidence; upload and review through the JSON API.
"use strict";
(function () {
  const token = () => document.querySelector('meta[name="csrf-token"]').content;

  function showError(form, message) {
    const p = form.querySelector(".error");
    p.textContent = message;
    p.hidden = false;
  }

  async function send(form, url, init) {
    init.headers = Object.assign({ "X-CSRF-Token": token() }, init.headers || {});
    init.credentials = "same-origin";
    const resp = await fetch(url, init);
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      showError(form, (body && body.detail) || resp.status + " " + resp.statusText);
      return null;
    }
    return body;
  }

  function select(pid) {
    document.querySelectorAll("mark.ev.active").forEach((m) => m.classList.remove("active"));
    document.querySelectorAll(".prov.selected").forEach((a) => a.classList.remove("selected"));
    const marks = Array.from(document.querySelectorAll("mark.ev")).filter((m) =>
      m.dataset.prov.split(" ").includes(pid));
    marks.forEach((m) => m.classList.add("active"));
    const art = document.getElementById("p-" + pid);
    if (art) art.classList.add("selected");
    const anchor = document.getElementById("ev-" + pid);
    if (anchor) (marks[0] || anchor).scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.goto");
    if (b) select(b.dataset.prov);
  });

  document.addEventListener("submit", async (ev) => {
    const form = ev.target;
    if (form.id === "upload") {
      ev.preventDefault();
      const data = new FormData(form);
      data.delete("csrf_token");
      const body = await send(form, "/api/assessments", { method: "POST", body: data });
      if (body) window.location.href = "/assessments/" + body.id + window.location.search;
    } else if (form.classList.contains("review-form")) {
      ev.preventDefault();
      const f = new FormData(form);
      const review = { key: f.get("key"), verdict: f.get("verdict"), note: f.get("note"), reviewer: f.get("reviewer") };
      const body = await send(form, form.getAttribute("action"), {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(review),
      });
      if (body) window.location.reload();
    }
  });
})();
