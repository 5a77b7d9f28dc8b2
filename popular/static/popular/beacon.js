// Counts a view once the article has actually been visible for a moment; nothing else.
// No cookie, no storage, no identifier: the server deduplicates with a daily-salted hash.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) return;
  if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true) return;
  var endpoint = script.dataset.endpoint;
  var article = script.dataset.article;
  var delay = 1000;
  var timer = null;
  var sent = false;

  function send() {
    if (sent) return;
    sent = true;
    navigator.sendBeacon(endpoint, new URLSearchParams({ article: article }));
  }

  function watch() {
    if (document.visibilityState === "visible") {
      if (!timer && !sent) timer = window.setTimeout(send, delay);
    } else if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
  }

  document.addEventListener("visibilitychange", watch);
  watch();
})();
