// Live eligibility check and autosave for the label application form. Without this script the form
// still works: "Save draft" and "Submit application" post it and the page shows the same check.
(function () {
  "use strict";
  var form = document.getElementById("label-form");
  var list = document.getElementById("label-check-result");
  var status = document.getElementById("label-autosave");
  if (!form || !list || form.querySelector("fieldset[disabled]")) return;
  var timer = null;

  function render(data) {
    list.replaceChildren();
    data.checks.forEach(function (check) {
      var item = document.createElement("li");
      item.className = "label-check__item label-check__item--" + check.result;
      var title = document.createElement("strong");
      title.textContent = check.title + ":";
      var result = document.createElement("span");
      result.className = "label-check__result";
      result.textContent = check.result_label;
      var reason = document.createElement("span");
      reason.className = "label-check__reason";
      reason.textContent = check.reason;
      item.append(title, " ", result, " ", reason);
      list.appendChild(item);
    });
    if (data.saved && status) status.textContent = form.dataset.savedText;
  }

  function check() {
    var data = new FormData(form);
    data.delete("evidence-file");
    fetch(form.dataset.checkUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) render(data); })
      .catch(function () { /* offline: the buttons still save */ });
  }

  function schedule(event) {
    if (event.target.type === "file") return;
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
