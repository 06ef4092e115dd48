/* Test-only page changes of the simulator (portalsim.Drift): loaded after
   app.js and before the page script, only when a Drift option is set. */
(function () {
  'use strict';
  var D = (window.SIM && window.SIM.drift) || {};
  if (D.extra && window.SIM.form) window.SIM.form.extra_required = '';
  var mount = window.simPage;
  window.simPage = function (options) {
    var vm = mount(options);
    var key = D.clear_always || D.clear_once;
    if (key && vm.form) {
      var cleared = false;
      var clear = function () {
        if (!vm.form[key] || (cleared && !D.clear_always)) return;
        cleared = true;
        vm.form[key] = '';
      };
      // Another field changing empties the key's value, as a portal that
      // reloads one list when another field changes.
      Object.keys(vm.form).forEach(function (k) {
        if (k === key) return;
        vm.$watch(function () { return vm.form[k]; }, clear);
      });
      if (D.clear_always) {
        var save = vm.save;
        vm.save = function (next) { clear(); return save.call(vm, next); };
      }
    }
    if (D.confirm_next && vm.save) {
      var orig = vm.save;
      vm.save = function (next) {
        if (!next) return orig.call(vm, next);
        vm.$confirm('确定保存并进入下一步吗？', '提示', { confirmButtonText: '确定', cancelButtonText: '取消', type: 'warning' })
          .then(function () { orig.call(vm, next); }, function () {});
      };
    }
    return vm;
  };
})();
