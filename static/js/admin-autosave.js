// Keeps the change form's unsaved input in this browser's localStorage (one
// entry per user and object; nothing is sent anywhere) and offers it back
// after a reload or a lost connection.
(function () {
  "use strict";
  const SKIPPED = new Set(["csrfmiddlewaretoken", "_opened_version"]);

  function fields(form) {
    return Array.from(form.elements).filter(
      (element) =>
        element.name &&
        !SKIPPED.has(element.name) &&
        // Hidden inputs belong to the page (formset counts, initial values).
        !["file", "password", "submit", "button", "hidden"].includes(element.type)
    );
  }

  function collect(form) {
    const values = {};
    for (const element of fields(form)) {
      let value;
      if (element.type === "checkbox" || element.type === "radio") {
        value = element.checked;
      } else if (element.multiple) {
        value = Array.from(element.selectedOptions, (option) => option.value);
      } else {
        value = element.value;
      }
      (values[element.name] = values[element.name] || []).push(value);
    }
    return values;
  }

  function apply(form, values) {
    const seen = {};
    for (const element of fields(form)) {
      const stored = values[element.name];
      if (!stored) continue;
      const index = (seen[element.name] = (seen[element.name] ?? -1) + 1);
      const value = stored[index];
      if (value === undefined) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = value;
      } else if (element.multiple) {
        for (const option of element.options) {
          option.selected = value.includes(option.value);
        }
      } else {
        element.value = value;
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function start() {
    const banner = document.getElementById("autosave");
    if (!banner) return;
    const form = banner.closest("form");
    const key = banner.dataset.key;
    const version = banner.dataset.version;
    let stored = null;
    try {
      stored = JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      stored = null;
    }
    const initial = collect(form);

    if (stored && stored.submitted && !banner.dataset.errors) {
      // Sent, and this page shows no error: saved, unless the version is
      // the one it was typed on (the save did not arrive).
      const added = key.endsWith(":add");
      if (added || stored.version !== version) {
        window.localStorage.removeItem(key);
        stored = null;
      }
    }
    if (stored && stored.values && same(stored.values, initial)) {
      // Nothing the form does not hold already.
      window.localStorage.removeItem(key);
      stored = null;
    }
    if (stored && stored.values) {
      banner.querySelector(".autosave-time").textContent = new Date(
        stored.time
      ).toLocaleString();
      banner.hidden = false;
      banner.querySelector(".autosave-restore").addEventListener("click", () => {
        apply(form, stored.values);
        banner.hidden = true;
      });
      banner.querySelector(".autosave-discard").addEventListener("click", () => {
        window.localStorage.removeItem(key);
        banner.hidden = true;
      });
    }

    let timer = null;
    let submitting = false;
    function save(submitted) {
      const values = collect(form);
      if (!submitted && same(values, initial)) return;
      const entry = { time: Date.now(), version, values, submitted };
      try {
        window.localStorage.setItem(key, JSON.stringify(entry));
      } catch (error) {
        // Storage full or refused: the form still works without it.
      }
    }
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => save(false), 500);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", () => {
      window.clearTimeout(timer);
      submitting = true;
      save(true);
    });
    window.addEventListener("pagehide", () => {
      window.clearTimeout(timer);
      // Leaving with an offer not taken up keeps the offer as it was.
      if (submitting || !banner.hidden) return;
      save(false);
    });
  }

  // After "load": the rich-text editor has filled its field in by then.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
