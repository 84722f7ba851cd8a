// Live feasibility check for the quota editor: after each change, ask the server
// whether the quotas as typed (not yet saved) can be met with the pool.
(function () {
  const form = document.getElementById("quota-editor");
  const output = document.getElementById("feasibility");
  if (!form || !output) return;
  let timer = null;
  function show(result) {
    output.replaceChildren();
    const box = document.createElement("div");
    box.className = result.ok ? "help-block help-info" : "help-block help-critical";
    if (result.ok) {
      box.textContent = form.dataset.okText || "OK";
    } else {
      const list = document.createElement("ul");
      for (const problem of result.problems) {
        const item = document.createElement("li");
        item.textContent = problem;
        list.appendChild(item);
      }
      box.appendChild(list);
    }
    output.appendChild(box);
  }
  function check() {
    fetch(form.dataset.checkUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then((response) => response.json())
      .then(show)
      .catch(() => {});
  }
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
