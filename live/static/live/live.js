// Live coverage: new and corrected updates appear without a reload. Without this script the
// page still lists every update; it polls the same cached JSON that Varnish serves to everyone.
(() => {
  const section = document.querySelector("[data-live-running]");
  if (!section || !window.fetch) return;
  const list = section.querySelector(".live__updates");
  const status = section.querySelector(".live__status");
  const every = 1000 * Number(section.dataset.liveEvery || 30);

  function itemFrom(markup) {
    const template = document.createElement("template");
    template.innerHTML = markup.trim();
    return template.content.firstElementChild;
  }

  function apply(updates) {
    const shown = new Set(updates.map((update) => update.anchor));
    for (const item of [...list.children]) if (!shown.has(item.id)) item.remove();
    let added = 0;
    for (const update of [...updates].reverse()) { // oldest first, so the newest ends on top
      const current = document.getElementById(update.anchor);
      if (current && current.dataset.changed === String(update.changed)) continue;
      if (current) current.replaceWith(itemFrom(update.item));
      else { list.prepend(itemFrom(update.item)); added += 1; }
    }
    if (added) status.textContent = `${added} new update${added > 1 ? "s" : ""}`;
  }

  async function poll() {
    try {
      const response = await fetch(section.dataset.liveUpdates, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const data = await response.json();
        apply(data.updates);
        if (!data.live) return; // the coverage ended: nothing more will come
      }
    } catch (error) {
      // Offline for a moment: try again at the next turn.
    }
    setTimeout(poll, every);
  }
  setTimeout(poll, every);
})();
