// Progressive enhancement only: every control here has a no-JavaScript fallback.
(function () {
  "use strict";

  function announce(container, message) {
    var status = container.querySelector(".share__status");
    if (status) status.textContent = message;
  }

  document.querySelectorAll(".share").forEach(function (share) {
    var nativeButton = share.querySelector(".share__native");
    if (nativeButton && navigator.share) {
      nativeButton.hidden = false;
      nativeButton.addEventListener("click", function () {
        navigator.share({ title: nativeButton.dataset.shareTitle, url: nativeButton.dataset.shareUrl })
          .catch(function () {});
      });
    }
    var copyButton = share.querySelector(".share__copy");
    if (copyButton) {
      copyButton.addEventListener("click", function () {
        var url = copyButton.dataset.copyUrl;
        var done = function () { announce(share, "Link copied to the clipboard."); };
        var fail = function () { announce(share, "Copy this link: " + url); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(done, fail);
        } else {
          fail();
        }
      });
    }
  });

  // Click-to-load embeds: nothing is requested from the provider before the click.
  document.querySelectorAll(".embed").forEach(function (embed) {
    var button = embed.querySelector(".embed__load");
    if (!button) return;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = embed.dataset.embedSrc;
      frame.title = embed.dataset.embedTitle;
      frame.allow = "fullscreen; picture-in-picture";
      frame.loading = "lazy";
      frame.className = "embed__frame";
      embed.replaceChildren(frame);
      frame.focus();
    });
  });
})();
