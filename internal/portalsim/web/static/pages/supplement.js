simPage({
  data: function () {
    return {
      req: SIM.request,
      named: SIM.named,
      added: (SIM.added || []).map(function (f) { return { name: f.name, uid: 'srv-' + f.id, status: 'success' }; })
    };
  },
  methods: {
    uploaded: function (res, file) { this.$message({ type: 'success', message: file.name + ' 上传成功' }); },
    replaced: function (row) {
      var self = this;
      return function (res, file) {
        row.replaced = true;
        row.current = res.name;
        self.$message({ type: 'success', message: file.name + ' 已重新上传' });
      };
    },
    failed: function (err) {
      var msg = '上传失败，请重试';
      try { msg = JSON.parse(err.message).message || msg; } catch (e) {}
      if (err.status === 401) { location.href = simLoginURL(true); return; }
      this.$message({ type: 'error', message: msg, duration: 5000, showClose: true });
    },
    // submit is for the person only: autofill never clicks it.
    submit: function () {
      var self = this;
      this.saving = true;
      this.api('POST', '/api/applications/' + SIM.app.id + '/supplement/submit', {}).then(function (r) {
        self.saving = false;
        if (r.redirect) { location.href = r.redirect; return; }
        self.$message({ type: 'info', message: r.message, duration: 4000 });
      }, function () { self.saving = false; });
    }
  }
});
