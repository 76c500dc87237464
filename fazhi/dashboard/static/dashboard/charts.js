/* The cockpit's charts: each <div class="chart" data-source="ID" data-kind="bar|line">
   draws the JSON of <script id="ID" type="application/json"> (json_script) with
   ECharts, served from node_modules. The same numbers stand in a table beside it. */
(function () {
  "use strict";
  function draw(el) {
    var source = document.getElementById(el.dataset.source);
    if (!window.echarts || !source) return;
    var data = JSON.parse(source.textContent);
    var dark = document.body.classList.contains("screen");
    var chart = echarts.init(el, dark ? "dark" : null, {renderer: "canvas"});
    var narrow = el.clientWidth < 500;
    var series, legend = null;
    if (el.dataset.kind === "line") {
      series = data.series.map(function (s) {
        return {name: s.name, type: "line", data: s.values, connectNulls: true, smooth: false};
      });
      legend = {type: "scroll", bottom: 0};
    } else {
      series = [{type: "bar", data: data.values, name: data.title,
                 label: {show: !narrow, position: "right"}}];
    }
    var horizontal = el.dataset.kind !== "line";
    var categories = {type: "category", data: data.labels, axisLabel: {fontSize: narrow ? 10 : 12}};
    var values = {type: "value"};
    chart.setOption({
      backgroundColor: "transparent",
      title: {text: data.title, left: "center", textStyle: {fontSize: narrow ? 13 : 15}},
      tooltip: {trigger: "axis"},
      legend: legend,
      grid: {left: 8, right: horizontal ? 40 : 16, top: 40, bottom: legend ? 40 : 8, containLabel: true},
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? Object.assign({inverse: true}, categories) : values,
      series: series,
      animation: !dark
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-source]"), draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
