simPage({
  methods: {
    // accept creates the application (status 未提交) and opens its verify
    // page; on an existing application it only moves on.
    accept: function () {
      var self = this;
      if (SIM.app && SIM.app.id) { location.href = '/apply/' + SIM.app.id + '/verify'; return; }
      this.saving = true;
      this.api('POST', '/api/applications', {}).then(function (r) {
        location.href = r.redirect;
      }, function () { self.saving = false; });
    }
  }
});
