/* kg: runs before pyvis creates the network, so the first drawing is never missed
   (graph.js, placed after pyvis's script, could register too late). */
(function () {
  "use strict";
  window.kgFirstDraw = null;
  var Original = vis.Network;
  function Network(container, data, options) {
    var net = new Original(container, data, options);
    net.once("afterDrawing", function () {
      window.kgFirstDraw = performance.now();
    });
    return net;
  }
  Network.prototype = Original.prototype;
  vis.Network = Network;
})();
