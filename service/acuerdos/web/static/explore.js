// The explorer without a click on "Apply": a ticked box submits the form, and a long list filters as one types.
// The page works without this script (the form has its own button; every list is shown whole).
(function () {
  "use strict";
  var form = document.getElementById("facets");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.type === "checkbox") { form.submit(); }
  });
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  Array.prototype.forEach.call(form.querySelectorAll("input.type-ahead"), function (input) {
    var list = document.getElementById(input.getAttribute("data-list"));
    input.hidden = false;
    input.addEventListener("input", function () {
      var want = fold(input.value.trim());
      Array.prototype.forEach.call(list.querySelectorAll("li"), function (item) {
        item.hidden = want !== "" && fold(item.textContent).indexOf(want) < 0;
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
  });
})();
