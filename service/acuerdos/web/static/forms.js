// Forms without a click too many: on a wide screen a ticked facet submits the explorer's form (on a
// phone the folded panel stays open for several ticks, then "Apply"), and a long list (of facet
// values, or of a question's choices) filters as one types. The explorer's panel is opened on a wide
// screen, for a browser that cannot show a closed <details>'s content (style.css does it otherwise).
// Every page works without this script: the forms have their buttons, a long facet's "Show all" is a link.
(function () {
  "use strict";
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var facets = document.getElementById("facets");
  var wide = window.matchMedia("(min-width: 50.01rem)");
  if (facets) {
    var panel = facets.querySelector("details.filters");
    var fit = function () { if (panel) { panel.open = wide.matches; } };  // folded again when a screen turns narrow
    // open on a phone too after "Show all" (the page came back to show a facet whole)
    if (panel && !panel.hasAttribute("data-unfolded")) { fit(); }
    wide.addEventListener("change", fit);
    facets.addEventListener("change", function (event) {
      if (event.target && event.target.type === "checkbox" && wide.matches) { facets.submit(); }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input.type-ahead"), function (input) {
    var list = document.getElementById(input.getAttribute("data-list") || input.getAttribute("data-select"));
    if (!list) { return; }
    var items = list.tagName === "SELECT" ? list.querySelectorAll("option") : list.querySelectorAll("li");
    input.hidden = false;
    input.addEventListener("input", function () {
      var want = fold(input.value.trim());
      Array.prototype.forEach.call(items, function (item) {
        var keep = want === "" || item.selected || fold(item.textContent).indexOf(want) >= 0;
        item.hidden = !keep;
        if (item.tagName === "OPTION") { item.disabled = !keep; }
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
  });
})();
