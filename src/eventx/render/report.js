// Interactions of the eventx report: legend toggles, fact rows that flash their spans.
(function () {
  "use strict";
  function marksOf(fact) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-facts]"), function (m) {
      return m.getAttribute("data-facts").split(" ").indexOf(fact) >= 0;
    });
  }
  function flash(fact) {
    document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
    var marks = marksOf(fact);
    marks.forEach(function (m) { m.classList.add("flash"); });
    if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }
  document.querySelectorAll("[data-fact]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      flash(link.getAttribute("data-fact"));
    });
  });
  document.querySelectorAll(".legend li[data-type]").forEach(function (item) {
    item.addEventListener("click", function () {
      item.classList.toggle("off");
      document.body.classList.toggle("hide-" + item.getAttribute("data-type"));
    });
  });
})();
