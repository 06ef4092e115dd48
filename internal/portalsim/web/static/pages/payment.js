simPage({
  methods: {
    // pay is for the person only; every click is counted by the server.
    pay: function (method) {
      var self = this;
      this.saving = true;
      this.api('POST', '/api/applications/' + SIM.app.id + '/pay', { method: method }).then(function (r) {
        self.saving = false;
        self.$message({ type: r.demo ? 'info' : 'success', message: r.message, duration: 4000 });
        if (r.redirect) setTimeout(function () { location.href = r.redirect; }, 800);
      }, function () { self.saving = false; });
    }
  }
});
