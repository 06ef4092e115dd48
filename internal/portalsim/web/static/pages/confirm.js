simPage({
  data: function () { return { pledge: false }; },
  methods: {
    // submit is for the person only: autofill never clicks it. Every click
    // reaches the server (which counts it), pledge or not.
    submit: function () {
      var self = this;
      this.saving = true;
      this.api('POST', '/api/applications/' + SIM.app.id + '/submit', { pledge: this.pledge }).then(function (r) {
        self.saving = false;
        if (r.redirect) { location.href = r.redirect; return; }
        self.$message({ type: 'info', message: r.message, duration: 4000 });
      }, function () { self.saving = false; });
    }
  }
});
